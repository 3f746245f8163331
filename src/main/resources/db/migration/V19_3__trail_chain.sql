-- Module: access
-- Tamper evidence for the access trail (issue 17, item 6). Every row from now on carries an
-- HMAC-SHA256 over its content and the HMAC of the row before it in its chain, keyed by a key
-- the database does not hold (VANGNET_TRAIL_KEY, or trail.key in the data directory). A chain
-- is per organisation (rows without one form their own), in two strands: MAIN for the rows
-- written in the transaction of what they record, SELF for the rows written in a transaction
-- of their own (sign-ins, refusals), so that the one never waits for the other.
-- Rows from before this migration carry no link (chain_seq is null) and are not covered.
alter table access_trail add column chain varchar(4) check (chain in ('MAIN', 'SELF'));
alter table access_trail add column chain_seq bigint;
alter table access_trail add column chain_hmac bytea;
create unique index access_trail_chain on access_trail
  (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), chain, chain_seq)
  where chain_seq is not null;

-- The head of every chain: the last position and its HMAC. A writer locks its chain's head
-- (select … for update) in its own transaction, so that writers of one organisation take
-- turns and those of different organisations never wait for each other. Holds no personal
-- data and no key; not under row-level security, because a row may be written into another
-- organisation's trail (a shared read) and before anyone is signed in (a sign-in).
create table trail_chain (
  organisation_id  uuid not null,
  chain            varchar(4) not null check (chain in ('MAIN', 'SELF')),
  seq              bigint not null,
  hmac             bytea not null,
  primary key (organisation_id, chain)
);
grant select, insert, update on trail_chain to vangnet_app;
revoke delete, truncate on trail_chain from vangnet_app;

-- Which database the heads written outside it belong to (a new database, such as a test's,
-- does not compare itself with the heads of another).
create table trail_installation (
  id  uuid primary key
);
insert into trail_installation (id) values (gen_random_uuid());
grant select on trail_installation to vangnet_app;
revoke insert, update, delete, truncate on trail_installation from vangnet_app;
