-- Module: household
-- Issue 15, item 3: where she went. A trajectory that ended may record its destination (the
-- optional trajectories[].destination of vangnet-household/1).
alter table trajectory add column destination varchar(30) check (destination in ('OWN_HOME', 'SOCIAL_HOUSING',
  'FAMILY_OR_FRIENDS', 'OTHER_SHELTER', 'SUPPORTED_HOUSING', 'BACK_WITH_PARTNER', 'ABROAD', 'OTHER', 'UNKNOWN'));
alter table trajectory add constraint trajectory_destination_ended check (destination is null or end_date is not null);
