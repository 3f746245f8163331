-- Module: organisation
-- Issue 18, item 6: the organisation's general telephone number, for the family's papers
-- when its contact person has no work phone of her own. Never an address.
alter table organisation add column phone varchar(20);
