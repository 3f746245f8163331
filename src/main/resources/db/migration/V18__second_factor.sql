-- Module: account
-- A second factor for staff (issue 17): a TOTP authenticator app (RFC 6238) with one-time
-- recovery codes. Passkeys (WebAuthn) have tables of their own (V18_2).

-- One row per account that started or finished a TOTP enrolment. The secrets are
-- encrypted (AES-GCM, the key of VANGNET_ENCRYPTION_KEY, for the account's id).
-- last_used_step is the 30-second step of the last accepted code: no code is accepted
-- twice, nor one of an earlier step. A pending enrolment is confirmed with a code within
-- its time, or forgotten; the active secret stays until a confirmation replaces it.
create table account_totp (
  account_id      uuid primary key references account (id) on delete cascade,
  secret          bytea,
  confirmed_at    timestamptz,
  last_used_step  bigint,
  pending_secret  bytea,
  pending_since   timestamptz,
  check ((secret is null) = (confirmed_at is null)),
  check ((pending_secret is null) = (pending_since is null))
);

-- Recovery codes, shown once, kept as SHA-256 of 80 random bits. Codes of a pending
-- enrolment replace the account's codes when it is confirmed; a used code stays used.
create table account_recovery_code (
  account_id  uuid not null references account (id) on delete cascade,
  code_hash   char(64) not null,
  pending     boolean not null,
  used_at     timestamptz,
  primary key (account_id, code_hash)
);

-- Not client data: no organisation, no row-level security (like account itself).
grant select, insert, update, delete on account_totp, account_recovery_code to vangnet_app;
