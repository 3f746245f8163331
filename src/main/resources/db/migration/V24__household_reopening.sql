-- Module: household
-- Issue 15, item 1: reopen, never re-register. A closed household is reopened on a day, for
-- a reason, by someone; the closing it lifts is kept beside it, so that the dossier's history
-- stays whole (every earlier closing and reopening), and a new trajectory starts in the same
-- dossier. The trajectory is named without a foreign key: the household module rewrites its
-- trajectory rows on change.
create table household_reopening (
  id                uuid primary key,
  household_id      uuid not null references household (id),
  organisation_id   uuid not null references organisation (id),
  reopened_on       date not null,
  reason            varchar(500) not null,
  reopened_by       uuid references account (id),
  closed_on         date not null,
  closing_reason    varchar(500) not null,
  trajectory_id     uuid,
  created_at        timestamptz not null default clock_timestamp(),
  check (reopened_on >= closed_on)
);
create index household_reopening_household on household_reopening (household_id, reopened_on);
create index household_reopening_day on household_reopening (organisation_id, reopened_on);

alter table household_reopening enable row level security;
create policy household_reopening_own on household_reopening to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
revoke update, delete on household_reopening from vangnet_app;

-- The duplicate check at intake compares names by trigrams (similar, not only equal:
-- "Priya Ramdin" and "Prya Ramdin"), within the organisation (row-level security).
create extension if not exists pg_trgm;
create index household_member_name_trigrams on household_member
  using gin ((lower(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))) gin_trgm_ops);
create index household_member_birth_date on household_member (organisation_id, birth_date);

-- Erasure takes the reopenings too (before the household they name); otherwise as V19_1.
create or replace function household_erase(target uuid)
  returns table (erased_table text, erased_rows integer)
  language plpgsql volatile security definer set search_path = public as $$
declare
  owning uuid;
  n integer;
begin
  select h.organisation_id into owning from household h where h.id = target;
  if owning is null then
    return;
  end if;
  if not (owning = any (vangnet_organisations())) or not vangnet_erasure_approved(target) then
    raise exception 'household % has no approved erasure', target using errcode = '42501';
  end if;
  delete from household_reopening where household_id = target;
  get diagnostics n = row_count; erased_table := 'household_reopening'; erased_rows := n; return next;
  delete from trajectory_phase where trajectory_id in (select id from trajectory where household_id = target);
  get diagnostics n = row_count; erased_table := 'trajectory_phase'; erased_rows := n; return next;
  delete from trajectory_staff where trajectory_id in (select id from trajectory where household_id = target);
  get diagnostics n = row_count; erased_table := 'trajectory_staff'; erased_rows := n; return next;
  delete from trajectory where household_id = target;
  get diagnostics n = row_count; erased_table := 'trajectory'; erased_rows := n; return next;
  delete from household_member where household_id = target;
  get diagnostics n = row_count; erased_table := 'household_member'; erased_rows := n; return next;
  delete from household where id = target;
  get diagnostics n = row_count; erased_table := 'household'; erased_rows := n; return next;
end
$$;
revoke execute on function household_erase(uuid) from public;
grant execute on function household_erase(uuid) to vangnet_app;
