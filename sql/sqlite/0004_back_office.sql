-- Back-office: staff accounts and their sessions (a table apart from persons' sessions, so a
-- staff token can never act as a person and vice versa), documents uploaded for registrations
-- that wait for review (sealed with the field cipher: they are identity documents), the
-- reviewers' decisions, and indexes for the audit query, the review queue and face retries.
CREATE TABLE staff (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username VARCHAR(64) NOT NULL UNIQUE,
  password_hash VARCHAR(255) NOT NULL,
  roles VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE staff_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash CHAR(64) NOT NULL UNIQUE,
  staff_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  client_ip VARCHAR(64),
  user_agent VARCHAR(255)
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

CREATE TABLE upload_tokens (
  token_hash CHAR(64) PRIMARY KEY,
  person_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX upload_tokens_person ON upload_tokens (person_id);

CREATE TABLE person_documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  content_type VARCHAR(64) NOT NULL,
  size_bytes BIGINT NOT NULL,
  data_enc TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX person_documents_person ON person_documents (person_id);

CREATE TABLE registration_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL,
  decision VARCHAR(16) NOT NULL,
  reason VARCHAR(1024),
  staff_id BIGINT NOT NULL,
  decided_at BIGINT NOT NULL
);
CREATE INDEX registration_reviews_person ON registration_reviews (person_id, id);

CREATE INDEX persons_status ON persons (status, id);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_target ON audit_log (target, at);
CREATE INDEX face_checks_person ON face_checks (person_id, created_at);
