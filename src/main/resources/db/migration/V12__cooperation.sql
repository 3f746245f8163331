-- Cooperation around the family (issue 13, EXCHANGE.md section 3, vangnet-referral/1): the
-- who-does-what map of partners shared by a region, consent as data, and referral with a
-- warm handover. Sharing is a designed exception to tenancy: it rests on a consent row, it
-- is enforced here by row-level-security policies that read the consent and the referral,
-- and it is visible to the receiving organisation only inside the transaction that reads a
-- referral (the setting vangnet.referral), never in its own lists and searches.

-- A region is a set of districts an administrator defines. Without any region the whole
-- installation is one region. Reference data without personal data: no row-level security.
create table region (
  id          uuid primary key,
  name        varchar(200) not null unique,
  created_at  timestamptz not null default now(),
  version     integer not null default 0
);

create table region_district (
  region_id  uuid not null references region (id) on delete cascade,
  name       varchar(100) not null,
  primary key (region_id, name)
);
create index region_district_name on region_district (name);

-- The regions of organisations: those that hold one of their districts.
create function vangnet_regions_of(organisations uuid[]) returns uuid[]
  language sql stable
  as $$
    select coalesce(array_agg(distinct rd.region_id), '{}'::uuid[])
    from region_district rd join organisation_district od on od.name = rd.name
    where od.organisation_id = any (organisations)
  $$;
grant execute on function vangnet_regions_of(uuid[]) to vangnet_app;

-- The date the application works with (its Clock), when it says so; else the server's.
create function vangnet_today() returns date
  language sql stable
  as $$ select coalesce(nullif(current_setting('vangnet.today', true), '')::date, current_date) $$;
grant execute on function vangnet_today() to vangnet_app;

-- A partner on the who-does-what map (sociale kaart): a Vangnet organisation (referrals to
-- it arrive in its inbox) or a partner outside Vangnet. Not private to one tenant: shared
-- by the organisations of its region (region_id null: the whole installation).
create table partner (
  id                      uuid primary key,
  region_id               uuid references region (id),
  name                    varchar(200) not null,
  kind                    varchar(20) not null check (kind in ('NEIGHBOURHOOD_TEAM', 'SHELTER', 'DEBT_HELP', 'BENEFITS',
                            'HOUSING', 'HEALTH', 'SCHOOL', 'YOUTH_CARE', 'SAFE_HOME', 'LANGUAGE', 'FOOD_BANK', 'FAITH',
                            'FUND', 'LEGAL', 'INFORMAL', 'OTHER')),
  organisation_id         uuid references organisation (id),
  -- Codes of the monitor framework.
  domains                 varchar(60)[] not null default '{}',
  districts               varchar(100)[] not null default '{}',
  phone                   varchar(50),
  email                   varchar(254),
  how_to_refer            varchar(1000),
  languages               varchar(10)[] not null default '{}',
  notes                   varchar(2000),
  kept_by_organisation_id uuid references organisation (id),
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  version                 integer not null default 0
);
create index partner_name on partner (lower(name));
create index partner_organisation on partner (organisation_id) where organisation_id is not null;

alter table partner enable row level security;
create policy partner_read on partner for select to vangnet_app
  using (region_id is null or region_id = any ((select vangnet_regions_of(vangnet_organisations()))::uuid[]));
create policy partner_add on partner for insert to vangnet_app
  with check (vangnet_role() in ('COORDINATOR', 'SYSTEM')
              and (region_id is null or region_id = any ((select vangnet_regions_of(vangnet_organisations()))::uuid[])));
create policy partner_change on partner for update to vangnet_app
  using (vangnet_role() in ('COORDINATOR', 'SYSTEM')
         and (region_id is null or region_id = any ((select vangnet_regions_of(vangnet_organisations()))::uuid[])))
  with check (region_id is null or region_id = any ((select vangnet_regions_of(vangnet_organisations()))::uuid[]));
revoke delete, truncate on partner from vangnet_app;

-- Plan actions can name the partner who acts ("who acts": a partner organisation).
alter table plan_action add column partner_id uuid references partner (id);

