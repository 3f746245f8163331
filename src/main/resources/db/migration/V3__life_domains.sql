-- Life domains are data, not code (DOMAIN.md, "Life domains"): frameworks of domains and
-- sub-domains, each domain mapped to a code of the monitor framework; scales; and instruments
-- (a framework with a scale). Reference data, shared by all organisations: no row-level
-- security. (V2 is the households migration.)

create table framework (
  id               uuid primary key,
  code             varchar(40) not null unique,
  name_nl          varchar(200) not null,
  name_en          varchar(200) not null,
  builtin          boolean not null default false,
  organisation_id  uuid references organisation (id),
  created_at       timestamptz not null default now(),
  version          integer not null default 0
);

create table framework_domain (
  framework_id  uuid not null references framework (id) on delete cascade,
  code          varchar(60) not null,
  parent_code   varchar(60),
  label_nl      varchar(200) not null,
  label_en      varchar(200) not null,
  monitor_code  varchar(60) not null,
  position      integer not null,
  primary key (framework_id, code)
);

create table scale (
  id                       uuid primary key,
  code                     varchar(40) not null unique,
  name_nl                  varchar(200) not null,
  name_en                  varchar(200) not null,
  allows_not_applicable    boolean not null
);

create table scale_level (
  scale_id  uuid not null references scale (id) on delete cascade,
  value     integer not null,
  label_nl  varchar(200) not null,
  label_en  varchar(200) not null,
  primary key (scale_id, value)
);

create table instrument (
  id            uuid primary key,
  code          varchar(40) not null unique,
  name_nl       varchar(200) not null,
  name_en       varchar(200) not null,
  framework_id  uuid not null references framework (id),
  scale_id      uuid not null references scale (id)
);

-- Which framework an organisation works with; without a row: the monitor framework.
create table organisation_framework (
  organisation_id  uuid primary key references organisation (id),
  framework_id     uuid not null references framework (id),
  chosen_at        timestamptz not null default now()
);

-- The monitor framework (seed 004, Tabel 1.1); its codes are those of EXCHANGE.md.
insert into framework (id, code, name_nl, name_en, builtin) values
  ('00000000-0000-0000-0001-000000000001', 'MONITOR', 'Monitor informele armoedeprojecten (leefgebieden)', 'Monitor of informal poverty projects (life domains)', true),
  ('00000000-0000-0000-0001-000000000002', 'EIGHT_DOMAINS', 'Acht leefgebieden (vrouwenopvang)', 'Eight life domains (women''s shelter)', true),
  ('00000000-0000-0000-0001-000000000003', 'ZRM_2017', 'Zelfredzaamheid-Matrix 2017 (sjabloon)', 'Self-Sufficiency Matrix 2017 (template)', true);

insert into framework_domain (framework_id, code, parent_code, label_nl, label_en, monitor_code, position)
select '00000000-0000-0000-0001-000000000001', code, parent, nl, en, code, pos from (values
  ('FINANCES', null, 'Financiën', 'Finances', 1),
  ('HEALTH', null, 'Gezondheid', 'Health', 2),
  ('HOUSING', null, 'Wonen', 'Housing', 3),
  ('SOCIAL', null, 'Sociaal', 'Social', 4),
  ('SOCIAL.DOMESTIC_RELATIONS', 'SOCIAL', 'Huiselijke relaties', 'Domestic relations', 5),
  ('SOCIAL.PARENTING', 'SOCIAL', 'Opvoeding', 'Parenting', 6),
  ('SOCIAL.NETWORK', 'SOCIAL', 'Sociaal netwerk', 'Social network', 7),
  ('PARTICIPATION', null, 'Participatie', 'Participation', 8),
  ('PARTICIPATION.DAILY_LIVING', 'PARTICIPATION', 'Algemene dagelijkse levensvaardigheden (ADL)', 'Daily living skills', 9),
  ('PARTICIPATION.DUTCH_LANGUAGE', 'PARTICIPATION', 'Nederlandse taal', 'Dutch language', 10),
  ('PARTICIPATION.WORK', 'PARTICIPATION', 'Werk', 'Work', 11),
  ('PARTICIPATION.EDUCATION', 'PARTICIPATION', 'Opleiding', 'Education', 12),
  ('PARTICIPATION.CHILD_DAYTIME', 'PARTICIPATION', 'Daginvulling kind', 'Child''s daytime activity', 13),
  ('PARTICIPATION.PARENT_DAYTIME', 'PARTICIPATION', 'Daginvulling ouder', 'Parent''s daytime activity', 14),
  ('OTHER', null, 'Overig (o.a. juridisch)', 'Other (e.g. legal)', 15)
) as d(code, parent, nl, en, pos);

