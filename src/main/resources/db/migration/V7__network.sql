-- The family's social network (issue 6, seed 000 chapter 4): per client (a member of a
-- household) dated snapshots of the network map, the integration safety net (triangle)
-- over time, and the five-step plan per life domain.

-- A snapshot of one client's network on a date. Contacts belong to the snapshot; editing
-- a contact changes the snapshot (its version). A new snapshot starts as a copy of one
-- before it, so contacts keep their identity (contact_key) across snapshots.
create table network_snapshot (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null references household (id),
  member_id        uuid not null references household_member (id),
  drawn_on         date not null,
  label            varchar(200),
  copied_from      uuid references network_snapshot (id),
  created_at       timestamptz not null default now(),
  version          integer not null
);
create index network_snapshot_member on network_snapshot (member_id, drawn_on);

create table network_contact (
  id               uuid primary key,
  snapshot_id      uuid not null references network_snapshot (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  -- The same person or organisation in every snapshot.
  contact_key      uuid not null,
  position         integer not null,
  name             varchar(200) not null,
  relation         varchar(20) not null check (relation in ('FAMILY', 'PARTNER', 'EX_PARTNER', 'FRIEND', 'NEIGHBOUR',
                     'FELLOW_RESIDENT', 'VOLUNTEER_BUDDY', 'PROFESSIONAL', 'ORGANISATION', 'OTHER')),
  closeness        varchar(10) not null check (closeness in ('INNER', 'MIDDLE', 'OUTER')),
  tie              varchar(10) not null check (tie in ('STRONG', 'WEAK')),
  support          varchar(20)[] not null default '{}'
                     check (support <@ array['EMOTIONAL', 'PRACTICAL', 'INFORMATION', 'FINANCIAL', 'CHILDCARE', 'COMPANY']::varchar[]),
  -- Codes of the organisation's life-domain framework.
  domains          varchar(60)[] not null default '{}',
  reciprocity      varchar(10) check (reciprocity in ('GIVES', 'RECEIVES', 'BOTH')),
  social_capital   varchar(10) check (social_capital in ('BONDING', 'BRIDGING')),
  -- A danger to the client (a violent ex-partner): never support.
  danger           boolean not null default false,
  note             varchar(500),
  unique (snapshot_id, contact_key)
);
create index network_contact_snapshot on network_contact (snapshot_id);

-- The integration safety net: where the client stands between government, help and
-- services, and society (barycentric weights summing to 100), or out of view (outside the
-- triangle: in contact with none of the three).
create table network_triangle (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null references household (id),
  member_id        uuid not null references household_member (id),
  placed_on        date not null,
  government       integer check (government between 0 and 100),
  services         integer check (services between 0 and 100),
  society          integer check (society between 0 and 100),
  out_of_view      boolean not null default false,
  note             varchar(500),
  created_at       timestamptz not null default now(),
  check (out_of_view or (government + services + society = 100))
);
create index network_triangle_member on network_triangle (member_id, placed_on);

-- The five-step plan per life domain, repeated in cycles: each step dated.
create table network_plan_step (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  household_id     uuid not null references household (id),
  member_id        uuid not null references household_member (id),
  domain_code      varchar(60) not null,
  cycle            integer not null,
  step             varchar(10) not null check (step in ('MAP', 'ANALYSE', 'CHOOSE', 'USE', 'EVALUATE')),
  done_on          date not null,
  note             varchar(500),
  unique (member_id, domain_code, cycle, step)
);

alter table network_snapshot enable row level security;
alter table network_contact enable row level security;
alter table network_triangle enable row level security;
alter table network_plan_step enable row level security;

create policy network_snapshot_own on network_snapshot to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy network_contact_own on network_contact to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy network_triangle_own on network_triangle to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
create policy network_plan_step_own on network_plan_step to vangnet_app
  using (organisation_id = any (vangnet_organisations())) with check (organisation_id = any (vangnet_organisations()));