-- Consent (WGBO, AVG): what of the dossier may be shared with whom, for what, from when until
-- when, how it was given and who recorded it. For a child under 16 the parent with authority
-- gives it (on_behalf_of). Never edited, only withdrawn; its state follows from its dates.
create table consent (
  id                         uuid primary key,
  household_id               uuid not null references household (id),
  organisation_id            uuid not null references organisation (id),
  member_id                  uuid not null references household_member (id) on delete cascade,
  on_behalf_of               uuid references household_member (id) on delete cascade,
  -- The recipient: a Vangnet organisation, a partner, or both (a partner that is one).
  recipient_organisation_id  uuid references organisation (id),
  recipient_partner_id       uuid references partner (id),
  sections                   varchar(20)[] not null
                               check (cardinality(sections) > 0
                                      and sections <@ array['SUMMARY', 'HELP_QUESTIONS', 'PLAN', 'NETWORK', 'PAPERS']::varchar[]),
  -- Limits HELP_QUESTIONS and PLAN to these monitor codes and their sub-codes; empty: all.
  domains                    varchar(60)[] not null default '{}',
  purpose                    varchar(500) not null,
  form                       varchar(10) not null check (form in ('WRITTEN', 'VERBAL')),
  given_on                   date not null,
  valid_until                date not null,
  recorded_by                uuid references account (id),
  recorded_at                timestamptz not null default now(),
  withdrawn_on               date,
  withdrawal_reason          varchar(500),
  withdrawal_recorded_by     uuid references account (id),
  version                    integer not null default 0,
  check (recipient_organisation_id is not null or recipient_partner_id is not null),
  check (valid_until >= given_on),
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consent_household on consent (household_id, given_on);
create index consent_recipient on consent (recipient_organisation_id) where recipient_organisation_id is not null;

alter table consent enable row level security;
-- The owning organisation keeps its consents; the recipient may read the ones addressed to it
-- (the basis of what it is shown).
create policy consent_read on consent for select to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[])
         or recipient_organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy consent_add on consent for insert to vangnet_app
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy consent_withdraw on consent for update to vangnet_app
  using (organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]));
revoke delete, truncate on consent from vangnet_app;

-- A referral from a household of the referring organisation to a partner, resting on a
-- consent; its status is the latest of its events.
create table referral (
  id                     uuid primary key,
  household_id           uuid not null references household (id),
  from_organisation_id   uuid not null references organisation (id),
  to_organisation_id     uuid references organisation (id),
  to_partner_id          uuid references partner (id),
  consent_id             uuid references consent (id) on delete set null,
  domain                 varchar(60),
  help_question_id       uuid,
  plan_action_id         uuid,
  reason                 varchar(1000) not null,
  -- The receiver's own household, registered when it accepted.
  receiver_household_id  uuid references household (id),
  created_at             timestamptz not null default now(),
  created_on             date not null,
  created_by             uuid references account (id),
  version                integer not null default 0,
  check (to_organisation_id is not null or to_partner_id is not null)
);
create index referral_from on referral (from_organisation_id, created_at desc);
create index referral_to on referral (to_organisation_id, created_at desc) where to_organisation_id is not null;
create index referral_household on referral (household_id);

create table referral_event (
  id                uuid primary key,
  referral_id       uuid not null references referral (id),
  -- The organisation whose worker recorded it.
  organisation_id   uuid not null references organisation (id),
  sequence          integer not null,
  status            varchar(20) not null check (status in ('SENT', 'INTRODUCED', 'FIRST_CONTACT', 'ACCEPTED', 'DECLINED', 'CLOSED')),
  on_date           date not null,
  recorded_by       uuid references account (id),
  recorded_by_name  varchar(200),
  note              varchar(1000),
  reason            varchar(1000),
  recorded_at       timestamptz not null default clock_timestamp(),
  unique (referral_id, sequence),
  check (status <> 'DECLINED' or reason is not null)
);

