-- Vangnet foundation: organisations, staff accounts, the access trail and the machinery
-- of row-level security. The application connects as vangnet_app, which owns nothing: the
-- policies below therefore apply to every query it makes.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vangnet_app') then
    create role vangnet_app nologin;
  end if;
end
$$;
grant vangnet_app to current_user;
grant usage on schema public to vangnet_app;
alter default privileges in schema public grant select, insert, update, delete on tables to vangnet_app;
alter default privileges in schema public grant usage, select on sequences to vangnet_app;

-- The organisations the current transaction may see (set by the application per transaction).
create function vangnet_organisations() returns uuid[]
  language sql stable
  as $$ select coalesce(string_to_array(nullif(current_setting('vangnet.organisations', true), ''), ',')::uuid[], '{}'::uuid[]) $$;

create function vangnet_role() returns text
  language sql stable
  as $$ select coalesce(current_setting('vangnet.role', true), '') $$;

grant execute on function vangnet_organisations() to vangnet_app;
grant execute on function vangnet_role() to vangnet_app;

create table organisation (
  id                   uuid primary key,
  code                 varchar(16) not null unique,
  name                 varchar(200) not null,
  kind                 varchar(20) not null check (kind in ('SHELTER', 'INFORMAL', 'MUNICIPAL_TEAM', 'OTHER')),
  monitor_participant  boolean not null default false,
  active               boolean not null default true,
  created_at           timestamptz not null default now(),
  version              integer not null
);

create table organisation_district (
  organisation_id  uuid not null references organisation (id) on delete cascade,
  position         integer not null,
  name             varchar(100) not null,
  primary key (organisation_id, position)
);

create table location (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  name             varchar(200) not null,
  district         varchar(100),
  address          varchar(300),
  secret_address   boolean not null default false,
  created_at       timestamptz not null default now(),
  version          integer not null
);
create index location_organisation on location (organisation_id);

create table team (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  name             varchar(200) not null,
  created_at       timestamptz not null default now(),
  version          integer not null,
  unique (organisation_id, name)
);

create table account (
  id                    uuid primary key,
  email                 varchar(254) not null unique,
  display_name          varchar(200) not null,
  password_hash         varchar(200) not null,
  role                  varchar(20) not null check (role in ('ADMINISTRATOR', 'COORDINATOR', 'PROFESSIONAL', 'VOLUNTEER', 'RESEARCHER')),
  organisation_id       uuid references organisation (id),
  team_id               uuid references team (id),
  active                boolean not null default true,
  must_change_password  boolean not null default false,
  created_at            timestamptz not null default now(),
  deactivated_at        timestamptz,
  version               integer not null,
  check ((role = 'ADMINISTRATOR') = (organisation_id is null))
);
create index account_organisation on account (organisation_id);

-- The access trail (after NEN 7513): one row for every view, search, creation, change,
-- export and deletion of client data, and for every sign-in. Append-only for the
-- application: it may insert and read, never update or delete.
create table access_trail (
  id               bigint generated always as identity primary key,
  occurred_at      timestamptz not null default clock_timestamp(),
  actor_id         uuid,
  actor_label      varchar(254),
  actor_role       varchar(20),
  organisation_id  uuid,
  subject_type     varchar(30),
  subject_id       uuid,
  action           varchar(30) not null,
  outcome          varchar(20) not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
  client_address   varchar(64)
);
create index access_trail_subject on access_trail (organisation_id, subject_id, occurred_at desc);
create index access_trail_action on access_trail (action, occurred_at desc);

revoke update, delete, truncate on access_trail from vangnet_app;
grant select, insert on access_trail to vangnet_app;

alter table access_trail enable row level security;
create policy access_trail_read on access_trail for select to vangnet_app
  using (organisation_id = any (vangnet_organisations())
         or (vangnet_role() = 'ADMINISTRATOR' and action in ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT')));
create policy access_trail_append on access_trail for insert to vangnet_app
  with check (true);
