-- Module: contact
-- Issue 15, item 2: aftercare by default. When an intensive trajectory ends, a pilot-light
-- rhythm (every three months) starts on the day of departure, planned for the organisation's
-- aftercare period; the worklist keeps the family in view until it is ended on purpose, also
-- after the planned period. Declining it is recorded as a rhythm ended the day it started,
-- with the reason, marked declined.
alter table follow_up_rhythm add column planned_until date;
alter table follow_up_rhythm add column declined boolean not null default false;
alter table follow_up_rhythm add constraint follow_up_rhythm_declined_ended
  check (not declined or ended_on is not null);

-- The organisation's aftercare period in months (12 unless a coordinator sets another).
create table aftercare_policy (
  organisation_id  uuid primary key references organisation (id),
  months           integer not null check (months between 1 and 60),
  version          integer not null default 0
);
alter table aftercare_policy enable row level security;
create policy aftercare_policy_own on aftercare_policy to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
