-- Module: household
-- What a trajectory's departure means for the running rhythms of the contact module (their
-- departed_on, V43) is kept in the same transaction as the trajectory itself, as its ending
-- already is through TrajectoryEndings: on every insert of an ended trajectory, change of kind
-- or end date, and delete, the contact module's trigger function takes the change.
create trigger trajectory_departure_insert after insert on trajectory
  for each row when (new.end_date is not null and new.kind = 'INTENSIVE')
  execute function trajectory_rhythm_departure();
create trigger trajectory_departure_update after update of kind, end_date on trajectory
  for each row when (old.kind is distinct from new.kind or old.end_date is distinct from new.end_date)
  execute function trajectory_rhythm_departure();
create trigger trajectory_departure_delete after delete on trajectory
  for each row when (old.end_date is not null and old.kind = 'INTENSIVE')
  execute function trajectory_rhythm_departure();
