-- Module: safety
-- Issue 14, item 2: risk screening as data. An instrument is data like a life-domain
-- framework: parts with questions or factors, each with a weight (and, when it is a red flag,
-- critical); levels from a score on, each with its colour, its place on the monitor's scale
-- (LOW / MODERATE / HIGH whatever the instrument calls it) and the measures it asks for. One
-- generic, unlicensed instrument ships with Vangnet in its own words; an organisation loads
-- its own (licensed) instrument's structure through the API, so that no licensed text is in
-- the code. A screening records instrument and version, assessor, date, source, the answers,
-- the computed level, the professional's override with its reason, and the review date.

create table risk_instrument (
  id               uuid primary key,
  -- null: shipped with Vangnet, for every organisation; else the organisation's own.
  organisation_id  uuid references organisation (id),
  code             varchar(40) not null,
  version          integer not null check (version > 0),
  name_nl          varchar(200) not null,
  name_en          varchar(200) not null,
  -- {"parts": [{"code", "labelNl", "labelEn", "items": [{"code", "textNl", "textEn", "weight", "critical"}]}],
  --  "levels": [{"code", "labelNl", "labelEn", "colour", "monitor", "fromScore", "measuresNl", "measuresEn"}]}
  definition       jsonb not null,
  created_at       timestamptz not null default clock_timestamp()
);
create unique index risk_instrument_version on risk_instrument (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), code, version);

