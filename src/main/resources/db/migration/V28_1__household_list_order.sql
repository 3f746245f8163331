-- Module: household
-- The households list pages in index order (issue 16, item 1): its order (the main contact's
-- family name, else given name, else the external id; then the given name) is kept on the
-- household itself, in the same transaction as every change of its members or external id, so
-- that a page reads only the rows it shows instead of naming every household of the
-- organisation to sort them. The search by name uses the trigram index of V24 on the members'
-- names; the external id gets one too.

alter table household
  add column sort_name text not null default '',
  add column sort_given text not null default '';

-- The order of one household, as the list's ORDER BY computed it before: the main contact
-- first, else a member with a name, else the first member.
create function household_sort_of(target uuid, external varchar)
  returns text[] language sql stable set search_path = public as $$
  select array[lower(coalesce(mc.family_name, mc.given_name, external, '')), lower(coalesce(mc.given_name, ''))]
  from (select 1) one
  left join lateral (
    select m.given_name, m.family_name from household_member m where m.household_id = target
    order by m.main_contact desc, (m.given_name is null and m.family_name is null), m.position limit 1
  ) mc on true
$$;

create function household_sort_on_household() returns trigger
  language plpgsql security definer set search_path = public as $$
declare
  key text[];
begin
  key := household_sort_of(new.id, new.external_id);
  new.sort_name := key[1];
  new.sort_given := key[2];
  return new;
end $$;

create trigger household_sort before insert or update of external_id on household
  for each row execute function household_sort_on_household();

create function household_sort_on_member() returns trigger
  language plpgsql security definer set search_path = public as $$
declare
  target uuid;
  key text[];
begin
  target := case when tg_op = 'DELETE' then old.household_id else new.household_id end;
  update household h set sort_name = k.key[1], sort_given = k.key[2]
    from (select household_sort_of(h2.id, h2.external_id) as key from household h2 where h2.id = target) k
   where h.id = target and (h.sort_name, h.sort_given) is distinct from (k.key[1], k.key[2]);
  if tg_op = 'UPDATE' and old.household_id <> new.household_id then
    update household h set sort_name = k.key[1], sort_given = k.key[2]
      from (select household_sort_of(h2.id, h2.external_id) as key from household h2 where h2.id = old.household_id) k
     where h.id = old.household_id;
  end if;
  return null;
end $$;

create trigger household_member_sort
  after insert or delete or update of given_name, family_name, main_contact, position, household_id
  on household_member for each row execute function household_sort_on_member();

update household h set sort_name = k[1], sort_given = k[2]
  from (select id, household_sort_of(id, external_id) as k from household) s(id, k)
 where h.id = s.id;

-- Only the triggers use these (as the owner, so that any writer of a member keeps its
-- household's order, whatever it may itself update): nobody may call them to read names.
revoke execute on function household_sort_of(uuid, varchar) from public;
revoke execute on function household_sort_on_household() from public;
revoke execute on function household_sort_on_member() from public;

create index household_list_order on household (organisation_id, sort_name, sort_given, id);
create index household_external_id_trigrams on household using gin (lower(external_id) gin_trgm_ops);
