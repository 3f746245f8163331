-- Module: contact
-- Issue 15, item 4: an activity may say what kind it was (seed 004 Tabel 3.4's split: a talk,
-- a parents' group activity, a children's activity), the optional activities[].kind of
-- vangnet-household/1.
alter table activity_participation add column kind varchar(20)
  check (kind in ('CONVERSATION', 'PARENT_GROUP', 'CHILD_ACTIVITY'));