alter table referral enable row level security;
alter table referral_event enable row level security;
-- Both sides of a referral see it; the referring organisation creates it.
create policy referral_read on referral for select to vangnet_app
  using (from_organisation_id = any ((select vangnet_organisations())::uuid[])
         or to_organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy referral_add on referral for insert to vangnet_app
  with check (from_organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy referral_change on referral for update to vangnet_app
  using (from_organisation_id = any ((select vangnet_organisations())::uuid[])
         or to_organisation_id = any ((select vangnet_organisations())::uuid[]))
  with check (from_organisation_id = any ((select vangnet_organisations())::uuid[])
              or to_organisation_id = any ((select vangnet_organisations())::uuid[]));
create policy referral_event_read on referral_event for select to vangnet_app
  using (referral_id in (select r.id from referral r));
create policy referral_event_add on referral_event for insert to vangnet_app
  with check (organisation_id = any ((select vangnet_organisations())::uuid[]) and referral_id in (select r.id from referral r));
revoke delete, truncate on referral from vangnet_app;
revoke update, delete, truncate on referral_event from vangnet_app;

-- What the current transaction may see of another organisation's household: at most one
-- household, for the referral named in the setting vangnet.referral, when the current
-- tenant is its receiver, the consent it rests on names that receiver, is given, not
-- expired and not withdrawn, and the referral was not declined or closed. SECURITY
-- DEFINER: it reads consent and referral rows whatever the caller's policies.
create function vangnet_share() returns table (household_id uuid, sections varchar[], domains varchar[])
  language sql stable security definer set search_path = public
  as $$
    select c.household_id, c.sections, c.domains
    from referral r join consent c on c.id = r.consent_id
    where r.id = nullif(current_setting('vangnet.referral', true), '')::uuid
      and r.to_organisation_id = any (vangnet_organisations())
      and c.recipient_organisation_id = r.to_organisation_id
      and c.household_id = r.household_id
      and c.given_on <= vangnet_today()
      and c.valid_until >= vangnet_today()
      and (c.withdrawn_on is null or c.withdrawn_on > vangnet_today())
      and not exists (select 1 from referral_event e where e.referral_id = r.id and e.status in ('DECLINED', 'CLOSED'))
  $$;
revoke execute on function vangnet_share() from public;
grant execute on function vangnet_share() to vangnet_app;

-- The household shared for a section in this transaction, or null.
create function vangnet_shared_household(section varchar) returns uuid
  language sql stable
  as $$ select s.household_id from vangnet_share() s where section = any (s.sections) $$;
grant execute on function vangnet_shared_household(varchar) to vangnet_app;

-- The consented domains of this transaction's share (null: nothing shared), and whether a
-- monitor code falls inside them (empty: every domain). Policies read the domains once per
-- query (an InitPlan), never once per row.
create function vangnet_shared_domains() returns varchar[]
  language sql stable
  as $$ select s.domains from vangnet_share() s $$;
grant execute on function vangnet_shared_domains() to vangnet_app;

create function vangnet_domain_within(code varchar, domains varchar[]) returns boolean
  language sql immutable
  as $$ select cardinality(domains) = 0 or exists (select 1 from unnest(domains) d where code = d or code like d || '.%') $$;
grant execute on function vangnet_domain_within(varchar, varchar[]) to vangnet_app;

-- The shared rows, read only. SUMMARY: the household (the application never reads a
-- confidential address from it), its members, its trajectories (the contact person).
create policy household_shared on household for select to vangnet_app
  using (id = (select vangnet_shared_household('SUMMARY')));
create policy household_member_shared on household_member for select to vangnet_app
  using (household_id = (select vangnet_shared_household('SUMMARY')));
create policy trajectory_shared on trajectory for select to vangnet_app
  using (household_id = (select vangnet_shared_household('SUMMARY')));
-- HELP_QUESTIONS and PLAN within the consented domains; never the internal notes (plan_note
-- has no shared policy), never a goal without a domain when domains are limited.
create policy help_question_shared on help_question for select to vangnet_app
  using (household_id = (select vangnet_shared_household('HELP_QUESTIONS'))
         and vangnet_domain_within(monitor_code, (select vangnet_shared_domains())));
create policy plan_goal_shared on plan_goal for select to vangnet_app
  using (household_id = (select vangnet_shared_household('PLAN'))
         and coalesce(vangnet_domain_within(monitor_code, (select vangnet_shared_domains())), false));
create policy plan_action_shared on plan_action for select to vangnet_app
  using (household_id = (select vangnet_shared_household('PLAN')) and goal_id in (select g.id from plan_goal g));
-- NETWORK: never a contact marked as a danger.
create policy network_snapshot_shared on network_snapshot for select to vangnet_app
  using (household_id = (select vangnet_shared_household('NETWORK')));
create policy network_contact_shared on network_contact for select to vangnet_app
  using (not danger and snapshot_id in (select s.id from network_snapshot s
                                        where s.household_id = (select vangnet_shared_household('NETWORK'))));
-- PAPERS: obligations and debts.
create policy obligation_shared on obligation for select to vangnet_app
  using (household_id = (select vangnet_shared_household('PAPERS')));
create policy debt_shared on debt for select to vangnet_app
  using (household_id = (select vangnet_shared_household('PAPERS')));
