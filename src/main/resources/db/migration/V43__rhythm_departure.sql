-- Module: contact
-- The coordinator's worklist finds the families in aftercare whose follow-up check is due from
-- the running rhythms that go on after an intensive trajectory ended (issue 16, item 1), by an
-- index on those rhythms alone, instead of joining every running rhythm of the organisation
-- with every ended intensive trajectory of it (33,094 and 12,857 rows at 100,000 households).
--
-- follow_up_rhythm.departed_on: for a running rhythm, the end date of its trajectory when that
-- is an intensive trajectory that ended (the departure the checks count from), else null. Kept
-- in the same transaction as every change that affects it: the rhythm's own insert, the change
-- of its trajectory or its end (below), and the insert, change of kind or end date, and delete
-- of the trajectory (the household module's trigger of V44 runs trajectory_rhythm_departure).
alter table follow_up_rhythm add column departed_on date;

create function rhythm_departure_of(trajectory uuid) returns date
  language sql stable security definer set search_path = public as $$
  select t.end_date from household_trajectory t where t.trajectory_id = trajectory and t.kind = 'INTENSIVE'
$$;

create function follow_up_rhythm_departure() returns trigger
  language plpgsql security definer set search_path = public as $$
begin
  if new.ended_on is not null then
    new.departed_on := null;
  else
    new.departed_on := rhythm_departure_of(new.trajectory_id);
  end if;
  return new;
end $$;

create trigger follow_up_rhythm_departure before insert or update of trajectory_id, ended_on
  on follow_up_rhythm for each row execute function follow_up_rhythm_departure();

-- A trajectory was inserted, changed its kind or end date, or was deleted: its running rhythms
-- take its departure (null when it is gone, runs, or is not intensive). The trigger function of
-- the household module's trigger on its trajectories (V44).
create function trajectory_rhythm_departure() returns trigger
  language plpgsql security definer set search_path = public as $$
declare
  departed date := case when tg_op <> 'DELETE' and new.kind = 'INTENSIVE' then new.end_date end;
  trajectory uuid := case when tg_op = 'DELETE' then old.id else new.id end;
begin
  update follow_up_rhythm set departed_on = departed
   where trajectory_id = trajectory and ended_on is null and departed_on is distinct from departed;
  return null;
end $$;

update follow_up_rhythm set departed_on = rhythm_departure_of(trajectory_id) where ended_on is null;

-- The running rhythms after a departure, and those whose planned aftercare period is set: few
-- of an organisation's running rhythms, read by the worklist from these indexes alone.
create index follow_up_rhythm_departed on follow_up_rhythm (organisation_id, departed_on)
  where ended_on is null and not declined and departed_on is not null;
create index follow_up_rhythm_planned on follow_up_rhythm (organisation_id, planned_until)
  where ended_on is null and planned_until is not null;

revoke execute on function rhythm_departure_of(uuid) from public;
revoke execute on function follow_up_rhythm_departure() from public;
revoke execute on function trajectory_rhythm_departure() from public;
