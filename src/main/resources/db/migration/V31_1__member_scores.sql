-- Module: plan
-- Each child a full client (issue 15, item 5): a progress score and an experience entry may
-- belong to a member (member_id null: the household's, as before, which the monitor counts).
-- A member's rows go with the member.
alter table progress_score add column member_id uuid references household_member (id) on delete cascade;
alter table experience add column member_id uuid references household_member (id) on delete cascade;

do $$
declare
  c text;
begin
  for c in select conname from pg_constraint where conrelid = 'progress_score'::regclass and contype = 'u' loop
    execute format('alter table progress_score drop constraint %I', c);
  end loop;
end $$;
alter table progress_score add constraint progress_score_one_per_day
  unique nulls not distinct (household_id, member_id, instrument_code, domain_code, scored_on, rater);
create index progress_score_member on progress_score (member_id) where member_id is not null;
create index experience_member on experience (member_id) where member_id is not null;
