-- Module: access
-- Incremental verification of the access trail's chains (issue 17): after a check, each intact
-- chain's checkpoint (its position, the HMAC and id of the row there) is kept, sealed with the
-- trail's key (which the database does not hold), so that the next check starts from there:
-- it verifies that the row at the checkpoint is unchanged and every row after it. A full check
-- from the first row is done on demand (verify-trail --full, the trail page's button). Holds no
-- personal data; not under row-level security, like trail_chain.
create table trail_checkpoint (
  organisation_id  uuid not null,
  chain            varchar(4) not null check (chain in ('MAIN', 'SELF')),
  seq              bigint not null,
  row_id           bigint not null,
  hmac             bytea not null,
  seal             bytea not null,
  verified_at      timestamptz not null default clock_timestamp(),
  primary key (organisation_id, chain)
);
grant select, insert, update on trail_checkpoint to vangnet_app;
revoke delete, truncate on trail_checkpoint from vangnet_app;

-- The rows from before the chains (V19_3) carry no link; verify-trail and the trail page count
-- them (they are not covered). They never grow, so this index stays as small as they are.
create index access_trail_unchained on access_trail (organisation_id) where chain_seq is null;
