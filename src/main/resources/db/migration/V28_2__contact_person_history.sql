-- Module: household
-- The history of a family's fixed contact persons (issue 15, item 7): every trajectory's
-- contact person from when on, and who set it, written by the database in the same
-- transaction as the trajectory, whichever path changed it (the dossier, the households list,
-- the API, an import, a reopening). Append-only; it goes with its trajectory.

create table trajectory_contact_history (
  id               uuid primary key default gen_random_uuid(),
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null references household (id) on delete cascade,
  trajectory_id    uuid not null references trajectory (id) on delete cascade,
  account_id       uuid references account (id),
  since            timestamptz not null default now(),
  set_by           uuid references account (id)
);
create index trajectory_contact_history_household on trajectory_contact_history (household_id, since);

alter table trajectory_contact_history enable row level security;
create policy trajectory_contact_history_tenant on trajectory_contact_history
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
revoke update, delete on trajectory_contact_history from vangnet_app;

create function trajectory_contact_history_record() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if tg_op = 'UPDATE' and old.contact_person is not distinct from new.contact_person then
    return null;
  end if;
  if tg_op = 'INSERT' and new.contact_person is null then
    return null;
  end if;
  insert into trajectory_contact_history (organisation_id, household_id, trajectory_id, account_id, set_by)
  values (new.organisation_id, new.household_id, new.id, new.contact_person,
          nullif(current_setting('vangnet.user_id', true), '')::uuid);
  return null;
end $$;
revoke execute on function trajectory_contact_history_record() from public;

create trigger trajectory_contact_history
  after insert or update of contact_person on trajectory
  for each row execute function trajectory_contact_history_record();

-- What is known of the trajectories before: their present contact person, since the start.
insert into trajectory_contact_history (organisation_id, household_id, trajectory_id, account_id, since)
select t.organisation_id, t.household_id, t.id, t.contact_person, t.start_date::timestamptz
from trajectory t where t.contact_person is not null;
