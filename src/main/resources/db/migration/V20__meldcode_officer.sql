-- Module: account
-- Issue 14: a meldcode officer (aandachtsfunctionaris huiselijk geweld en kindermishandeling)
-- is a capability of an account, set by the administrator: a coordinator or professional who
-- sees the organisation's meldcode cases and is consulted in step 2 of the meldcode.
alter table account add column meldcode_officer boolean not null default false;
