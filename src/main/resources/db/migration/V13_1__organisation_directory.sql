-- Module: organisation
--
-- What the organisation module publishes to the SQL of other modules (issue 11): the
-- directory of organisations (code, name, kind) and their districts, which partners,
-- consents and referrals name. Read-only, with the reader's rights.

create view organisation_directory with (security_invoker = true) as
select o.id, o.code, o.name, o.kind from organisation o;

create view organisation_district_directory with (security_invoker = true) as
select d.organisation_id, d.position, d.name from organisation_district d;

revoke all on organisation_directory, organisation_district_directory from vangnet_app;
grant select on organisation_directory, organisation_district_directory to vangnet_app;
