-- Module: plan
-- What the monitor's domains need of a household's help questions, one row per household and
-- organisation of its questions (issue 16, item 2): the monitor codes of its questions with how
-- many questions each has, as one text ('FINANCES:2,HEALTH:1', in the codes' order), and the
-- day the latest was opened. The
-- monitor's domains then read one narrow row per household of the population instead of
-- joining every help question to it (at 500,000 households about 1,080,000 questions, the
-- dearest statement of the monitor). A household whose questions were all opened on or before
-- the monitor's last day, in one organisation, is counted from its row; any other is counted
-- from its questions themselves, as before. The monitor counts the households per distinct
-- text (a few thousand), not per household. Kept by statement triggers in the same transaction
-- as every change of a help question, so it is always current. The organisation is there for
-- row-level security: a row shows what the questions of that organisation show.
create table household_question_summary (
  household_id     uuid not null,
  organisation_id  uuid not null references organisation (id),
  -- the household's questions are all of this organisation
  one_organisation boolean not null,
  -- the monitor codes of its questions in this organisation, each once and in order, with the
  -- number of questions of each: 'FINANCES:2,HEALTH:1'
  questions        text not null,
  last_opened      date not null,
  primary key (household_id, organisation_id)
);

alter table household_question_summary enable row level security;
create policy household_question_summary_own on household_question_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- Recounts the rows of these households from their help questions as the table owner
-- (whatever the caller's tenant, so a row is never partial). A transaction-scoped lock per
-- household, taken in order, makes two transactions changing one household's questions
-- recount one after the other, the second seeing the first's changes. A household without
-- questions has no row.
create function vangnet_summarise_questions(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(45, hashtext(h::text))
     from (select distinct h from unnest(households) as h) l order by hashtext(h::text);
  delete from household_question_summary where household_id = any (households);
  insert into household_question_summary (household_id, organisation_id, one_organisation, questions, last_opened)
  select household_id, organisation_id, count(*) over (partition by household_id) = 1,
         string_agg(code || ':' || questions, ',' order by code), max(last_opened)
  from (select q.household_id, q.organisation_id, q.monitor_code::text as code, count(*) as questions,
               max(q.opened_on) as last_opened
        from help_question q where q.household_id = any (households)
        group by 1, 2, 3) q
  group by household_id, organisation_id;
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

revoke execute on function vangnet_summarise_questions(uuid[]) from public;
revoke execute on function vangnet_questions_added() from public;
revoke execute on function vangnet_questions_changed() from public;
revoke execute on function vangnet_questions_removed() from public;

-- The rows of the households there are now, in one pass.
insert into household_question_summary (household_id, organisation_id, one_organisation, questions, last_opened)
select household_id, organisation_id, count(*) over (partition by household_id) = 1,
       string_agg(code || ':' || questions, ',' order by code), max(last_opened)
from (select q.household_id, q.organisation_id, q.monitor_code::text as code, count(*) as questions,
             max(q.opened_on) as last_opened
      from help_question q group by 1, 2, 3) q
group by household_id, organisation_id;
