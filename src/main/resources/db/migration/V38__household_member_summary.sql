-- Module: household
-- What the monitor needs of a household's members, one row per household (issue 16, item 2):
-- its main contact's education, Dutch and day activities, and its children (how many, their
-- birth dates and given age groups). The monitor's background counted these from every member
-- of the population, about 140,000 rows at 100,000 households; from here it reads one row per
-- household. Kept by the statement triggers below in the same transaction as every change of
-- a member, so it is always current; a household without members has no row (as if it had no
-- main contact and no children).
create table household_member_summary (
  household_id        uuid primary key references household (id) on delete cascade,
  organisation_id     uuid not null references organisation (id),
  education           varchar(30),
  dutch_language      varchar(30),
  -- the main contact's day activities, comma-separated in their order ('' when none)
  day_activities      text,
  children            integer not null,
  -- the children's birth dates and given age groups, pairwise in the same order
  child_birth_dates   date[] not null,
  child_age_groups    varchar(20)[] not null
);
create index household_member_summary_organisation on household_member_summary (organisation_id);

alter table household_member_summary enable row level security;
create policy household_member_summary_own on household_member_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- Recounts the summaries of these households from their members as the table owner (whatever
-- the caller's tenant, so a summary is never partial). The households are locked first, so two
-- transactions changing members of one household recount one after the other, the second
-- seeing the first's members.
create function vangnet_summarise_members(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform 1 from household h where h.id = any (households) order by h.id for no key update;
  insert into household_member_summary (household_id, organisation_id, education, dutch_language, day_activities,
                                        children, child_birth_dates, child_age_groups)
  select m.household_id, h.organisation_id,
         max(m.education) filter (where m.main_contact),
         max(m.dutch_language) filter (where m.main_contact),
         max(array_to_string(m.day_activities, ',')) filter (where m.main_contact),
         count(*) filter (where m.role = 'CHILD'),
         coalesce(array_agg(m.birth_date order by m.id) filter (where m.role = 'CHILD'), '{}'),
         coalesce(array_agg(m.age_group order by m.id) filter (where m.role = 'CHILD'), '{}')
  from household_member m join household h on h.id = m.household_id
  where m.household_id = any (households)
  group by m.household_id, h.organisation_id
  on conflict (household_id) do update
    set organisation_id = excluded.organisation_id, education = excluded.education,
        dutch_language = excluded.dutch_language, day_activities = excluded.day_activities,
        children = excluded.children, child_birth_dates = excluded.child_birth_dates,
        child_age_groups = excluded.child_age_groups;
  delete from household_member_summary s
   where s.household_id = any (households)
     and not exists (select 1 from household_member m where m.household_id = s.household_id);
end $$;

create function vangnet_members_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_members(array(select distinct household_id from added));
  return null;
end $$;

create function vangnet_members_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_members(array(select household_id from old_members union select household_id from new_members));
  return null;
end $$;

create function vangnet_members_removed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_members(array(select distinct household_id from removed));
  return null;
end $$;

create trigger household_member_summary_insert after insert on household_member
  referencing new table as added for each statement execute function vangnet_members_added();
create trigger household_member_summary_update after update on household_member
  referencing old table as old_members new table as new_members for each statement execute function vangnet_members_changed();
create trigger household_member_summary_delete after delete on household_member
  referencing old table as removed for each statement execute function vangnet_members_removed();

revoke execute on function vangnet_summarise_members(uuid[]) from public;

-- The summaries of the households there are now.
select vangnet_summarise_members(array(select id from household));
