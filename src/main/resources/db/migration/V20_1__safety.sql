-- Module: safety
-- Issue 14, item 1: the pattern behind the violence, protective orders against the
-- danger-marked contacts of the network map, and the children's contact arrangement with the
-- other parent. Kept by the organisation that owns the household and never shared (no consent
-- section covers them; the household document vangnet-household/1 does not carry them).

-- The family pattern behind the violence (seed 001, after Verwey-Jonker 2020), as judged on a
-- date by a worker. The current one is the latest judgement; the earlier ones are its history.
create table safety_pattern (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  pattern          varchar(40) not null check (pattern in ('INTIMATE_TERRORISM', 'FAMILY_UNDER_STRESS', 'LONG_TERM_CARE',
                     'CHILD_BEHAVIOUR_AND_PARENTING_STRESS', 'COMPLEX_CONFLICT_DIVORCE', 'UNKNOWN')),
  judged_on        date not null,
  judged_by        uuid not null references account (id),
  note             varchar(2000),
  recorded_at      timestamptz not null default clock_timestamp()
);
create index safety_pattern_household on safety_pattern (household_id, judged_on desc, recorded_at desc);

-- A protective order (huisverbod, contactverbod, straatverbod) against a person who is marked
-- as a danger on a network map of the family: contact_key is the network's key of that person
-- (the same in every snapshot), contact_name the name as it stood when the order was recorded.
create table protective_order (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  kind             varchar(20) not null check (kind in ('HOUSE_BAN', 'CONTACT_BAN', 'STREET_BAN')),
  contact_key      uuid not null,
  contact_name     varchar(200) not null,
  issuer           varchar(200) not null,
  starts_on        date not null,
  ends_on          date,
  note             varchar(2000),
  recorded_by      uuid not null references account (id),
  recorded_at      timestamptz not null default clock_timestamp(),
  check (ends_on is null or ends_on >= starts_on)
);
create index protective_order_household on protective_order (household_id, starts_on);
-- The worklist asks for the orders of an organisation that end soon: one index range.
create index protective_order_ending on protective_order (organisation_id, ends_on) where ends_on is not null;

-- A child's contact arrangement with the other parent (omgangsregeling) and what school and
-- childcare know, as recorded on a date; the latest per child is the current one.
create table contact_arrangement (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid not null references household_member (id),
  arrangement      varchar(20) not null check (arrangement in ('SUPERVISED', 'SUSPENDED', 'AS_AGREED', 'NONE')),
  since            date not null,
  school_knows     varchar(1000),
  childcare_knows  varchar(1000),
  recorded_by      uuid not null references account (id),
  recorded_at      timestamptz not null default clock_timestamp()
);
create index contact_arrangement_household on contact_arrangement (household_id, member_id, since desc);

alter table safety_pattern enable row level security;
create policy safety_pattern_own on safety_pattern to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter table protective_order enable row level security;
create policy protective_order_own on protective_order to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter table contact_arrangement enable row level security;
create policy contact_arrangement_own on contact_arrangement to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
