-- The common registration of seed 004: the tables behind the sections of the household
-- document (vangnet-household/1) that the monitor (vangnet-monitor/1) counts. The modules
-- that keep them (help questions and plan; contacts and time) add their own columns and
-- tables in later migrations; the monitor reads these columns with plain SQL.

-- A help question of a member (member_id null: the household as a whole) on a domain of
-- the organisation's framework, counted for the monitor code it maps to.
create table help_question (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid references household_member (id) on delete set null,
  -- The domain of the framework the question was registered in (framework_domain.code).
  framework_code   varchar(30) not null,
  domain_code      varchar(60) not null,
  -- The code of the monitor framework it counts for (EXCHANGE.md), top level or sub-domain.
  monitor_code     varchar(60) not null,
  opened_on        date not null,
  closed_on        date,
  acute            boolean,
  status           varchar(20) check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'NO_LONGER_RELEVANT')),
  description      text,
  version          integer not null default 0,
  check (closed_on is null or closed_on >= opened_on)
);
create index help_question_household on help_question (household_id);
create index help_question_monitor on help_question (organisation_id, monitor_code, opened_on);

-- A score on a domain of an instrument on a date, by the worker or by the client
-- (self-rating). Null: n.v.t., never averaged and never drawn as zero. The document's
-- progressScores are the worker's scores on the instrument MONITOR_PROGRESS.
create table progress_score (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  instrument_code  varchar(40) not null,
  domain_code      varchar(60) not null,
  scored_on        date not null,
  rater            varchar(10) not null check (rater in ('WORKER', 'CLIENT')),
  score            integer check (score between 1 and 5),
  unique (household_id, instrument_code, domain_code, scored_on, rater)
);
create index progress_score_monitor on progress_score (organisation_id, instrument_code, rater, domain_code, scored_on);

-- Whether the family experienced the support on a domain (monitor code) as helpful.
create table experience (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  experienced_on   date not null,
  monitor_code     varchar(60) not null,
  helped           varchar(10) not null check (helped in ('YES', 'A_BIT', 'NO'))
);
create index experience_monitor on experience (organisation_id, experienced_on);

-- Minutes of support of a type on a date, for a member or the household as a whole.
create table time_entry (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid references household_member (id) on delete set null,
  entry_date       date not null,
  support_type     varchar(30) not null check (support_type in ('CONVERSATION', 'ARRANGING', 'PRACTICAL_SUPPORT',
                     'BUDDY_SUPPORT', 'PARENT_GROUP_ACTIVITY', 'CHILD_GROUP_ACTIVITY', 'PARENT_VOLUNTEER_WORK')),
  minutes          integer not null check (minutes between 1 and 1440)
);
create index time_entry_household on time_entry (household_id, entry_date);

-- Taking part in an activity, with how it was experienced (null: not asked).
create table activity_participation (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid references household_member (id) on delete set null,
  activity_date    date not null,
  name             varchar(100),
  satisfaction     varchar(10) check (satisfaction in ('GREEN', 'ORANGE', 'RED'))
);
create index activity_participation_monitor on activity_participation (organisation_id, activity_date);

alter table help_question enable row level security;
alter table progress_score enable row level security;
alter table experience enable row level security;
alter table time_entry enable row level security;
alter table activity_participation enable row level security;

create policy help_question_own on help_question to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy progress_score_own on progress_score to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy experience_own on experience to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy time_entry_own on time_entry to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy activity_participation_own on activity_participation to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