-- The eight life domains of seed 000 (after Leeuwen-den Dekker 2004), mapped to the monitor.
insert into framework_domain (framework_id, code, parent_code, label_nl, label_en, monitor_code, position)
select '00000000-0000-0000-0001-000000000002', code, null, nl, en, monitor, pos from (values
  ('HOUSING', 'Huisvesting', 'Housing', 'HOUSING', 1),
  ('FINANCES', 'Financiën', 'Finances', 'FINANCES', 2),
  ('MENTAL', 'Psychisch functioneren', 'Mental wellbeing', 'HEALTH', 3),
  ('MEANING', 'Zingeving', 'Meaning and motivation', 'SOCIAL', 4),
  ('PHYSICAL', 'Lichamelijk functioneren', 'Physical health and self-care', 'HEALTH', 5),
  ('PRACTICAL', 'Praktisch functioneren', 'Practical skills', 'PARTICIPATION.DAILY_LIVING', 6),
  ('DAYTIME', 'Dagbesteding', 'Daytime activity', 'PARTICIPATION.PARENT_DAYTIME', 7),
  ('SOCIAL', 'Sociaal functioneren', 'Social functioning', 'SOCIAL.NETWORK', 8)
) as d(code, nl, en, monitor, pos);

-- The domain names of the ZRM 2017 and its supplement on parenting. Names only: the
-- criteria texts are licensed and not shipped.
insert into framework_domain (framework_id, code, parent_code, label_nl, label_en, monitor_code, position)
select '00000000-0000-0000-0001-000000000003', code, null, nl, en, monitor, pos from (values
  ('FINANCES', 'Financiën', 'Finances', 'FINANCES', 1),
  ('WORK_EDUCATION', 'Werk & opleiding', 'Work and education', 'PARTICIPATION.WORK', 2),
  ('TIME_USE', 'Tijdsbesteding', 'Use of time', 'PARTICIPATION.PARENT_DAYTIME', 3),
  ('HOUSING', 'Huisvesting', 'Housing', 'HOUSING', 4),
  ('DOMESTIC_RELATIONS', 'Huiselijke relaties', 'Domestic relations', 'SOCIAL.DOMESTIC_RELATIONS', 5),
  ('MENTAL_HEALTH', 'Geestelijke gezondheid', 'Mental health', 'HEALTH', 6),
  ('PHYSICAL_HEALTH', 'Lichamelijke gezondheid', 'Physical health', 'HEALTH', 7),
  ('ADDICTION', 'Verslaving', 'Addiction', 'HEALTH', 8),
  ('BASIC_ADL', 'Basale ADL', 'Basic activities of daily living', 'PARTICIPATION.DAILY_LIVING', 9),
  ('INSTRUMENTAL_ADL', 'Instrumentele ADL', 'Instrumental activities of daily living', 'PARTICIPATION.DAILY_LIVING', 10),
  ('SOCIAL_NETWORK', 'Sociaal netwerk', 'Social network', 'SOCIAL.NETWORK', 11),
  ('SOCIAL_PARTICIPATION', 'Maatschappelijke participatie', 'Participation in society', 'PARTICIPATION', 12),
  ('JUSTICE', 'Justitie', 'Justice', 'OTHER', 13),
  ('PARENTING', 'Opvoeding (supplement ouderschap)', 'Parenting (supplement)', 'SOCIAL.PARENTING', 14)
) as d(code, nl, en, monitor, pos);

