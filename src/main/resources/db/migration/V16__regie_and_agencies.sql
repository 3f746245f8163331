-- Module: cooperation
-- Issue 13, items 4 and 5: the regie holder of a family shared between organisations, and the
-- agencies involved with the family with the errors they made (seed 003: a lost dossier, a
-- benefit miscalculated for two years) and the objections against them.

-- The regie holder (centraal aanspreekpunt): one worker is the family's central contact point.
-- Kept by the organisation that owns the household; the holder may work there or at an
-- organisation the family is shared with (then named as typed). The receiver of a referral
-- reads it only while the share holds (vangnet_share(), migration V12), like the sections.
create table regie_holder (
  household_id        uuid primary key references household (id),
  organisation_id     uuid not null references organisation (id),
  -- A worker of the owning organisation, when the holder is one.
  account_id          uuid references account (id),
  name                varchar(200) not null,
  works_at            varchar(200) not null,
  phone               varchar(50),
  email               varchar(254),
  reachable           varchar(500),
  since               date not null,
  recorded_by         uuid references account (id),
  updated_at          timestamptz not null default now(),
  version             integer not null default 0,
  check (phone is not null or email is not null)
);
create index regie_holder_organisation on regie_holder (organisation_id);

alter table regie_holder enable row level security;
create policy regie_holder_own on regie_holder to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
-- Whoever shares the family sees who holds the regie: any consented section will do.
create policy regie_holder_shared on regie_holder for select to vangnet_app
  using (household_id = (select s.household_id from vangnet_share() s limit 1));
revoke delete, truncate on regie_holder from vangnet_app;

-- An agency involved with the family: the benefits office, the tax office's allowances, debt
-- help, the housing corporation, a school, youth care, … with the family's reference number
-- there and the contact person. Optionally the partner on the who-does-what map it is.
create table agency_involved (
  id                uuid primary key,
  household_id      uuid not null references household (id),
  organisation_id   uuid not null references organisation (id),
  kind              varchar(20) not null check (kind in ('BENEFITS', 'TAX_ALLOWANCES', 'DEBT_HELP', 'HOUSING', 'SCHOOL',
                      'YOUTH_CARE', 'HEALTH', 'EMPLOYMENT', 'CREDITOR', 'LEGAL', 'OTHER')),
  name              varchar(200) not null,
  partner_id        uuid references partner (id),
  reference         varchar(100),
  contact_name      varchar(200),
  contact_phone     varchar(50),
  contact_email     varchar(254),
  ended_on          date,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  version           integer not null default 0
);
create index agency_involved_household on agency_involved (household_id);

-- Something an agency got wrong: an error, a lost file, a wrong decision; the date it was
-- noticed, the objection (bezwaar) with its deadline, the status and what was recovered.
create table agency_issue (
  id                   uuid primary key,
  agency_id            uuid not null references agency_involved (id),
  household_id         uuid not null references household (id),
  organisation_id      uuid not null references organisation (id),
  kind                 varchar(20) not null check (kind in ('ERROR', 'LOST_FILE', 'WRONG_DECISION', 'DELAY', 'OTHER')),
  description          varchar(1000) not null,
  noticed_on           date not null,
  objection_deadline   date,
  objection_filed_on   date,
  status               varchar(20) not null check (status in ('OPEN', 'OBJECTION_FILED', 'RESOLVED', 'REJECTED', 'CLOSED')),
  amount_recovered     numeric(12, 2) check (amount_recovered is null or amount_recovered >= 0),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  version              integer not null default 0,
  check (objection_filed_on is null or objection_filed_on >= noticed_on)
);
create index agency_issue_agency on agency_issue (agency_id, noticed_on);
-- The worklist and the obligations list: open issues with a deadline.
create index agency_issue_deadline on agency_issue (organisation_id, objection_deadline)
  where status in ('OPEN', 'OBJECTION_FILED') and objection_deadline is not null;

alter table agency_involved enable row level security;
alter table agency_issue enable row level security;
create policy agency_involved_own on agency_involved to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy agency_issue_own on agency_issue to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
revoke delete, truncate on agency_involved from vangnet_app;
revoke delete, truncate on agency_issue from vangnet_app;
