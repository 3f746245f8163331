-- Module: safety
-- Issue 14, item 3: a safety plan she can use, per adult, and an age-appropriate one per child.
-- People to call are picked from the network map (by the network's key of the person; a
-- danger-marked contact can never be one). The secret address is no field of it: the printed
-- copy never shows it. The title is neutral and chosen by the worker, so that a printout found
-- at home does not give her away.
create table safety_plan (
  id                  uuid primary key,
  household_id        uuid not null references household (id),
  organisation_id     uuid not null references organisation (id),
  member_id           uuid not null unique references household_member (id),
  title               varchar(200) not null,
  warning_signs       varchar(2000),
  safe_places         varchar(2000),
  signal_word         varchar(200),
  signal_agreed_with  varchar(500),
  ready_items         varchar(2000),
  leaving             varchar(2000),
  review_on           date,
  updated_by          uuid not null references account (id),
  updated_at          timestamptz not null default clock_timestamp(),
  version             integer not null default 0
);
create index safety_plan_household on safety_plan (household_id);

create table safety_plan_person (
  plan_id          uuid not null references safety_plan (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  position         integer not null,
  contact_key      uuid not null,
  name             varchar(200) not null,
  phone            varchar(50),
  primary key (plan_id, position)
);

alter table safety_plan enable row level security;
create policy safety_plan_own on safety_plan to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter table safety_plan_person enable row level security;
create policy safety_plan_person_own on safety_plan_person to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
