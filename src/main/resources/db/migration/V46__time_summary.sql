-- Module: contact
-- What the monitor's time windows need of a household's time entries, one row per household and
-- organisation of its entries (issue 16, item 2): the days with entries, in order, and per type of
-- support the minutes up to and including each day (a running total; a two-dimensional array,
-- the types in the order of vangnet_support_types()). The minutes of every type in any window of
-- days are then two look-ups by binary search (width_bucket) and a subtraction per type, per
-- household, instead of joining every time entry to the population and grouping it per
-- household and type (at 500,000 households about 1,200,000 entries, the dearest statement of the
-- monitor). The windows depend on the period counted (a trajectory's first 56 days, the 56 days
-- up to its end or up to the period's last day), the rows do not, so they are kept by statement
-- triggers in the same transaction as every change of a time entry and are always current. The
-- organisation is there for row-level security: a row shows what the entries of that
-- organisation show; a household with entries of more than one organisation is counted by the
-- monitor from its entries themselves.

-- The types of support (time_entry's check), in the order of the rows' minutes.
create function vangnet_support_types() returns varchar[]
  language sql immutable as $$
  select array['CONVERSATION', 'ARRANGING', 'PRACTICAL_SUPPORT', 'BUDDY_SUPPORT', 'PARENT_GROUP_ACTIVITY',
               'CHILD_GROUP_ACTIVITY', 'PARENT_VOLUNTEER_WORK']::varchar[]
$$;

create table household_time_summary (
  household_id     uuid not null,
  organisation_id  uuid not null references organisation (id),
  -- the household's entries are all of this organisation
  one_organisation boolean not null,
  -- the days with entries, in order; minutes[type][day]: the minutes of that type up to and
  -- including that day
  days             date[] not null,
  minutes          bigint[] not null,
  primary key (household_id, organisation_id)
);
-- the few households with entries of more than one organisation
create index household_time_summary_mixed on household_time_summary (household_id) where not one_organisation;

alter table household_time_summary enable row level security;
create policy household_time_summary_own on household_time_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- The rows of these households, from their time entries: per type and day, the running total.
create function vangnet_time_rows(households uuid[])
  returns table (household_id uuid, organisation_id uuid, one_organisation boolean, days date[], minutes bigint[])
  language sql stable security definer set search_path = public as $$
  with e as (
    select te.household_id, te.organisation_id, te.support_type, te.entry_date, sum(te.minutes) as minutes
    from time_entry te where te.household_id = any (households)
    group by 1, 2, 3, 4
  ), d as (
    select e.household_id, e.organisation_id, array_agg(distinct e.entry_date order by e.entry_date) as days
    from e group by 1, 2
  ), running as (
    select g.household_id, g.organisation_id, g.n,
           array_agg(g.running order by g.i) as minutes
    from (select d.household_id, d.organisation_id, t.n, x.i,
                 (sum(coalesce(e.minutes, 0)) over (partition by d.household_id, d.organisation_id, t.n order by x.i))::bigint
                   as running
          from d
          cross join unnest(vangnet_support_types()) with ordinality as t (type, n)
          cross join unnest(d.days) with ordinality as x (day, i)
          left join e on e.household_id = d.household_id and e.organisation_id = d.organisation_id
                     and e.support_type = t.type and e.entry_date = x.day) g
    group by 1, 2, 3
  )
  select d.household_id, d.organisation_id, count(*) over (partition by d.household_id) = 1, d.days, m.minutes
  from d
  join (select r.household_id, r.organisation_id, array_agg(r.minutes order by r.n) as minutes from running r
        group by 1, 2) m on m.household_id = d.household_id and m.organisation_id = d.organisation_id
$$;

-- Recounts the rows of these households as the table owner (whatever the caller's tenant, so a
-- row is never partial). A transaction-scoped lock per household, taken in order, makes two
-- transactions changing one household's entries recount one after the other, the second
-- seeing the first's changes. A household without entries has no rows.
create function vangnet_summarise_time(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(46, hashtext(h::text))
     from (select distinct h from unnest(households) as h) l order by hashtext(h::text);
  delete from household_time_summary where household_id = any (households);
  insert into household_time_summary (household_id, organisation_id, one_organisation, days, minutes)
  select * from vangnet_time_rows(households);
end $$;

create function vangnet_time_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_time(array(select distinct household_id from added));
  return null;
end $$;

-- Entries changed: their households are recounted only when what the rows hold of them changed.
create function vangnet_time_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_time(array(
    select o.household_id from old_entries o join new_entries n on n.id = o.id
     where (n.household_id, n.organisation_id, n.support_type, n.entry_date, n.minutes)
           is distinct from (o.household_id, o.organisation_id, o.support_type, o.entry_date, o.minutes)
    union
    select n.household_id from old_entries o join new_entries n on n.id = o.id
     where n.household_id <> o.household_id));
  return null;
end $$;

create function vangnet_time_removed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_time(array(select distinct household_id from removed));
  return null;
end $$;

create trigger household_time_summary_insert after insert on time_entry
  referencing new table as added for each statement execute function vangnet_time_added();
create trigger household_time_summary_update after update on time_entry
  referencing old table as old_entries new table as new_entries for each statement
  execute function vangnet_time_changed();
create trigger household_time_summary_delete after delete on time_entry
  referencing old table as removed for each statement execute function vangnet_time_removed();

revoke execute on function vangnet_time_rows(uuid[]) from public;
revoke execute on function vangnet_summarise_time(uuid[]) from public;
revoke execute on function vangnet_time_added() from public;
revoke execute on function vangnet_time_changed() from public;
revoke execute on function vangnet_time_removed() from public;

-- The rows of the households there are now, in one pass.
insert into household_time_summary (household_id, organisation_id, one_organisation, days, minutes)
select * from vangnet_time_rows(array(select distinct household_id from time_entry));
