-- Module: contact
-- The running rhythms of the households on a page (the worklist's items, the follow-up checks
-- due), found by household without reading the organisation's (issue 16, item 1).
create index follow_up_rhythm_running_household on follow_up_rhythm (household_id) where ended_on is null;
