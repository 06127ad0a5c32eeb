-- Access and refresh tokens are no longer stored one row each: a token names its family and the
-- family's refresh generation under a keyed MAC (flows/oidc/bearer_token.h). A refresh moves
-- the family's generation on by compare-and-set; a refresh token of an older generation is a
-- reuse and revokes the family; access tokens below the family's floor are revoked.
-- Tokens issued before this migration stop working: their clients sign the person in again.
ALTER TABLE oidc_token_families ADD COLUMN refresh_generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE oidc_token_families ADD COLUMN access_floor BIGINT NOT NULL DEFAULT 0;
DROP TABLE oidc_access_tokens;
DROP TABLE oidc_refresh_tokens;
-- A spent code names the family it started, so that a second use revokes that family (RFC 6749
-- §4.1.2) without an index over every family's code (each exchange wrote a random leaf of it).
ALTER TABLE oidc_codes ADD COLUMN family_id BIGINT;
DROP INDEX oidc_token_families_code;
