-- Module: lifedomain
-- Lossless mapping to the monitor (issue 15, item 6): a domain of an organisation's framework may
-- count for several codes of the monitor framework. monitor_code stays the domain's default; the
-- further codes a help question in that domain may choose are other_monitor_codes, in the order
-- offered. Reference data like framework_domain itself: no row-level security.

alter table framework_domain
  add column other_monitor_codes varchar(60)[] not null default '{}';

-- The eight life domains of the women's shelter (seed 000): "Sociaal functioneren" holds the
-- parenting, domestic-relations and legal questions a shelter records there; daytime activity
-- covers work, education and the children's day; practical skills the Dutch language.
update framework_domain d set other_monitor_codes = v.codes
from (values
  ('MENTAL', array['SOCIAL.DOMESTIC_RELATIONS']),
  ('MEANING', array['SOCIAL.NETWORK', 'PARTICIPATION']),
  ('PRACTICAL', array['PARTICIPATION.DUTCH_LANGUAGE', 'FINANCES', 'HOUSING']),
  ('DAYTIME', array['PARTICIPATION.WORK', 'PARTICIPATION.EDUCATION', 'PARTICIPATION.CHILD_DAYTIME']),
  ('SOCIAL', array['SOCIAL.PARENTING', 'SOCIAL.DOMESTIC_RELATIONS', 'OTHER'])
) as v(code, codes)
where d.framework_id = '00000000-0000-0000-0001-000000000002' and d.code = v.code;

-- The ZRM 2017: work and education are two monitor codes, use of time covers the children's day.
update framework_domain d set other_monitor_codes = v.codes
from (values
  ('WORK_EDUCATION', array['PARTICIPATION.EDUCATION']),
  ('TIME_USE', array['PARTICIPATION.CHILD_DAYTIME']),
  ('SOCIAL_PARTICIPATION', array['PARTICIPATION.DUTCH_LANGUAGE']),
  ('INSTRUMENTAL_ADL', array['PARTICIPATION.DUTCH_LANGUAGE'])
) as v(code, codes)
where d.framework_id = '00000000-0000-0000-0001-000000000003' and d.code = v.code;
