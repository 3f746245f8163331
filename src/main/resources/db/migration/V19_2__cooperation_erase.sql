-- Module: cooperation
-- Erasure of a household's cooperation rows (issue 17, item 4): consents, referrals and their
-- events, the regie holder and the agencies are never deleted by the application (V12, V16),
-- except through this function, when an approved erasure of the household's own organisation
-- names it (vangnet_erasure_approved, V19). A referral another organisation received keeps
-- nothing of the erased household: it goes too; a referral that registered this household at
-- its receiver forgets it.
create function cooperation_erase(target uuid)
  returns table (erased_table text, erased_rows integer)
  language plpgsql volatile security definer set search_path = public as $$
declare
  n integer;
begin
  if not vangnet_erasure_approved(target) then
    raise exception 'household % has no approved erasure', target using errcode = '42501';
  end if;
  update referral set receiver_household_id = null where receiver_household_id = target;
  delete from referral_event where referral_id in (select id from referral where household_id = target);
  get diagnostics n = row_count; erased_table := 'referral_event'; erased_rows := n; return next;
  delete from referral where household_id = target;
  get diagnostics n = row_count; erased_table := 'referral'; erased_rows := n; return next;
  delete from consent where household_id = target;
  get diagnostics n = row_count; erased_table := 'consent'; erased_rows := n; return next;
  delete from regie_holder where household_id = target;
  get diagnostics n = row_count; erased_table := 'regie_holder'; erased_rows := n; return next;
  delete from agency_issue where household_id = target;
  get diagnostics n = row_count; erased_table := 'agency_issue'; erased_rows := n; return next;
  delete from agency_involved where household_id = target;
  get diagnostics n = row_count; erased_table := 'agency_involved'; erased_rows := n; return next;
end
$$;
revoke execute on function cooperation_erase(uuid) from public;
grant execute on function cooperation_erase(uuid) to vangnet_app;
