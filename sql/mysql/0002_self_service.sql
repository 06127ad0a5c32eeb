-- Multi-step self-service flows (recovery, change of phone, activation) keep their state here,
-- with an expiry, so any uia node can serve the next step. Addresses for the personal centre.
CREATE TABLE self_service_flows (
  id CHAR(43) PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  person_id BIGINT NOT NULL,
  step VARCHAR(32) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  client_ip VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX self_service_flows_person ON self_service_flows (person_id, kind);

CREATE TABLE addresses (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  person_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  recipient VARCHAR(128) NOT NULL,
  phone_enc TEXT,
  region VARCHAR(128) NOT NULL,
  detail VARCHAR(255) NOT NULL,
  postcode VARCHAR(6),
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX addresses_person ON addresses (person_id);