insert into scale (id, code, name_nl, name_en, allows_not_applicable) values
  ('00000000-0000-0000-0002-000000000001', 'PROGRESS', 'Ontwikkeling (monitor, 1–5 of n.v.t.)', 'Development (monitor, 1–5 or n/a)', true),
  ('00000000-0000-0000-0002-000000000002', 'SELF_SUFFICIENCY', 'Zelfredzaamheid (1–5)', 'Self-sufficiency (1–5)', false),
  ('00000000-0000-0000-0002-000000000003', 'ZRM', 'ZRM-niveaus (1–5)', 'ZRM levels (1–5)', false);

insert into scale_level (scale_id, value, label_nl, label_en) values
  ('00000000-0000-0000-0002-000000000001', 1, 'Negatieve ontwikkeling', 'Negative development'),
  ('00000000-0000-0000-0002-000000000001', 2, 'Geen ontwikkeling', 'No development'),
  ('00000000-0000-0000-0002-000000000001', 3, 'Positieve ontwikkeling, nog intensieve ondersteuning nodig', 'Positive development, still needs intensive support'),
  ('00000000-0000-0000-0002-000000000001', 4, 'Positieve ontwikkeling, beperkte ondersteuning nodig', 'Positive development, needs limited support'),
  ('00000000-0000-0000-0002-000000000001', 5, 'Positieve ontwikkeling, geen ondersteuning meer nodig', 'Positive development, needs no more support'),
  ('00000000-0000-0000-0002-000000000002', 1, 'Acute problemen', 'Acute problems'),
  ('00000000-0000-0000-0002-000000000002', 2, 'Niet zelfredzaam', 'Not self-sufficient'),
  ('00000000-0000-0000-0002-000000000002', 3, 'Beperkt zelfredzaam', 'Partly self-sufficient'),
  ('00000000-0000-0000-0002-000000000002', 4, 'Voldoende zelfredzaam', 'Sufficiently self-sufficient'),
  ('00000000-0000-0000-0002-000000000002', 5, 'Volledig zelfredzaam', 'Fully self-sufficient'),
  ('00000000-0000-0000-0002-000000000003', 1, 'Acute problematiek', 'Acute problems'),
  ('00000000-0000-0000-0002-000000000003', 2, 'Niet zelfredzaam', 'Not self-sufficient'),
  ('00000000-0000-0000-0002-000000000003', 3, 'Beperkt zelfredzaam', 'Limited self-sufficiency'),
  ('00000000-0000-0000-0002-000000000003', 4, 'Voldoende zelfredzaam', 'Sufficient self-sufficiency'),
  ('00000000-0000-0000-0002-000000000003', 5, 'Volledig zelfredzaam', 'Full self-sufficiency');

insert into instrument (id, code, name_nl, name_en, framework_id, scale_id) values
  ('00000000-0000-0000-0003-000000000001', 'MONITOR_PROGRESS', 'Voortgang per leefgebied (monitor)', 'Progress per life domain (monitor)', '00000000-0000-0000-0001-000000000001', '00000000-0000-0000-0002-000000000001'),
  ('00000000-0000-0000-0003-000000000002', 'EIGHT_DOMAINS_SELF_SUFFICIENCY', 'Zelfredzaamheid op acht leefgebieden', 'Self-sufficiency on eight life domains', '00000000-0000-0000-0001-000000000002', '00000000-0000-0000-0002-000000000002'),
  ('00000000-0000-0000-0003-000000000003', 'ZRM_2017', 'ZRM 2017 (sjabloon, zonder criteria)', 'ZRM 2017 (template, without criteria)', '00000000-0000-0000-0001-000000000003', '00000000-0000-0000-0002-000000000003');
