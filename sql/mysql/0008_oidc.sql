-- OpenID Connect provider: business systems registered by back-office (clients), the server's
-- signing keys (private halves sealed with the field cipher), authorization requests waiting for
-- the web client's login/consent pages, one-use codes, a person's consent per client (grants),
-- refresh-token families (rotation + reuse detection) and opaque access tokens. Every bearer
-- secret is stored as its SHA-256 only.
CREATE TABLE oidc_clients (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  client_id VARCHAR(64) NOT NULL UNIQUE,
  name VARCHAR(128) NOT NULL,
  secret_hash CHAR(64),
  client_type VARCHAR(16) NOT NULL,
  redirect_uris TEXT NOT NULL,
  post_logout_redirect_uris TEXT NOT NULL,
  scopes VARCHAR(255) NOT NULL,
  subject_type VARCHAR(16) NOT NULL,
  id_token_alg VARCHAR(8) NOT NULL,
  backchannel_logout_uri VARCHAR(512),
  min_level INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  disabled_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oidc_signing_keys (
  kid VARCHAR(64) PRIMARY KEY,
  alg VARCHAR(8) NOT NULL,
  private_enc TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oidc_signing_keys_alg ON oidc_signing_keys (alg, created_at);

CREATE TABLE oidc_auth_requests (
  id VARCHAR(64) PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  redirect_uri VARCHAR(512) NOT NULL,
  scope VARCHAR(255) NOT NULL,
  state VARCHAR(512),
  nonce VARCHAR(512),
  code_challenge VARCHAR(128),
  min_level INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  done_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oidc_codes (
  code_hash CHAR(64) PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  person_id BIGINT NOT NULL,
  session_id BIGINT NOT NULL,
  redirect_uri VARCHAR(512) NOT NULL,
  scope VARCHAR(255) NOT NULL,
  nonce VARCHAR(512),
  code_challenge VARCHAR(128),
  auth_time BIGINT NOT NULL,
  level INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oidc_grants (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  person_id BIGINT NOT NULL,
  client_id VARCHAR(64) NOT NULL,
  scope VARCHAR(255) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  last_used_at BIGINT,
  UNIQUE (person_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oidc_token_families (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  client_id VARCHAR(64) NOT NULL,
  person_id BIGINT NOT NULL,
  session_id BIGINT NOT NULL,
  code_hash CHAR(64) NOT NULL,
  scope VARCHAR(255) NOT NULL,
  auth_time BIGINT NOT NULL,
  level INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  revoked_reason VARCHAR(32)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oidc_token_families_person ON oidc_token_families (person_id, client_id);
CREATE INDEX oidc_token_families_code ON oidc_token_families (code_hash);

CREATE TABLE oidc_refresh_tokens (
  token_hash CHAR(64) PRIMARY KEY,
  family_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oidc_refresh_tokens_family ON oidc_refresh_tokens (family_id);

CREATE TABLE oidc_access_tokens (
  token_hash CHAR(64) PRIMARY KEY,
  family_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oidc_access_tokens_family ON oidc_access_tokens (family_id);
