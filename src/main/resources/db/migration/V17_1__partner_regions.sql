-- Module: cooperation
--
-- Regions as an administrator defines them (issue 13): a district belongs to at most one
-- region, and a partner on the who-does-what map belongs to the region of the organisation
-- that keeps it (the first of its districts that lies in a region), or to the whole
-- installation when none does. vangnet_assign_partner_regions() puts every partner where
-- that rule says, in the transaction that changed a region; SECURITY DEFINER because an
-- administrator works for no organisation and the policies on partner admit coordinators.

create unique index region_district_once on region_district (name);

create function vangnet_assign_partner_regions() returns integer
  language sql volatile security definer set search_path = public
  as $$
    with wanted as (
      select p.id,
             case when p.kept_by_organisation_id is not null then
               (select rd.region_id from region_district rd
                  join organisation_district_directory od on od.name = rd.name
                where od.organisation_id = p.kept_by_organisation_id
                order by od.position limit 1)
             -- kept by nobody (the system): stays where it is while its region has districts
             when exists (select 1 from region_district rd where rd.region_id = p.region_id) then p.region_id
             end as region_id
      from partner p
    ), moved as (
      update partner p set region_id = w.region_id
      from wanted w
      where w.id = p.id and p.region_id is distinct from w.region_id
      returning p.id
    )
    select count(*)::integer from moved
  $$;
revoke execute on function vangnet_assign_partner_regions() from public;
grant execute on function vangnet_assign_partner_regions() to vangnet_app;

-- How many partners of the map belong to a region (for the administrator, who sees no
-- partner rows of a region through the policies).
create function vangnet_region_partners(region uuid) returns integer
  language sql stable security definer set search_path = public
  as $$ select count(*)::integer from partner p where p.region_id = region $$;
revoke execute on function vangnet_region_partners(uuid) from public;
grant execute on function vangnet_region_partners(uuid) to vangnet_app;
