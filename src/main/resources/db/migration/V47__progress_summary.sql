-- Module: plan
-- What the monitor's progress needs of a household's scores, one row per household and
-- organisation of its scores (issue 16, item 2): the household's latest worker score per domain
-- on the instrument MONITOR_PROGRESS (its own, not a member's) as it stood on every day a score
-- was given, as one text per day ('FINANCES:3,HOUSING:4', in the domains' order; a domain whose
-- latest score is n.v.t. is left out; '' when none is scored). The latest scores on or before
-- any day are then the text of the last such day, found by binary search (width_bucket), per
-- household, instead of sorting every score of the population (at 500,000 households about
-- 590,000 scores). The monitor counts the households per distinct text (a few thousand). Kept
-- by statement triggers in the same transaction as every change of a score, so it is always
-- current. The organisation is there for row-level security: a row shows what the scores of
-- that organisation show; a household with scores of more than one organisation is counted by
-- the monitor from its scores themselves.
create table household_progress_summary (
  household_id     uuid not null,
  organisation_id  uuid not null references organisation (id),
  -- the household's scores are all of this organisation
  one_organisation boolean not null,
  -- the days a score was given, in order, and the latest scores as they stood on each
  days             date[] not null,
  latest           text[] not null,
  primary key (household_id, organisation_id)
);
-- the few households with scores of more than one organisation
create index household_progress_summary_mixed on household_progress_summary (household_id)
  where not one_organisation;

alter table household_progress_summary enable row level security;
create policy household_progress_summary_own on household_progress_summary to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));

-- The rows of these households, from their scores: per day a score was given, the latest score
-- of each domain on or before it.
create function vangnet_progress_rows(households uuid[])
  returns table (household_id uuid, organisation_id uuid, one_organisation boolean, days date[], latest text[])
  language sql stable security definer set search_path = public as $$
  with q as (
    select ps.household_id, ps.organisation_id, ps.domain_code, ps.scored_on, ps.score from progress_score ps
    where ps.instrument_code = 'MONITOR_PROGRESS' and ps.rater = 'WORKER' and ps.member_id is null
      and ps.household_id = any (households)
  )
  select y.household_id, y.organisation_id, count(*) over (partition by y.household_id) = 1,
         array_agg(y.day order by y.day), array_agg(y.latest order by y.day)
  from (select x.household_id, x.organisation_id, x.day,
               coalesce(string_agg(x.domain_code || ':' || x.score, ',' order by x.domain_code)
                          filter (where x.score is not null), '') as latest
        from (select distinct on (d.household_id, d.organisation_id, d.day, q.domain_code)
                     d.household_id, d.organisation_id, d.day, q.domain_code, q.score
              from (select distinct q.household_id, q.organisation_id, q.scored_on as day from q) d
              join q on q.household_id = d.household_id and q.organisation_id = d.organisation_id
                    and q.scored_on <= d.day
              order by d.household_id, d.organisation_id, d.day, q.domain_code, q.scored_on desc) x
        group by 1, 2, 3) y
  group by y.household_id, y.organisation_id
$$;

-- Recounts the rows of these households as the table owner (whatever the caller's tenant, so a
-- row is never partial). A transaction-scoped lock per household, taken in order, makes two
-- transactions changing one household's scores recount one after the other, the second seeing
-- the first's changes. A household without such scores has no row.
create function vangnet_summarise_progress(households uuid[]) returns void
  language plpgsql security definer set search_path = public as $$
begin
  perform pg_advisory_xact_lock(47, hashtext(h::text))
     from (select distinct h from unnest(households) as h) l order by hashtext(h::text);
  delete from household_progress_summary where household_id = any (households);
  insert into household_progress_summary (household_id, organisation_id, one_organisation, days, latest)
  select * from vangnet_progress_rows(households);
end $$;

create function vangnet_scores_added() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_progress(array(select distinct household_id from added));
  return null;
end $$;

-- Scores changed: their households are recounted only when what the rows hold of them changed.
create function vangnet_scores_changed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_progress(array(
    select o.household_id from old_scores o join new_scores n on n.id = o.id
     where (n.household_id, n.organisation_id, n.instrument_code, n.rater, n.member_id, n.domain_code, n.scored_on,
            n.score)
           is distinct from (o.household_id, o.organisation_id, o.instrument_code, o.rater, o.member_id, o.domain_code,
            o.scored_on, o.score)
    union
    select n.household_id from old_scores o join new_scores n on n.id = o.id
     where n.household_id <> o.household_id));
  return null;
end $$;

create function vangnet_scores_removed() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  perform vangnet_summarise_progress(array(select distinct household_id from removed));
  return null;
end $$;

create trigger household_progress_summary_insert after insert on progress_score
  referencing new table as added for each statement execute function vangnet_scores_added();
create trigger household_progress_summary_update after update on progress_score
  referencing old table as old_scores new table as new_scores for each statement
  execute function vangnet_scores_changed();
create trigger household_progress_summary_delete after delete on progress_score
  referencing old table as removed for each statement execute function vangnet_scores_removed();

revoke execute on function vangnet_progress_rows(uuid[]) from public;
revoke execute on function vangnet_summarise_progress(uuid[]) from public;
revoke execute on function vangnet_scores_added() from public;
revoke execute on function vangnet_scores_changed() from public;
revoke execute on function vangnet_scores_removed() from public;

-- The rows of the households there are now, in one pass.
insert into household_progress_summary (household_id, organisation_id, one_organisation, days, latest)
select * from vangnet_progress_rows(array(select distinct household_id from progress_score));
