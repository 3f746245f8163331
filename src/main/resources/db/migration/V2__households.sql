-- Households: the family as the unit of work (issue 3). Codes are those of the exchange
-- contract vangnet-household/1. A characteristic that is not known is NULL (or the code
-- UNKNOWN when someone said so): never a default "no".

-- Phase models are data: each organisation chooses one; trajectories keep the model they
-- started with. Reference data, owned by the migrations: the application only reads it.
create table phase_model (
  code      varchar(30) primary key,
  position  integer not null unique,
  label_nl  varchar(200) not null,
  label_en  varchar(200) not null
);

create table phase (
  code        varchar(60) primary key,
  model_code  varchar(30) not null references phase_model (code),
  position    integer not null,
  label_nl    varchar(200) not null,
  label_en    varchar(200) not null,
  unique (model_code, position),
  check (code like model_code || '.%')
);

revoke insert, update, delete on phase_model, phase from vangnet_app;

insert into phase_model (code, position, label_nl, label_en) values
  ('FLEXIBLE', 1, 'Flexibele fasering (vijf fasen, informele organisaties)', 'Flexible phasing (five phases, informal organisations)'),
  ('SHELTER', 2, 'Fasen van de opvang (vijf hoofdfasen)', 'Shelter phases (five main phases)'),
  ('EIGHT_PHASES', 3, '8-fasenmodel', 'Eight-phase model');

insert into phase (code, model_code, position, label_nl, label_en) values
  ('FLEXIBLE.GETTING_IN_TOUCH', 'FLEXIBLE', 1, 'In contact komen', 'Getting in touch'),
  ('FLEXIBLE.ACQUAINTANCE', 'FLEXIBLE', 2, 'Kennismaking, stressreductie en inventarisatie', 'Acquaintance, reducing stress and inventory'),
  ('FLEXIBLE.ACTIVITIES', 'FLEXIBLE', 3, 'Activiteiten en interventies', 'Activities and interventions'),
  ('FLEXIBLE.STABILISING', 'FLEXIBLE', 4, 'Stabiliseren', 'Stabilising'),
  ('FLEXIBLE.CLOSING', 'FLEXIBLE', 5, 'Afronding en nazorg', 'Closing and aftercare'),
  ('SHELTER.INTAKE', 'SHELTER', 1, 'Aanmelding, intake en opname', 'Registration, intake and admission'),
  ('SHELTER.ANALYSIS', 'SHELTER', 2, 'Analyse en diagnose', 'Analysis and diagnosis'),
  ('SHELTER.PLANNING', 'SHELTER', 3, 'Planning', 'Planning'),
  ('SHELTER.EXECUTION', 'SHELTER', 4, 'Uitvoering', 'Execution'),
  ('SHELTER.EVALUATION', 'SHELTER', 5, 'Evaluatie en uitstroom', 'Evaluation and outflow'),
  ('EIGHT_PHASES.REGISTRATION', 'EIGHT_PHASES', 1, 'Aanmelding', 'Registration'),
  ('EIGHT_PHASES.INTAKE', 'EIGHT_PHASES', 2, 'Intake', 'Intake'),
  ('EIGHT_PHASES.START_UP', 'EIGHT_PHASES', 3, 'Opstart', 'Start-up'),
  ('EIGHT_PHASES.ANALYSIS', 'EIGHT_PHASES', 4, 'Analyse', 'Analysis'),
  ('EIGHT_PHASES.PLANNING', 'EIGHT_PHASES', 5, 'Planning', 'Planning'),
  ('EIGHT_PHASES.EXECUTION', 'EIGHT_PHASES', 6, 'Uitvoering', 'Execution'),
  ('EIGHT_PHASES.EVALUATION', 'EIGHT_PHASES', 7, 'Evaluatie', 'Evaluation'),
  ('EIGHT_PHASES.OUTFLOW', 'EIGHT_PHASES', 8, 'Uitstroom', 'Outflow');

-- The phase model an organisation chose; without a row it works with FLEXIBLE.
create table organisation_phase_model (
  organisation_id  uuid primary key references organisation (id),
  model_code       varchar(30) not null references phase_model (code),
  chosen_at        timestamptz not null default now(),
  version          integer not null
);

