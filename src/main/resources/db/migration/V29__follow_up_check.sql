-- Module: contact
-- Issue 15, item 3: how she is doing. Follow-up checks at 3, 6 and 12 months after the
-- departure (the end of an intensive trajectory): whether she was reached and, when she
-- was, a short outcome (housing, income, debts, safety, the children at school, the
-- number of supportive contacts, her place in the integration safety net, felt helped).
-- Every attempt is a contact moment (contact_moment_id), so one that did not reach her
-- counts as a failed outreach attempt. A check may be tried more than once; once she was
-- reached for it, it is done. Its due day follows from the departure day and is not
-- stored. The trajectory is named without a foreign key, as follow_up_rhythm does.
-- Unanswered outcome fields are null: unknown.
create table follow_up_check (
  id                   uuid primary key,
  organisation_id      uuid not null references organisation (id),
  household_id         uuid not null references household (id),
  trajectory_id        uuid not null,
  months               integer not null check (months in (3, 6, 12)),
  checked_on           date not null,
  reached              boolean not null,
  contact_moment_id    uuid not null references contact_moment (id),
  housing              varchar(20) check (housing in ('STABLE', 'TEMPORARY', 'NONE')),
  income               varchar(20) check (income in ('WORK', 'BENEFITS', 'OTHER', 'NONE')),
  debts                varchar(10) check (debts in ('YES', 'NO', 'UNKNOWN')),
  safe                 boolean,
  school               varchar(30) check (school in ('ALL_AT_SCHOOL', 'NOT_ALL_AT_SCHOOL', 'NO_SCHOOL_AGE_CHILDREN')),
  supportive_contacts  integer check (supportive_contacts between 0 and 200),
  triangle             varchar(20) check (triangle in ('BALANCED', 'GOVERNMENT', 'SERVICES', 'SOCIETY', 'OUTSIDE')),
  helped               varchar(10) check (helped in ('YES', 'A_BIT', 'NO')),
  recorded_by          uuid references account (id),
  created_at           timestamptz not null default now(),
  check (reached or (housing is null and income is null and debts is null and safe is null and school is null
    and supportive_contacts is null and triangle is null and helped is null))
);
create index follow_up_check_household on follow_up_check (household_id, trajectory_id, months);
create unique index follow_up_check_reached on follow_up_check (trajectory_id, months) where reached;
create index follow_up_check_monitor on follow_up_check (organisation_id, trajectory_id);

alter table follow_up_check enable row level security;
create policy follow_up_check_own on follow_up_check to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
