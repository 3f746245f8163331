-- Module: access
-- The access trail tells the truth (issue 12, item 4).

-- A list or search is one row with the ids it showed (subject_id stays empty). The trail of
-- one household finds such rows through the GIN index (subject_ids @> array[id]).
alter table access_trail add column subject_ids uuid[];
create index access_trail_subject_ids on access_trail using gin (subject_ids);

-- The coordinator's trail page, its API and the export: newest first, keyset-paged on
-- (occurred_at, id), for a period, optionally one person or one action. Each filter has an
-- index that yields the rows in that order, so a page costs what it shows.
create index access_trail_organisation_time on access_trail (organisation_id, occurred_at desc, id desc);
create index access_trail_organisation_actor on access_trail (organisation_id, actor_id, occurred_at desc, id desc);
create index access_trail_organisation_action on access_trail (organisation_id, action, occurred_at desc, id desc);

-- The same policy as in V1, with the tenant's organisations read once per query (as V8
-- did for the client tables). What it allows is unchanged.
alter policy access_trail_read on access_trail
  using (organisation_id = any ((select vangnet_organisations())::uuid[])
         or (vangnet_role() = 'ADMINISTRATOR' and action in ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT')));

-- A page that loads fragments of itself (the dossier's sections, by htmx) writes one VIEW
-- row and hands its fragments a cover: a random token that lets each listed fragment path,
-- fetched once by the same person for the same subject within a minute, go without a row of
-- its own. Not part of the trail (the trail itself stays append-only); covers are spent or
-- expire, and are deleted when expired.
create table trail_cover (
  token            uuid primary key,
  organisation_id  uuid not null,
  actor_id         uuid not null,
  subject_type     varchar(30) not null,
  subject_id       uuid not null,
  trail_id         bigint not null,
  paths            text[] not null,
  expires_at       timestamptz not null
);
create index trail_cover_expiry on trail_cover (organisation_id, expires_at);
alter table trail_cover enable row level security;
create policy trail_cover_own on trail_cover to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
grant select, insert, update, delete on trail_cover to vangnet_app;
