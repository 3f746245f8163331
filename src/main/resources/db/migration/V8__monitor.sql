-- The monitor (vangnet-monitor/1, issue 7): helpers for its plain SQL, indexes that let it
-- count 100,000 households in well under two seconds, and a description of a monitor query
-- in the access trail (no personal data: period and organisation codes only).

-- Whole months from start to stop, exactly as java.time.Period.between(start, stop).toTotalMonths().
create function vangnet_whole_months(start_date date, stop_date date) returns integer
  language sql immutable parallel safe
  as $$
    select (extract(year from stop_date)::integer * 12 + extract(month from stop_date)::integer)
         - (extract(year from start_date)::integer * 12 + extract(month from start_date)::integer)
         + case when stop_date >= start_date and extract(day from stop_date) < extract(day from start_date) then -1
                when stop_date < start_date and extract(day from stop_date) > extract(day from start_date) then 1
                else 0 end
  $$;

-- A child's age group on the reference date (EXCHANGE.md): from the birth date when that is
-- known (not born yet: UNKNOWN), else as it was given, else UNKNOWN.
create function vangnet_age_group(birth_date date, given varchar, reference date) returns varchar
  language sql immutable parallel safe
  as $$
    select case
      when birth_date is null then coalesce(given, 'UNKNOWN')
      when birth_date > reference then 'UNKNOWN'
      when vangnet_whole_months(birth_date, reference) < 48 then 'TODDLER'
      when vangnet_whole_months(birth_date, reference) < 144 then 'PRIMARY_SCHOOL'
      when vangnet_whole_months(birth_date, reference) < 216 then 'ADOLESCENT'
      else 'ADULT_AT_HOME' end
  $$;

grant execute on function vangnet_whole_months(date, date) to vangnet_app;
grant execute on function vangnet_age_group(date, varchar, date) to vangnet_app;

create index trajectory_monitor on trajectory (organisation_id, kind, start_date, end_date) include (household_id, position);
create index household_member_household_role on household_member (household_id, role) include (birth_date, age_group);
create index progress_score_household on progress_score (household_id, domain_code, scored_on desc)
  include (score) where instrument_code = 'MONITOR_PROGRESS' and rater = 'WORKER';
create index experience_household on experience (household_id, experienced_on);
create index activity_participation_household on activity_participation (household_id, activity_date);

alter table access_trail add column subject_detail text;

-- The same policies as in V2/V4, with the tenant's organisations read once per query (an
-- InitPlan) instead of once per row: on 100,000 households that per-row parsing of the
-- setting cost the monitor seconds. What each policy allows is unchanged.
alter policy household_own on household
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy household_member_own on household_member
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy trajectory_own on trajectory
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy help_question_own on help_question
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy progress_score_own on progress_score
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy experience_own on experience
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy time_entry_own on time_entry
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
alter policy activity_participation_own on activity_participation
  using (organisation_id = any ((select vangnet_organisations())::uuid[])) with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
