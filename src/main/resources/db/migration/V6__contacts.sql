-- Contacts (module contact): contact moments with a family, time invested per support type,
-- group activities, the follow-up rhythm per trajectory, and the family's overview of
-- obligations and debts. "Due" and "overdue" are derived from the contact log, never stored.

-- A contact moment: reached or not (a failed outreach attempt counts and stays visible).
-- A sensitive note is shown only to its author and to coordinators.
create table contact_moment (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  occurred_at      timestamp not null,
  channel          varchar(20) not null check (channel in ('HOME_VISIT', 'OFFICE', 'PHONE', 'MESSAGE', 'WALK_IN',
                     'OUTREACH_ATTEMPT', 'GROUP_ACTIVITY')),
  reached          boolean not null,
  note             varchar(1000),
  sensitive        boolean not null default false,
  author_id        uuid references account (id),
  created_at       timestamptz not null default now()
);
create index contact_moment_household on contact_moment (household_id, occurred_at);
create index contact_moment_author on contact_moment (organisation_id, author_id);

create table contact_moment_member (
  contact_moment_id  uuid not null references contact_moment (id) on delete cascade,
  organisation_id    uuid not null references organisation (id),
  member_id          uuid not null references household_member (id) on delete cascade,
  primary key (contact_moment_id, member_id)
);

-- Time and activities entered from a contact moment point back to it; the order of a
-- document's entries on the same day is kept in position.
alter table time_entry add column contact_moment_id uuid references contact_moment (id) on delete set null;
alter table time_entry add column position integer;
alter table activity_participation add column contact_moment_id uuid references contact_moment (id) on delete set null;
alter table activity_participation add column position integer;

-- How often a family should be in contact for a trajectory (weekly while stabilising,
-- every three months as pilot-light contact after closing). It outlives the trajectory
-- and the household until it is ended on purpose, with a reason. The trajectory is named
-- without a foreign key: the household module rewrites its trajectory rows on change.
create table follow_up_rhythm (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  trajectory_id    uuid not null,
  rhythm           varchar(30) not null check (rhythm in ('WEEKLY', 'EVERY_TWO_WEEKS', 'MONTHLY',
                     'EVERY_THREE_MONTHS', 'EVERY_SIX_MONTHS')),
  started_on       date not null,
  ended_on         date,
  end_reason       varchar(500),
  version          integer not null default 0,
  check ((ended_on is null) = (end_reason is null))
);
create unique index follow_up_rhythm_active on follow_up_rhythm (trajectory_id) where ended_on is null;
create index follow_up_rhythm_household on follow_up_rhythm (organisation_id, household_id);

-- What the family has to do, for which agency, by when.
create table obligation (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  kind             varchar(20) not null check (kind in ('LETTER', 'FORM', 'APPOINTMENT', 'BENEFIT_RENEWAL', 'PAYMENT', 'OTHER')),
  description      varchar(300) not null,
  agency           varchar(200),
  due_on           date,
  status           varchar(20) not null check (status in ('TO_DO', 'IN_PROGRESS', 'DONE', 'NOT_NEEDED')),
  version          integer not null default 0,
  created_at       timestamptz not null default now()
);
create index obligation_household on obligation (household_id, due_on);

-- Debts with creditors; every change leaves a row in debt_history.
create table debt (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  creditor         varchar(200) not null,
  amount           numeric(12, 2) not null check (amount >= 0),
  arrangement      varchar(500),
  status           varchar(20) not null check (status in ('OPEN', 'ARRANGEMENT', 'DEBT_COUNSELLING', 'PAID_OFF')),
  version          integer not null default 0,
  created_at       timestamptz not null default now()
);
create index debt_household on debt (household_id);

create table debt_history (
  id               uuid primary key,
  debt_id          uuid not null references debt (id),
  organisation_id  uuid not null references organisation (id),
  changed_at       timestamptz not null,
  changed_by       uuid references account (id),
  creditor         varchar(200) not null,
  amount           numeric(12, 2) not null,
  arrangement      varchar(500),
  status           varchar(20) not null
);
create index debt_history_debt on debt_history (debt_id, changed_at);

alter table contact_moment enable row level security;
alter table contact_moment_member enable row level security;
alter table follow_up_rhythm enable row level security;
alter table obligation enable row level security;
alter table debt enable row level security;
alter table debt_history enable row level security;

create policy contact_moment_own on contact_moment to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy contact_moment_member_own on contact_moment_member to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy follow_up_rhythm_own on follow_up_rhythm to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy obligation_own on obligation to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy debt_own on debt to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy debt_history_own on debt_history to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
