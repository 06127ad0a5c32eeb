-- private_key_jwt client authentication (OIDC Core §9, RFC 7523): how each client proves itself
-- at the token, introspection and revocation endpoints (client_secret_basic, client_secret_post,
-- private_key_jwt, or none for public clients), the public keys a private_key_jwt client signs
-- its assertions with (a JWK Set as JSON text), and the assertions already used (a hash of
-- client_id and jti), kept until their exp so that none is accepted twice, swept on write.
ALTER TABLE oidc_clients ADD COLUMN token_endpoint_auth_method VARCHAR(32) NOT NULL DEFAULT 'client_secret_basic';
ALTER TABLE oidc_clients ADD COLUMN jwks TEXT;
UPDATE oidc_clients SET token_endpoint_auth_method = 'none' WHERE client_type = 'public';

CREATE TABLE oidc_client_assertions (
  jti_hash CHAR(64) PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_client_assertions_expiry ON oidc_client_assertions (expires_at);