create table household (
  id                    uuid primary key,
  organisation_id       uuid not null references organisation (id),
  external_id           varchar(100),
  district              varchar(100),
  composition           varchar(20) check (composition in ('ONE_PARENT', 'TWO_PARENT', 'UNKNOWN')),
  debts                 varchar(10) check (debts in ('YES', 'NO', 'UNKNOWN')),
  referral_source       varchar(40) check (referral_source in ('ORGANISATION_ACTIVITY_ADULTS',
                          'ORGANISATION_ACTIVITY_CHILDREN', 'SOCIETAL_ORGANISATION', 'PROFESSIONAL_ORGANISATION',
                          'OWN_NETWORK', 'OTHER', 'UNKNOWN')),
  contact_reasons       varchar(20)[] not null default '{}'
                          check (contact_reasons <@ array['FINANCES', 'SOCIAL', 'PARTICIPATION', 'HOUSING', 'HEALTH', 'OTHER']::varchar[]),
  phone                 varchar(50),
  email                 varchar(254),
  -- AES-GCM (see nl.vangnet.platform.Encryption), for the household id as context: the
  -- address is never stored in plain text, confidential or not.
  address_encrypted     bytea,
  address_confidential  boolean not null default false,
  closed_on             date,
  closing_reason        varchar(500),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  version               integer not null,
  unique (organisation_id, external_id),
  check ((closed_on is null) = (closing_reason is null)),
  check (address_encrypted is not null or not address_confidential)
);
create index household_organisation on household (organisation_id, closed_on);

create table household_member (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  position         integer not null,
  ref              varchar(20) not null,
  role             varchar(20) not null check (role in ('PARENT', 'CHILD', 'OTHER_ADULT')),
  main_contact     boolean not null default false,
  given_name       varchar(100),
  family_name      varchar(100),
  birth_date       date,
  -- As it was given; the age group that counts follows from the birth date when known.
  age_group        varchar(20) check (age_group in ('TODDLER', 'PRIMARY_SCHOOL', 'ADOLESCENT', 'ADULT_AT_HOME', 'UNKNOWN')),
  education        varchar(30) check (education in ('BELOW_START_QUALIFICATION', 'START_QUALIFICATION', 'HIGHER', 'UNKNOWN')),
  dutch_language   varchar(30) check (dutch_language in ('GOOD_OR_SUFFICIENT', 'HAMPERS_CONVERSATION', 'UNKNOWN')),
  -- Empty: not known.
  day_activities   varchar(20)[] not null default '{}'
                     check (day_activities <@ array['CARE_FOR_CHILDREN', 'WORK', 'VOLUNTEER_WORK', 'EDUCATION']::varchar[]),
  unique (household_id, ref),
  unique (household_id, position) deferrable initially deferred
);
create unique index household_member_one_main_contact on household_member (household_id) where main_contact;
create index household_member_names on household_member (organisation_id, lower(family_name), lower(given_name));

create table trajectory (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  position         integer not null,
  kind             varchar(20) not null check (kind in ('INTENSIVE', 'SHORT', 'AFTERCARE', 'OUTREACH')),
  start_date       date not null,
  end_date         date,
  closing_reason   varchar(500),
  phase_model      varchar(30) not null references phase_model (code),
  -- The family's fixed contact person (vaste contactpersoon).
  contact_person   uuid references account (id),
  check (end_date is null or end_date >= start_date),
  unique (household_id, position) deferrable initially deferred
);
create index trajectory_household on trajectory (household_id);
create index trajectory_contact_person on trajectory (organisation_id, contact_person);

-- Everyone else involved: colleagues, and volunteer buddies (who see only these families).
create table trajectory_staff (
  trajectory_id    uuid not null references trajectory (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  account_id       uuid not null references account (id),
  position         integer not null,
  primary key (trajectory_id, account_id)
);
create index trajectory_staff_account on trajectory_staff (organisation_id, account_id);

-- Dated phase history; the current phase is the latest entry (by date, then by sequence).
-- Phases may be skipped or revisited.
create table trajectory_phase (
  trajectory_id    uuid not null references trajectory (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  sequence         integer not null,
  phase_code       varchar(60) not null references phase (code),
  entered_on       date not null,
  primary key (trajectory_id, sequence)
);

alter table organisation_phase_model enable row level security;
alter table household enable row level security;
alter table household_member enable row level security;
alter table trajectory enable row level security;
alter table trajectory_staff enable row level security;
alter table trajectory_phase enable row level security;

create policy organisation_phase_model_own on organisation_phase_model to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy household_own on household to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy household_member_own on household_member to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy trajectory_own on trajectory to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy trajectory_staff_own on trajectory_staff to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy trajectory_phase_own on trajectory_phase to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));

-- Households are closed, never deleted (erasure comes later, with its own rules).
revoke delete on household from vangnet_app;
