-- Module: plan
-- The sharing policies of help questions and plan goals (V12) read "this household is the one
-- shared AND its domain is within the consent". Outside a shared read the shared household is
-- null, so the first half is null, not false, and PostgreSQL had to evaluate the domain check
-- for every row it read: a function call per row, about 8 microseconds each, on every page and
-- in the monitor (the monitor's question count at 100,000 households went from 0.2 to 1.8 s).
-- With coalesce(..., false) the first half is false and the check is never made. Who may read
-- what is unchanged.
drop policy help_question_shared on help_question;
create policy help_question_shared on help_question for select to vangnet_app
  using (coalesce(household_id = (select vangnet_shared_household('HELP_QUESTIONS')), false)
         and vangnet_domain_within(monitor_code, (select vangnet_shared_domains())));

drop policy plan_goal_shared on plan_goal;
create policy plan_goal_shared on plan_goal for select to vangnet_app
  using (coalesce(household_id = (select vangnet_shared_household('PLAN')), false)
         and coalesce(vangnet_domain_within(monitor_code, (select vangnet_shared_domains())), false));
