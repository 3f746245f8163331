-- Module: organisation
-- Whether the organisation's accounts must use a second factor (issue 17): REQUIRED,
-- OPTIONAL, or null for the installation's setting (VANGNET_SECOND_FACTOR).
alter table organisation add column second_factor varchar(10)
  check (second_factor in ('REQUIRED', 'OPTIONAL'));
