-- Module: plan
-- What the monitor's domains need of a household's help questions, one row per household and
-- organisation of its questions (issue 16, item 2): the household's questions as they stood on
-- every day a question was opened, as one text per day: the monitor codes of the questions
-- opened on or before it with how many each has ('FINANCES:2,HEALTH:1', in the codes' order).
-- The questions opened on or before any day are then the text of the last such day, found by
-- binary search (width_bucket), per household, instead of joining every help question to the
-- population (at 500,000 households about 1,080,000 questions, the dearest statement of the
-- monitor). The monitor counts the households per distinct text (a few thousand). Kept by
-- statement triggers in the same transaction as every change of a help question, so it is
-- always current. The organisation is there for row-level security: a row shows what the
-- questions of that organisation show; a household with questions of more than one
-- organisation is counted by the monitor from its questions themselves.
create table household_question_summary (
  household_id     uuid not null,
  organisation_id  uuid not null references organisation (id),
  -- the household's questions are all of this organisation
  one_organisation boolean not null,
  -- the days a question was opened, in order, and the questions as they stood on each:
  -- 'FINANCES:2,HEALTH:1'
  days             date[] not null,
  questions        text[] not null,
  primary key (household_id, organisation_id)
);
-- the few households with questions of more than one organisation
create index household_question_summary_mixed on household_question_summary (household_id)
  where not one_organisation;

alter table household_question_summary enable row level security;
create policy household_question_summary_own on household_question_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- The rows of these households, from their questions: per day a question was opened, the codes
-- of the questions opened on or before it, with their numbers.
create function vangnet_question_rows(households uuid[])
  returns table (household_id uuid, organisation_id uuid, one_organisation boolean, days date[], questions text[])
  language sql stable security definer set search_path = public as $$
  with q as (
    select hq.household_id, hq.organisation_id, hq.monitor_code::text as code, hq.opened_on from help_question hq
    where hq.household_id = any (households)
  )
  select y.household_id, y.organisation_id, count(*) over (partition by y.household_id) = 1,
         array_agg(y.day order by y.day), array_agg(y.questions order by y.day)
  from (select x.household_id, x.organisation_id, x.day, string_agg(x.code || ':' || x.questions, ',' order by x.code)
                 as questions
        from (select d.household_id, d.organisation_id, d.day, q.code, count(*) as questions
              from (select distinct q.household_id, q.organisation_id, q.opened_on as day from q) d
              join q on q.household_id = d.household_id and q.organisation_id = d.organisation_id
                    and q.opened_on <= d.day
              group by 1, 2, 3, 4) x
        group by 1, 2, 3) y
  group by y.household_id, y.organisation_id
$$;

-- Recounts the rows of these households as the table owner (whatever the caller's tenant, so a
-- row is never partial). A transaction-scoped lock per household, taken in order, makes two
-- transactions changing one household's questions recount one after the other, the second
-- seeing the first's changes. A household without questions has no row.
create function vangnet_summarise_questions(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(45, hashtext(h::text))
     from (select distinct h from unnest(households) as h) l order by hashtext(h::text);
  delete from household_question_summary where household_id = any (households);
  insert into household_question_summary (household_id, organisation_id, one_organisation, days, questions)
  select * from vangnet_question_rows(households);
end $$;

create function vangnet_questions_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_questions(array(select distinct household_id from added));
  return null;
end $$;

-- Questions changed: their households are recounted only when what the summary holds of
-- them changed (household, organisation, monitor code or opening day).
create function vangnet_questions_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_questions(array(
    select o.household_id from old_questions o join new_questions n on n.id = o.id
     where (n.household_id, n.organisation_id, n.monitor_code, n.opened_on)
           is distinct from (o.household_id, o.organisation_id, o.monitor_code, o.opened_on)
    union
    select n.household_id from old_questions o join new_questions n on n.id = o.id
     where n.household_id <> o.household_id));
  return null;
end $$;

create function vangnet_questions_removed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_questions(array(select distinct household_id from removed));
  return null;
end $$;

create trigger household_question_summary_insert after insert on help_question
  referencing new table as added for each statement execute function vangnet_questions_added();
create trigger household_question_summary_update after update on help_question
  referencing old table as old_questions new table as new_questions for each statement
  execute function vangnet_questions_changed();
create trigger household_question_summary_delete after delete on help_question
  referencing old table as removed for each statement execute function vangnet_questions_removed();

revoke execute on function vangnet_question_rows(uuid[]) from public;
revoke execute on function vangnet_summarise_questions(uuid[]) from public;
revoke execute on function vangnet_questions_added() from public;
revoke execute on function vangnet_questions_changed() from public;
revoke execute on function vangnet_questions_removed() from public;

-- The rows of the households there are now, in one pass.
insert into household_question_summary (household_id, organisation_id, one_organisation, days, questions)
select * from vangnet_question_rows(array(select distinct household_id from help_question));
