-- Module: plan
-- The worklist's acute help questions of an organisation, without reading every question
-- (issue 16, item 1).
create index help_question_acute_open on help_question (organisation_id, household_id)
  where acute and closed_on is null and status in ('OPEN', 'IN_PROGRESS');
