-- Module: contact
-- What the monitor's time windows need of a household's time entries, one row per household,
-- organisation of its entries and type of support (issue 16, item 2): the days with minutes of
-- that type, in order, and the minutes up to and including each day (a running total). The
-- minutes in any window of days are then two look-ups by binary search (width_bucket) and a
-- subtraction, per household and type, instead of joining every time entry to the population
-- and grouping it per household and type (at 500,000 households about 1,200,000 entries,
-- the dearest statement of the monitor). The windows depend on the period counted (a
-- trajectory's first 56 days, the 56 days up to its end or up to the period's last day), the
-- rows do not, so they are kept by statement triggers in the same transaction as every change
-- of a time entry and are always current. The organisation is there for row-level security: a
-- row shows what the entries of that organisation show; a household with entries of more than
-- one organisation is counted by the monitor from its entries themselves.
create table household_time_summary (
  household_id     uuid not null,
  organisation_id  uuid not null references organisation (id),
  support_type     varchar(30) not null,
  -- the household's entries are all of this organisation
  one_organisation boolean not null,
  -- the days with entries of this type, in order, and the minutes up to and including each
  days             date[] not null,
  minutes          bigint[] not null,
  primary key (household_id, organisation_id, support_type)
);
-- the few households with entries of more than one organisation
create index household_time_summary_mixed on household_time_summary (household_id) where not one_organisation;

alter table household_time_summary enable row level security;
create policy household_time_summary_own on household_time_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- The rows of these households, from their time entries.
create function vangnet_time_rows(households uuid[])
  returns table (household_id uuid, organisation_id uuid, support_type varchar, one_organisation boolean,
                 days date[], minutes bigint[])
  language sql stable security definer set search_path = public as $$
  select s.household_id, s.organisation_id, s.support_type,
         count(*) over (partition by s.household_id) = count(*) over (partition by s.household_id, s.organisation_id),
         s.days, s.minutes
  from (select d.household_id, d.organisation_id, d.support_type, array_agg(d.entry_date order by d.entry_date) as days,
               array_agg(d.running order by d.entry_date) as minutes
        from (select te.household_id, te.organisation_id, te.support_type, te.entry_date,
                     (sum(sum(te.minutes)) over (partition by te.household_id, te.organisation_id, te.support_type
                                                 order by te.entry_date))::bigint as running
              from time_entry te where te.household_id = any (households)
              group by 1, 2, 3, 4) d
        group by 1, 2, 3) s
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
  insert into household_time_summary (household_id, organisation_id, support_type, one_organisation, days, minutes)
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
insert into household_time_summary (household_id, organisation_id, support_type, one_organisation, days, minutes)
select * from vangnet_time_rows(array(select distinct household_id from time_entry));
