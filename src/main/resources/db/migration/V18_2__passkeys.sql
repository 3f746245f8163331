-- Module: account
-- Passkeys (WebAuthn) as a second factor (issue 17): Spring Security's JDBC repositories
-- keep them in these tables (its user-entities-schema.sql and
-- user-credentials-schema-postgres.sql). A user entity's name is the account's e-mail
-- address; an administrator's reset removes the account's entity and credentials.
create table user_entities (
  id            varchar(1000) not null,
  name          varchar(100)  not null,
  display_name  varchar(200),
  primary key (id)
);
create unique index user_entities_name on user_entities (name);

create table user_credentials (
  credential_id                 varchar(1000) not null,
  user_entity_user_id           varchar(1000) not null references user_entities (id) on delete cascade,
  public_key                    bytea         not null,
  signature_count               bigint,
  uv_initialized                boolean,
  backup_eligible               boolean       not null,
  authenticator_transports      varchar(1000),
  public_key_credential_type    varchar(100),
  backup_state                  boolean       not null,
  attestation_object            bytea,
  attestation_client_data_json  bytea,
  created                       timestamp,
  last_used                     timestamp,
  label                         varchar(1000) not null,
  primary key (credential_id)
);
create index user_credentials_user on user_credentials (user_entity_user_id);

-- Not client data: no organisation, no row-level security (like account itself).
grant select, insert, update, delete on user_entities, user_credentials to vangnet_app;
