-- Module: safety
-- Issue 14, item 4: the meldcode track (Wet verplichte meldcode, since 2019 with the
-- afwegingskader). A meldcode case per household and concern, about one member; its five
-- steps in order, each dated and signed by who, with what the step records (jsonb, checked by
-- the module: step 1 the observed facts apart from the interpretations and the Kindcheck;
-- step 2 the consultation; step 3 the conversation with the client; step 4 the five questions
-- of the afwegingskader, each answered with a reason; step 5 the decision and the follow-up
-- date). Visible only to its author, the organisation's meldcode officers and coordinators:
-- the module checks that on every read, row-level security keeps it inside the organisation.
create table meldcode_case (
  id               uuid primary key,
  household_id     uuid not null references household (id),
  organisation_id  uuid not null references organisation (id),
  member_id        uuid not null references household_member (id),
  concern          varchar(2000) not null,
  opened_on        date not null,
  author           uuid not null references account (id),
  -- Step 5, copied here so that the worklist and the monitor read one row.
  decision         varchar(20) check (decision in ('REPORT', 'REPORT_AND_HELP', 'HELP', 'NO_ACTION')),
  follow_up_on     date,
  created_at       timestamptz not null default clock_timestamp()
);
create index meldcode_case_household on meldcode_case (household_id, opened_on desc);
-- The worklist asks for the cases of an organisation whose follow-up is due: one index range.
create index meldcode_case_follow_up on meldcode_case (organisation_id, follow_up_on) where follow_up_on is not null;

create table meldcode_step (
  case_id          uuid not null references meldcode_case (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  step             integer not null check (step between 1 and 5),
  done_on          date not null,
  signed_by        uuid not null references account (id),
  content          jsonb not null,
  recorded_at      timestamptz not null default clock_timestamp(),
  primary key (case_id, step)
);

alter table meldcode_case enable row level security;
create policy meldcode_case_own on meldcode_case to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter table meldcode_step enable row level security;
create policy meldcode_step_own on meldcode_step to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
