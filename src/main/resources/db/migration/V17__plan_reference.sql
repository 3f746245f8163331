-- Module: plan
--
-- What the plan module publishes to the SQL of others (issue 13): the help questions and
-- plan actions a referral can come from, with the household, the monitor code of their
-- domain (an action: its goal's) and, for an action, the partner who acts. Cooperation
-- reads it to check and show where a referral comes from; it never reads plan's tables.
-- With the reader's rights (security_invoker): row-level security of the tables applies.

create view plan_reference with (security_invoker = true) as
select q.organisation_id, q.household_id, q.id, 'HELP_QUESTION'::varchar as kind, q.monitor_code, q.description,
       null::uuid as partner_id
from help_question q
union all
select a.organisation_id, a.household_id, a.id, 'PLAN_ACTION'::varchar, g.monitor_code, a.description, a.partner_id
from plan_action a join plan_goal g on g.id = a.goal_id;

revoke all on plan_reference from vangnet_app;
grant select on plan_reference to vangnet_app;
