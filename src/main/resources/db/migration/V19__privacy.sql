-- Module: privacy
-- The client's rights (issue 17, items 3 and 4): subject-access requests with their review,
-- erasure requests with four eyes, and the retention period per organisation.

-- A person's request for everything Vangnet holds about her (AVG art. 15). A coordinator
-- requests it, reviews the report (and a meldcode officer each section that needs one), and
-- delivers it; the report itself is never stored, it is assembled from every module at each
-- review and delivery.
create table subject_access_request (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null,
  member_id        uuid not null,
  requested_by     uuid not null references account (id),
  requested_at     timestamptz not null default clock_timestamp(),
  reviewed_by      uuid references account (id),
  reviewed_at      timestamptz,
  delivered_by     uuid references account (id),
  delivered_at     timestamptz,
  version          integer not null default 0,
  check ((reviewed_by is null) = (reviewed_at is null)),
  check (delivered_at is null or reviewed_at is not null)
);
create index subject_access_request_member on subject_access_request (organisation_id, member_id, requested_at desc);
create index subject_access_request_household on subject_access_request (household_id);

-- The review of one section that needs more than the coordinator (a meldcode officer for her
-- safety records), by section key.
create table subject_access_section_review (
  request_id       uuid not null references subject_access_request (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  section_key      varchar(60) not null,
  reviewed_by      uuid not null references account (id),
  reviewed_at      timestamptz not null default clock_timestamp(),
  primary key (request_id, section_key)
);

-- An erasure: when the retention period has passed (RETENTION) or on her request
-- (SUBJECT_REQUEST, AVG art. 17). Requested by one coordinator, approved by another, then
-- carried out in the approving transaction. The row stays as the record that it happened:
-- the household's id (which names nothing any more), who requested and approved, when, and per
-- table how many rows went; never a name (the note is cleared on erasure).
create table erasure_request (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null,
  reason           varchar(20) not null check (reason in ('RETENTION', 'SUBJECT_REQUEST')),
  note             varchar(1000),
  requested_by     uuid not null references account (id),
  requested_at     timestamptz not null default clock_timestamp(),
  approved_by      uuid references account (id),
  approved_at      timestamptz,
  erased_at        timestamptz,
  erased_rows      text,
  status           varchar(20) not null check (status in ('REQUESTED', 'APPROVED', 'ERASED')),
  version          integer not null default 0,
  check (approved_by is null or approved_by <> requested_by),
  check ((status = 'REQUESTED') = (approved_by is null))
);
create unique index erasure_request_open on erasure_request (household_id) where status in ('REQUESTED', 'APPROVED');
create index erasure_request_organisation on erasure_request (organisation_id, requested_at desc);

-- The retention period of an organisation in years after a household was closed; without a
-- row the installation's default (VANGNET_RETENTION_YEARS, 7).
create table retention_policy (
  organisation_id  uuid primary key references organisation (id),
  years            integer not null check (years between 1 and 115),
  updated_by       uuid references account (id),
  updated_at       timestamptz not null default clock_timestamp(),
  version          integer not null default 0
);

-- Households past their retention, as the daily job lists them for the coordinators (one row
-- per household, idempotent on every node).
create table retention_due (
  household_id     uuid primary key,
  organisation_id  uuid not null references organisation (id),
  closed_on        date not null,
  due_on           date not null,
  listed_on        date not null
);
create index retention_due_organisation on retention_due (organisation_id, due_on);

alter table subject_access_request enable row level security;
alter table subject_access_section_review enable row level security;
alter table erasure_request enable row level security;
alter table retention_policy enable row level security;
alter table retention_due enable row level security;
create policy subject_access_request_own on subject_access_request to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy subject_access_section_review_own on subject_access_section_review to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy erasure_request_own on erasure_request to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy retention_policy_own on retention_policy to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy retention_due_own on retention_due to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
revoke delete, truncate on erasure_request from vangnet_app;

-- Whether the household has an approved erasure of the current tenant's organisation: the
-- one condition under which the owning modules' erase functions remove rows the application
-- may otherwise never delete.
create function vangnet_erasure_approved(household uuid) returns boolean
  language sql stable security definer set search_path = public as $$
  select exists (select 1 from erasure_request e
                 where e.household_id = household and e.status = 'APPROVED'
                   and e.organisation_id = any (vangnet_organisations()))
$$;
revoke execute on function vangnet_erasure_approved(uuid) from public;
grant execute on function vangnet_erasure_approved(uuid) to vangnet_app;
