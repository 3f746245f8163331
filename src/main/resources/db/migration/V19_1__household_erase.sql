-- Module: household
-- Erasure of a household (issue 17, item 4): the application may never delete a household
-- (V2), except through this function, and only when an approved erasure of its own
-- organisation names it (vangnet_erasure_approved, V19). The other modules erase their rows
-- first (each through its own API); this removes the household, its members (names, birth
-- dates), the encrypted address and the trajectories.
create function household_erase(target uuid)
  returns table (erased_table text, erased_rows integer)
  language plpgsql volatile security definer set search_path = public as $$
declare
  owning uuid;
  n integer;
begin
  select h.organisation_id into owning from household h where h.id = target;
  if owning is null then
    return;
  end if;
  if not (owning = any (vangnet_organisations())) or not vangnet_erasure_approved(target) then
    raise exception 'household % has no approved erasure', target using errcode = '42501';
  end if;
  delete from trajectory_phase where trajectory_id in (select id from trajectory where household_id = target);
  get diagnostics n = row_count; erased_table := 'trajectory_phase'; erased_rows := n; return next;
  delete from trajectory_staff where trajectory_id in (select id from trajectory where household_id = target);
  get diagnostics n = row_count; erased_table := 'trajectory_staff'; erased_rows := n; return next;
  delete from trajectory where household_id = target;
  get diagnostics n = row_count; erased_table := 'trajectory'; erased_rows := n; return next;
  delete from household_member where household_id = target;
  get diagnostics n = row_count; erased_table := 'household_member'; erased_rows := n; return next;
  delete from household where id = target;
  get diagnostics n = row_count; erased_table := 'household'; erased_rows := n; return next;
end
$$;
revoke execute on function household_erase(uuid) from public;
grant execute on function household_erase(uuid) to vangnet_app;