alter table risk_instrument enable row level security;
create policy risk_instrument_read on risk_instrument for select to vangnet_app
  using (organisation_id is null or organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy risk_instrument_own on risk_instrument for insert to vangnet_app
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

create table risk_screening (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid not null references household_member (id),
  instrument_id    uuid not null references risk_instrument (id),
  screened_on      date not null,
  assessor         uuid not null references account (id),
  source           varchar(20) not null check (source in ('OWN', 'POLICE', 'SAFE_HOME')),
  -- {"itemCode": "YES" | "NO" | "UNKNOWN"}
  answers          jsonb not null,
  score            integer,
  computed_level   varchar(40),
  level            varchar(40) not null,
  monitor_level    varchar(10) not null check (monitor_level in ('LOW', 'MODERATE', 'HIGH')),
  override_reason  varchar(2000),
  review_on        date,
  note             varchar(2000),
  recorded_at      timestamptz not null default clock_timestamp(),
  check (computed_level is null or level = computed_level or override_reason is not null)
);
create index risk_screening_household on risk_screening (household_id, screened_on desc, recorded_at desc);
-- The worklist asks for the screenings of an organisation whose review is due: one index range.
create index risk_screening_review on risk_screening (organisation_id, review_on) where review_on is not null;

alter table risk_screening enable row level security;
create policy risk_screening_own on risk_screening to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- The generic screening shipped with Vangnet, in its own words, on the public factor areas of
-- risk screening for domestic violence. Not a licensed or validated instrument: a structured
-- conversation that helps the professional weigh, never a replacement for her judgement.
insert into risk_instrument (id, organisation_id, code, version, name_nl, name_en, definition) values
('6a0f1c2e-5b1d-4e57-9a51-1d2c14000001', null, 'VANGNET_GENERIC', 1,
 'Vangnet veiligheidsscreening (algemeen)', 'Vangnet safety screening (generic)',
 '{"parts": [
   {"code": "VIOLENCE", "labelNl": "Het geweld van de pleger", "labelEn": "The perpetrator''s violence", "items": [
     {"code": "V1", "textNl": "Is er de afgelopen tijd lichamelijk geweld gebruikt?", "textEn": "Has physical violence been used recently?", "weight": 2, "critical": false},
     {"code": "V2", "textNl": "Heeft de pleger haar ooit gewurgd of geprobeerd te wurgen?", "textEn": "Has the perpetrator ever strangled her or tried to?", "weight": 3, "critical": true},
     {"code": "V3", "textNl": "Wordt het geweld vaker of erger?", "textEn": "Is the violence becoming more frequent or more severe?", "weight": 2, "critical": false},
     {"code": "V4", "textNl": "Heeft de pleger toegang tot een wapen?", "textEn": "Does the perpetrator have access to a weapon?", "weight": 2, "critical": false}]},
   {"code": "THREATS", "labelNl": "Dreiging en escalatie", "labelEn": "Threats and escalation", "items": [
     {"code": "T1", "textNl": "Heeft de pleger gedreigd haar of de kinderen te doden?", "textEn": "Has the perpetrator threatened to kill her or the children?", "weight": 3, "critical": true},
     {"code": "T2", "textNl": "Is zij kort geleden weggegaan of wil zij weggaan?", "textEn": "Has she recently left, or does she want to leave?", "weight": 2, "critical": false},
     {"code": "T3", "textNl": "Volgt, belt of bespiedt de pleger haar?", "textEn": "Does the perpetrator follow, call or watch her?", "weight": 1, "critical": false}]},
   {"code": "ORDERS", "labelNl": "Verboden en afspraken", "labelEn": "Orders and agreements", "items": [
     {"code": "O1", "textNl": "Heeft de pleger een huisverbod, contactverbod of straatverbod overtreden?", "textEn": "Has the perpetrator broken a house, contact or street ban?", "weight": 2, "critical": false},
     {"code": "O2", "textNl": "Houdt de pleger zich niet aan afspraken met hulpverlening of politie?", "textEn": "Does the perpetrator break agreements with services or the police?", "weight": 1, "critical": false}]},
   {"code": "SITUATION", "labelNl": "Haar situatie, angst en steun", "labelEn": "Her situation, fear and resources", "items": [
     {"code": "S1", "textNl": "Is zij bang dat de pleger haar ernstig iets aandoet?", "textEn": "Is she afraid the perpetrator will seriously harm her?", "weight": 2, "critical": false},
     {"code": "S2", "textNl": "Heeft zij geen veilige plek om naartoe te gaan?", "textEn": "Does she have no safe place to go?", "weight": 1, "critical": false},
     {"code": "S3", "textNl": "Heeft zij niemand in haar netwerk die zij kan bellen?", "textEn": "Does she have nobody in her network to call?", "weight": 1, "critical": false}]},
   {"code": "CHILDREN", "labelNl": "De veiligheid van de kinderen", "labelEn": "The children''s safety", "items": [
     {"code": "C1", "textNl": "Zijn er kinderen die het geweld zien of horen?", "textEn": "Are there children who see or hear the violence?", "weight": 2, "critical": false},
     {"code": "C2", "textNl": "Is een kind zelf bedreigd of geslagen?", "textEn": "Has a child been threatened or hit?", "weight": 3, "critical": true},
     {"code": "C3", "textNl": "Is de omgang met de pleger onveilig of niet geregeld?", "textEn": "Is contact with the perpetrator unsafe or not arranged?", "weight": 1, "critical": false}]}],
  "levels": [
   {"code": "GREEN", "labelNl": "Groen: geen acuut gevaar", "labelEn": "Green: no acute danger", "colour": "GREEN", "monitor": "LOW", "fromScore": 0,
    "measuresNl": ["Bespreek het veiligheidsplan en de waarschuwingssignalen", "Spreek een datum af om opnieuw te screenen"],
    "measuresEn": ["Discuss the safety plan and the warning signs", "Agree on a date to screen again"]},
   {"code": "ORANGE", "labelNl": "Oranje: verhoogd risico", "labelEn": "Orange: raised risk", "colour": "ORANGE", "monitor": "MODERATE", "fromScore": 5,
    "measuresNl": ["Maak samen een veiligheidsplan", "Overleg met de aandachtsfunctionaris (meldcode stap 2)", "Screen binnen een maand opnieuw"],
    "measuresEn": ["Make a safety plan together", "Consult the meldcode officer (meldcode step 2)", "Screen again within a month"]},
   {"code": "RED", "labelNl": "Rood: hoog risico", "labelEn": "Red: high risk", "colour": "RED", "monitor": "HIGH", "fromScore": 10,
    "measuresNl": ["Zorg vandaag voor veiligheid: bespreek opvang of een veilige plek", "Overleg vandaag met de aandachtsfunctionaris en Veilig Thuis", "Weeg een melding bij Veilig Thuis (meldcode)"],
    "measuresEn": ["Arrange safety today: discuss a shelter or a safe place", "Consult the meldcode officer and Veilig Thuis today", "Weigh a report to Veilig Thuis (meldcode)"]}]}'::jsonb);
