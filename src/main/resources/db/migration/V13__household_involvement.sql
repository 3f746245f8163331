-- Module: household
--
-- What the household module publishes to the SQL of other modules (issue 11): they read
-- households only through HouseholdApi or through these views, never through its tables.
-- The views run with the reader's rights (security_invoker), so row-level security of the
-- tables below applies to every query on them. Read-only for the application.

-- Who is involved in which trajectory: its fixed contact person and everyone else on it.
create view household_involvement with (security_invoker = true) as
select t.organisation_id, t.household_id, t.id as trajectory_id, t.contact_person as account_id,
       true as contact_person, t.start_date, t.end_date
from trajectory t where t.contact_person is not null
union all
select t.organisation_id, t.household_id, t.id, s.account_id, false, t.start_date, t.end_date
from trajectory t join trajectory_staff s on s.trajectory_id = t.id;

-- The rule, once: a person is involved in a family on a day when they are the contact
-- person or other staff of one of its trajectories that runs on that day (not ended
-- before it). A volunteer sees only these families.
create function household_involves(household uuid, account uuid, on_day date) returns boolean
  language sql stable
  as $$
    select exists (select 1 from household_involvement i
      where i.household_id = household and i.account_id = account and (i.end_date is null or i.end_date >= on_day))
  $$;

-- The trajectories of the households with what others need to know of them: kind, dates,
-- contact person, and whether the household itself is closed.
create view household_trajectory with (security_invoker = true) as
select t.organisation_id, t.household_id, t.id as trajectory_id, t.kind, t.start_date, t.end_date,
       t.contact_person, t.position, h.closed_on as household_closed_on
from trajectory t join household h on h.id = t.household_id;

revoke all on household_involvement, household_trajectory from vangnet_app;
grant select on household_involvement, household_trajectory to vangnet_app;
grant execute on function household_involves(uuid, uuid, date) to vangnet_app;

-- The members' references and names, for the modules that name a member in rows of their own (a
-- consent given for a child, on behalf of a parent).
create view household_member_ref with (security_invoker = true) as
select m.organisation_id, m.household_id, m.id as member_id, m.ref, m.given_name, m.family_name
from household_member m;

revoke all on household_member_ref from vangnet_app;
grant select on household_member_ref to vangnet_app;
