-- Module: contact
-- The worklist pages in index order (issue 16, item 1): what it derives per family from her
-- contact moments is kept beside them, in the same transaction as every change of a moment,
-- so that a coordinator's first page reads the families it shows instead of aggregating every
-- contact moment of the organisation to find out who is overdue.
--
-- contact_state: per household the day of the last contact that reached her and the number of
-- attempts that did not reach her since then (the worklist's "failed attempts").
-- follow_up_rhythm.next_due: the day a running rhythm's next contact is due, one period after
-- the household's last reached contact, or after the rhythm's start when there was none
-- (the same rule as Rhythm.next in the code; a month past the 31st ends on the month's last
-- day in both).

-- A household's row exists while she has contact moments: erasing them erases it.
create table contact_state (
  household_id          uuid primary key,
  organisation_id       uuid not null references organisation (id),
  last_reached          date,
  failed_since_reached  integer not null default 0
);
create index contact_state_failed on contact_state (organisation_id) where failed_since_reached > 0;

alter table contact_state enable row level security;
create policy contact_state_own on contact_state to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]));
-- Only the triggers below write it.
revoke insert, update, delete, truncate on contact_state from vangnet_app;

alter table follow_up_rhythm add column next_due date;
create index follow_up_rhythm_next_due on follow_up_rhythm (organisation_id, next_due, id) where ended_on is null;

create function rhythm_next(rhythm varchar, after date) returns date
  language sql immutable set search_path = public as $$
  select (after + case rhythm
      when 'WEEKLY' then interval '7 days'
      when 'EVERY_TWO_WEEKS' then interval '14 days'
      when 'MONTHLY' then interval '1 month'
      when 'EVERY_THREE_MONTHS' then interval '3 months'
      when 'EVERY_SIX_MONTHS' then interval '6 months' end)::date
$$;

-- Recomputes the state of the households and the next due day of their running rhythms.
create function contact_state_refresh(targets uuid[]) returns void
  language sql security definer set search_path = public as $$
  delete from contact_state s where s.household_id = any (targets)
    and not exists (select 1 from contact_moment c where c.household_id = s.household_id);
  insert into contact_state (household_id, organisation_id, last_reached, failed_since_reached)
  select c.household_id, min(c.organisation_id::text)::uuid,
         max(c.occurred_at) filter (where c.reached)::date,
         count(*) filter (where not c.reached and c.occurred_at > r.at)
  from contact_moment c
  cross join lateral (select coalesce(max(m.occurred_at), '-infinity'::timestamp) as at from contact_moment m
                      where m.household_id = c.household_id and m.reached) r
  where c.household_id = any (targets)
  group by c.household_id
  on conflict (household_id) do update
    set last_reached = excluded.last_reached, failed_since_reached = excluded.failed_since_reached
    where (contact_state.last_reached, contact_state.failed_since_reached)
          is distinct from (excluded.last_reached, excluded.failed_since_reached);
  update follow_up_rhythm r
     set next_due = rhythm_next(r.rhythm, coalesce(
           (select s.last_reached from contact_state s where s.household_id = r.household_id), r.started_on))
   where r.household_id = any (targets) and r.ended_on is null
     and r.next_due is distinct from rhythm_next(r.rhythm, coalesce(
           (select s.last_reached from contact_state s where s.household_id = r.household_id), r.started_on));
$$;

create function contact_moment_state() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform contact_state_refresh(array(select distinct household_id from changed));
  return null;
end $$;

create trigger contact_moment_state_insert after insert on contact_moment
  referencing new table as changed for each statement execute function contact_moment_state();
create trigger contact_moment_state_update after update on contact_moment
  referencing new table as changed for each statement execute function contact_moment_state();
create trigger contact_moment_state_delete after delete on contact_moment
  referencing old table as changed for each statement execute function contact_moment_state();

create function follow_up_rhythm_next_due() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if new.ended_on is not null then
    new.next_due := null;
  else
    new.next_due := rhythm_next(new.rhythm, coalesce(
      (select s.last_reached from contact_state s where s.household_id = new.household_id), new.started_on));
  end if;
  return new;
end $$;

create trigger follow_up_rhythm_next_due before insert or update of rhythm, started_on, ended_on, household_id
  on follow_up_rhythm for each row execute function follow_up_rhythm_next_due();

select contact_state_refresh(array(select distinct household_id from contact_moment));
update follow_up_rhythm set next_due = rhythm_next(rhythm, coalesce(
    (select s.last_reached from contact_state s where s.household_id = follow_up_rhythm.household_id), started_on))
  where ended_on is null;

revoke execute on function contact_state_refresh(uuid[]) from public;
revoke execute on function contact_moment_state() from public;
revoke execute on function follow_up_rhythm_next_due() from public;

-- The obligations due soon of an organisation, for the worklist's reason.
create index obligation_open_due on obligation (organisation_id, due_on) where status in ('TO_DO', 'IN_PROGRESS');
