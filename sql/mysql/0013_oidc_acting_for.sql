-- A code and the token family it starts remember whom the signed-in person acted for when the
-- client asked for the uia_enterprise scope (flows/oidc/enterprise_claims.h): the enterprise,
-- the acting role (legal_rep, agent, admin) and, for an agent, the grant it rests on. Every
-- token use checks that this still holds; revoking the grant revokes its families (found by
-- grant_id). NULL: the person acting for themselves.
ALTER TABLE oidc_codes ADD COLUMN enterprise_id BIGINT;
ALTER TABLE oidc_codes ADD COLUMN acting_role VARCHAR(16);
ALTER TABLE oidc_codes ADD COLUMN grant_id BIGINT;
ALTER TABLE oidc_token_families ADD COLUMN enterprise_id BIGINT;
ALTER TABLE oidc_token_families ADD COLUMN acting_role VARCHAR(16);
ALTER TABLE oidc_token_families ADD COLUMN grant_id BIGINT;
CREATE INDEX oidc_token_families_grant ON oidc_token_families (grant_id);
