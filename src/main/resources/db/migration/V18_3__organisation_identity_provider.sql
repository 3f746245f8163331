-- Module: organisation
-- The organisation's own identity provider (OpenID Connect, issue 17): its issuer and
-- Vangnet's client id there, both or neither. The client secret is not stored: it comes
-- from the environment (VANGNET_OIDC_<CODE>_CLIENT_SECRET).
alter table organisation add column oidc_issuer varchar(500);
alter table organisation add column oidc_client_id varchar(200);
alter table organisation add constraint organisation_oidc_both
  check ((oidc_issuer is null) = (oidc_client_id is null));
