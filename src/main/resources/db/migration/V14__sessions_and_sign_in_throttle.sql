-- Module: account
-- Signed-in sessions and the sign-in throttle live in PostgreSQL, so that any number of
-- stateless application nodes serve the same users: a session started on one node goes on
-- on another, ends everywhere at once (sign-out, deactivation, a changed password), and a
-- throttled account or client is throttled on every node.

-- Spring Session JDBC's tables (its schema-postgresql.sql), created here rather than by
-- Spring Session itself. principal_name holds the account's id, not its e-mail address.
create table spring_session (
  primary_id             char(36) not null,
  session_id             char(36) not null,
  creation_time          bigint not null,
  last_access_time       bigint not null,
  max_inactive_interval  int not null,
  expiry_time            bigint not null,
  principal_name         varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id  char(36) not null,
  attribute_name      varchar(200) not null,
  attribute_bytes     bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);

-- Failed sign-ins counted per account (the e-mail address as typed, whether or not it
-- exists), per source (the client's address) and per account from one source. Only a
-- SHA-256 of each key is kept; a row is forgotten some time after its last failure.
create table sign_in_failure (
  kind             varchar(10) not null check (kind in ('ACCOUNT', 'SOURCE', 'PAIR')),
  key_hash         char(64) not null,
  failures         integer not null check (failures > 0),
  last_failure_at  timestamptz not null,
  primary key (kind, key_hash)
);
create index sign_in_failure_last on sign_in_failure (last_failure_at);

-- Not client data: no organisation, no row-level security. The application reads and
-- writes all of it.
grant select, insert, update, delete on spring_session, spring_session_attributes, sign_in_failure to vangnet_app;
