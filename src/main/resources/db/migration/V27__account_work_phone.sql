-- Module: account
-- Issue 18, item 6: the number a family calls to reach its fixed contact person. Set by the
-- worker on her account page, or by an administrator or a coordinator; empty: the
-- organisation's general number is given instead.
alter table account add column work_phone varchar(20);
