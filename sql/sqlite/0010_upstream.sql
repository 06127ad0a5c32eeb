-- Sign-in through an upstream identity provider (e.g. the national government-service platform):
-- login attempts waiting for the provider's redirect back (the state only as its SHA-256, one
-- use, ten minutes; the PKCE verifier sealed with the field cipher), and the links between an
-- upstream account (provider + its `sub`) and a local person, made once by verified ID number.
CREATE TABLE upstream_login_states (
  state_hash CHAR(64) PRIMARY KEY,
  provider VARCHAR(64) NOT NULL,
  nonce VARCHAR(128) NOT NULL,
  code_verifier_enc TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX upstream_login_states_expiry ON upstream_login_states (expires_at);

CREATE TABLE upstream_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  provider VARCHAR(64) NOT NULL,
  upstream_sub VARCHAR(255) NOT NULL,
  person_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_login_at BIGINT,
  UNIQUE (provider, upstream_sub)
);
CREATE INDEX upstream_links_person ON upstream_links (person_id);
