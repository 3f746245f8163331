-- Module: household
-- A deputy contact person (waarnemer) for an absence (issue 15, item 7): from a day until a
-- day another professional or coordinator looks after the family, and sees it on their
-- worklist and caseload, while the fixed contact person is away. The fixed contact person
-- does not change; the rows stay as the history of who covered when, and go with their
-- trajectory.
create table trajectory_deputy (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null references household (id) on delete cascade,
  trajectory_id    uuid not null references trajectory (id) on delete cascade,
  deputy_id        uuid not null references account (id),
  absent_id        uuid references account (id),
  from_date        date not null,
  until_date       date not null,
  set_by           uuid references account (id),
  created_at       timestamptz not null default clock_timestamp(),
  check (until_date >= from_date)
);
-- A deputy's worklist and caseload start from their own current covers.
create index trajectory_deputy_deputy on trajectory_deputy (organisation_id, deputy_id, until_date);
create index trajectory_deputy_trajectory on trajectory_deputy (trajectory_id, from_date);
create index trajectory_deputy_household on trajectory_deputy (household_id);

alter table trajectory_deputy enable row level security;
create policy trajectory_deputy_tenant on trajectory_deputy to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
revoke update on trajectory_deputy from vangnet_app;

-- What the worklist of the contact module reads: who covers which trajectory when.
create view household_deputy with (security_invoker = true) as
select d.organisation_id, d.household_id, d.trajectory_id, d.deputy_id as account_id, d.absent_id, d.from_date,
       d.until_date
from trajectory_deputy d;
revoke all on household_deputy from vangnet_app;
grant select on household_deputy to vangnet_app;
