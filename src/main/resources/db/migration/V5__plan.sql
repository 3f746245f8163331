-- Help questions, the family's plan and progress per domain (issue 4). The questions,
-- scores and experiences live in the tables of V4 (help_question, progress_score,
-- experience), which the monitor reads; this adds their history and the plan.

-- Who changed what on a help question, and when: its history ("questions change along
-- the way"). Appended by the application, never changed.
create table help_question_change (
  id                uuid primary key,
  help_question_id  uuid not null references help_question (id) on delete cascade,
  organisation_id   uuid not null references organisation (id),
  changed_at        timestamptz not null default now(),
  changed_by        uuid references account (id),
  changed_by_name   varchar(200),
  field             varchar(30) not null,
  old_value         text,
  new_value         text
);
create index help_question_change_question on help_question_change (help_question_id, changed_at);

-- A goal of the family's plan, in the family's words; optionally for one member and one
-- domain of the organisation's framework (counted for its monitor code).
create table plan_goal (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid references household_member (id) on delete set null,
  framework_code   varchar(30),
  domain_code      varchar(60),
  monitor_code     varchar(60),
  description      text not null,
  status           varchar(20) not null check (status in ('ACTIVE', 'ACHIEVED', 'STOPPED')),
  set_on           date not null,
  version          integer not null default 0,
  check ((domain_code is null) = (monitor_code is null))
);
create index plan_goal_household on plan_goal (household_id);

-- The words a goal had before it was adjusted (at an evaluation or otherwise).
create table plan_goal_revision (
  id               uuid primary key,
  goal_id          uuid not null references plan_goal (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  revised_on       date not null,
  revised_at       timestamptz not null default now(),
  previous_text    text not null,
  evaluation_id    uuid
);
create index plan_goal_revision_goal on plan_goal_revision (goal_id, revised_at);

-- What someone does towards a goal: the member themselves, someone from their network,
-- a professional, a volunteer or a partner organisation.
create table plan_action (
  id               uuid primary key,
  goal_id          uuid not null references plan_goal (id) on delete cascade,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  description      text not null,
  actor            varchar(20) not null check (actor in ('MEMBER', 'NETWORK', 'PROFESSIONAL', 'VOLUNTEER', 'PARTNER')),
  actor_name       varchar(200),
  due_on           date,
  status           varchar(20) not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE')),
  version          integer not null default 0
);
create index plan_action_goal on plan_action (goal_id);

-- An evaluation moment: where are we, what progressed, what did not happen, what is needed.
create table plan_evaluation (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  evaluated_on     date not null,
  progressed       text,
  not_happened     text,
  needed           text,
  recorded_by      uuid references account (id),
  recorded_at      timestamptz not null default now()
);
create index plan_evaluation_household on plan_evaluation (household_id, evaluated_on);

-- The family's experience asked at an evaluation (null: given through the document).
alter table experience add column evaluation_id uuid references plan_evaluation (id) on delete set null;

-- Notes of the workers about the plan: never in the family's copy.
create table plan_note (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  written_at       timestamptz not null default now(),
  written_by       uuid references account (id),
  written_by_name  varchar(200),
  text             text not null
);
create index plan_note_household on plan_note (household_id, written_at);

alter table help_question_change enable row level security;
alter table plan_goal enable row level security;
alter table plan_goal_revision enable row level security;
alter table plan_action enable row level security;
alter table plan_evaluation enable row level security;
alter table plan_note enable row level security;

create policy help_question_change_own on help_question_change to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy plan_goal_own on plan_goal to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy plan_goal_revision_own on plan_goal_revision to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy plan_action_own on plan_action to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy plan_evaluation_own on plan_evaluation to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy plan_note_own on plan_note to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));

-- History is appended, never rewritten.
revoke update on help_question_change, plan_goal_revision from vangnet_app;
