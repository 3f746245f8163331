-- Module: household
-- Issue 15, item 3: besides where she went, her housing, income and school situation at
-- departure, recorded with the trajectory that ended (the end form; not part of
-- vangnet-household/1, whose documents leave them as they are). Unknown when null.
alter table trajectory add column departure_housing varchar(20)
  check (departure_housing in ('STABLE', 'TEMPORARY', 'NONE'));
alter table trajectory add column departure_income varchar(20)
  check (departure_income in ('WORK', 'BENEFITS', 'OTHER', 'NONE'));
alter table trajectory add column departure_school varchar(30)
  check (departure_school in ('ALL_AT_SCHOOL', 'NOT_ALL_AT_SCHOOL', 'NO_SCHOOL_AGE_CHILDREN'));
alter table trajectory add constraint trajectory_departure_ended check (end_date is not null
  or (departure_housing is null and departure_income is null and departure_school is null));

-- What other modules read of a trajectory gains where she went and how she left (the
-- follow-up checks compare with it).
create or replace view household_trajectory with (security_invoker = true) as
select t.organisation_id, t.household_id, t.id as trajectory_id, t.kind, t.start_date, t.end_date,
       t.contact_person, t.position, h.closed_on as household_closed_on,
       t.destination, t.departure_housing, t.departure_income, t.departure_school
from trajectory t join household h on h.id = t.household_id;
