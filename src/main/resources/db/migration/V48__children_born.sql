-- Module: household
-- The household summary of V40 as the monitor's background counts it now (issue 16, item 2):
--  * kind: the household's combination of characteristics as one text (composition, debts,
--    referral source, and the main contact's education, Dutch and day activities, each UNKNOWN
--    when omitted, the day activities comma-separated or empty, and the number of children, 5+
--    from five: 'ONE_PARENT|YES|UNKNOWN|HIGHER|GOOD_OR_SUFFICIENT|WORK|2'), so the monitor groups
--    the population by one short text instead of seven columns;
--  * the children as the age groups need them: the birth dates of the children with one, in order
--    (child_born), and the given age groups of the children without one (child_given). The
--    children of the population per age group on any reference day are then, per household, five
--    look-ups by binary search (width_bucket: how many were born on or before each boundary day)
--    instead of one row per child (at 500,000 households about 450,000 children unnested).
-- The separate columns go: only the monitor read them. Kept with the rest of the summary, by V40's
-- triggers.
alter table household_summary drop column composition, drop column debts, drop column referral_source,
  drop column education, drop column dutch_language, drop column day_activities, drop column children,
  drop column child_birth_dates, drop column child_age_groups,
  add column kind text not null default '', add column child_born date[] not null default '{}',
  add column child_given varchar(20)[] not null default '{}';
alter table household_summary alter column kind drop default, alter column child_born drop default,
  alter column child_given drop default;

create or replace function vangnet_summarise_households(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform 1 from household h where h.id = any (households) order by h.id for no key update;
  insert into household_summary (household_id, organisation_id, contact_reasons, kind, child_born, child_given)
  select h.id, h.organisation_id, h.contact_reasons,
         concat_ws('|', coalesce(h.composition, 'UNKNOWN'), coalesce(h.debts, 'UNKNOWN'),
                   coalesce(h.referral_source, 'UNKNOWN'), coalesce(m.education, 'UNKNOWN'),
                   coalesce(m.dutch_language, 'UNKNOWN'), coalesce(m.day_activities, ''),
                   case when coalesce(m.children, 0) >= 5 then '5+' else coalesce(m.children, 0)::text end),
         coalesce(m.child_born, '{}'), coalesce(m.child_given, '{}')
  from household h
  left join lateral (
    select max(m.education) filter (where m.main_contact) as education,
           max(m.dutch_language) filter (where m.main_contact) as dutch_language,
           max(array_to_string(m.day_activities, ',')) filter (where m.main_contact) as day_activities,
           count(*) filter (where m.role = 'CHILD') as children,
           array_agg(m.birth_date order by m.birth_date) filter (where m.role = 'CHILD' and m.birth_date is not null)
             as child_born,
           array_agg(coalesce(m.age_group, 'UNKNOWN') order by m.id) filter (where m.role = 'CHILD' and m.birth_date is null)
             as child_given
    from household_member m where m.household_id = h.id
  ) m on true
  where h.id = any (households)
  on conflict (household_id) do update
    set organisation_id = excluded.organisation_id, contact_reasons = excluded.contact_reasons, kind = excluded.kind,
        child_born = excluded.child_born, child_given = excluded.child_given;
end $$;

-- The last birth date of each age group on a reference day: a child born on or before it is at
-- least that old (whole months, as vangnet_whole_months counts them) on the reference day.
create function vangnet_born_by(reference date, months integer) returns date
  language sql immutable parallel safe as $$
  select (reference - make_interval(months => months))::date
$$;
grant execute on function vangnet_born_by(date, integer) to vangnet_app;

-- Every summary again, into an empty table (a rewrite in place would leave every row's old
-- version behind until a vacuum).
truncate household_summary;
select vangnet_summarise_households(array(select id from household));
