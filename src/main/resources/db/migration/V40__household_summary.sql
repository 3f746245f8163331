-- Module: household
-- What the monitor's background needs of a household, one row per household (issue 16, item 2):
-- V38's summary of its members (the main contact's education, Dutch and day activities; its
-- children) together with the household's own composition, debts, referral source and reasons
-- for the first contact. The background and the contact reasons then read one narrow row per
-- household of the population instead of joining the whole household table to the summary (at
-- 500,000 households about a third of the background's time). Kept by statement triggers in the
-- same transaction as every change of a household or one of its members, so it is always
-- current. Every household has a row; one without members has no main contact's
-- characteristics and no children.
create table household_summary (
  household_id        uuid primary key references household (id) on delete cascade,
  organisation_id     uuid not null references organisation (id),
  composition         varchar(20),
  debts               varchar(10),
  referral_source     varchar(40),
  contact_reasons     varchar(20)[] not null,
  education           varchar(30),
  dutch_language      varchar(30),
  -- the main contact's day activities, comma-separated in their order ('' when none)
  day_activities      text,
  children            integer not null,
  -- the children's birth dates and given age groups, pairwise in the same order
  child_birth_dates   date[] not null,
  child_age_groups    varchar(20)[] not null
);
create index household_summary_organisation on household_summary (organisation_id);

alter table household_summary enable row level security;
create policy household_summary_own on household_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

drop trigger household_member_summary_insert on household_member;
drop trigger household_member_summary_update on household_member;
drop trigger household_member_summary_delete on household_member;
drop function vangnet_members_added();
drop function vangnet_members_changed();
drop function vangnet_members_removed();
drop function vangnet_summarise_members(uuid[]);
drop table household_member_summary;

-- Recounts the summaries of these households from the household and its members as the table
-- owner (whatever the caller's tenant, so a summary is never partial). The households are locked
-- first, so two transactions changing one household or its members recount one after the other,
-- the second seeing the first's changes. A household deleted in this transaction has no row
-- left to recount (its summary goes with it).
create function vangnet_summarise_households(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform 1 from household h where h.id = any (households) order by h.id for no key update;
  insert into household_summary (household_id, organisation_id, composition, debts, referral_source, contact_reasons,
                                 education, dutch_language, day_activities, children, child_birth_dates,
                                 child_age_groups)
  select h.id, h.organisation_id, h.composition, h.debts, h.referral_source, h.contact_reasons,
         m.education, m.dutch_language, m.day_activities, coalesce(m.children, 0),
         coalesce(m.child_birth_dates, '{}'), coalesce(m.child_age_groups, '{}')
  from household h
  left join lateral (
    select max(m.education) filter (where m.main_contact) as education,
           max(m.dutch_language) filter (where m.main_contact) as dutch_language,
           max(array_to_string(m.day_activities, ',')) filter (where m.main_contact) as day_activities,
           count(*) filter (where m.role = 'CHILD') as children,
           array_agg(m.birth_date order by m.id) filter (where m.role = 'CHILD') as child_birth_dates,
           array_agg(m.age_group order by m.id) filter (where m.role = 'CHILD') as child_age_groups
    from household_member m where m.household_id = h.id
  ) m on true
  where h.id = any (households)
  on conflict (household_id) do update
    set organisation_id = excluded.organisation_id, composition = excluded.composition, debts = excluded.debts,
        referral_source = excluded.referral_source, contact_reasons = excluded.contact_reasons,
        education = excluded.education, dutch_language = excluded.dutch_language,
        day_activities = excluded.day_activities, children = excluded.children,
        child_birth_dates = excluded.child_birth_dates, child_age_groups = excluded.child_age_groups;
end $$;

create function vangnet_households_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_households(array(select id from added));
  return null;
end $$;

-- A household changed: recounted only when what the summary holds of it changed.
create function vangnet_households_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_households(array(
    select n.id from new_households n join old_households o on o.id = n.id
     where (n.organisation_id, n.composition, n.debts, n.referral_source, n.contact_reasons)
           is distinct from (o.organisation_id, o.composition, o.debts, o.referral_source, o.contact_reasons)));
  return null;
end $$;

create function vangnet_members_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_households(array(select distinct household_id from added));
  return null;
end $$;

create function vangnet_members_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_households(array(select household_id from old_members union select household_id from new_members));
  return null;
end $$;

create function vangnet_members_removed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_households(array(select distinct household_id from removed));
  return null;
end $$;

create trigger household_summary_insert after insert on household
  referencing new table as added for each statement execute function vangnet_households_added();
create trigger household_summary_update after update on household
  referencing old table as old_households new table as new_households for each statement
  execute function vangnet_households_changed();
create trigger household_summary_member_insert after insert on household_member
  referencing new table as added for each statement execute function vangnet_members_added();
create trigger household_summary_member_update after update on household_member
  referencing old table as old_members new table as new_members for each statement execute function vangnet_members_changed();
create trigger household_summary_member_delete after delete on household_member
  referencing old table as removed for each statement execute function vangnet_members_removed();

revoke execute on function vangnet_summarise_households(uuid[]) from public;

-- The summaries of the households there are now.
select vangnet_summarise_households(array(select id from household));
