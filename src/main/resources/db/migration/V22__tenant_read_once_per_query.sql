-- Module: platform
-- Every row-level-security policy reads the tenant once per query (issue 16, item 1).
--
-- A policy written as "organisation_id = any (vangnet_organisations())" has the function
-- inlined and so parses the setting vangnet.organisations once per row. Written as
-- "organisation_id = any ((select vangnet_organisations())::uuid[])" the planner evaluates it
-- once per query (an InitPlan), the form V8 introduced for the monitor's tables. This rewrites
-- every policy still in the first form, whichever module's table it guards; only the
-- expression changes, never who may see what. TenantPoliciesTests keeps later policies in the
-- fast form.
do $$
declare
  p record;
  slow constant text := '= ANY \(vangnet_organisations\(\)\)';
  fast constant text := '= ANY ((SELECT vangnet_organisations())::uuid[])';
  statement text;
begin
  for p in
    select tablename, policyname, qual, with_check
      from pg_policies
     where schemaname = current_schema()
       and (qual ~ slow or with_check ~ slow)
  loop
    statement := format('alter policy %I on %I', p.policyname, p.tablename);
    if p.qual is not null then
      statement := statement || ' using (' || regexp_replace(p.qual, slow, fast, 'g') || ')';
    end if;
    if p.with_check is not null then
      statement := statement || ' with check (' || regexp_replace(p.with_check, slow, fast, 'g') || ')';
    end if;
    execute statement;
  end loop;
end
$$;
