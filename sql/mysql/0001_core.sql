-- Core schema: natural persons, sessions, one-time codes, login throttling, face checks, audit.
-- Times are UTC epoch seconds (portable across SQLite and MySQL). ID numbers and phones are
-- stored encrypted (*_enc) and found through keyed blind indexes (*_index).
CREATE TABLE persons (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  account VARCHAR(32) UNIQUE,
  name VARCHAR(128) NOT NULL,
  id_type VARCHAR(32) NOT NULL,
  id_number_enc TEXT NOT NULL,
  id_number_index CHAR(64) NOT NULL,
  phone_enc TEXT,
  phone_index CHAR(64) UNIQUE,
  email_enc TEXT,
  email_index CHAR(64) UNIQUE,
  gender VARCHAR(8),
  birth_date CHAR(10),
  id_valid_from CHAR(10),
  id_valid_to CHAR(10),
  password_hash VARCHAR(255),
  status VARCHAR(32) NOT NULL,
  level INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (id_type, id_number_index)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sessions (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  token_hash CHAR(64) NOT NULL UNIQUE,
  csrf_token VARCHAR(64) NOT NULL,
  person_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  client_ip VARCHAR(64),
  user_agent VARCHAR(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE captchas (
  id CHAR(32) PRIMARY KEY,
  answer_hash CHAR(64) NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sms_codes (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  phone_index CHAR(64) NOT NULL,
  purpose VARCHAR(32) NOT NULL,
  code_hash CHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  used_at BIGINT,
  client_ip VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX sms_codes_phone ON sms_codes (phone_index, purpose, created_at);
CREATE INDEX sms_codes_ip ON sms_codes (client_ip, created_at);

CREATE TABLE login_failures (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  subject_key CHAR(64) NOT NULL,
  client_ip VARCHAR(64),
  failed_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX login_failures_subject ON login_failures (subject_key, failed_at);
CREATE INDEX login_failures_ip ON login_failures (client_ip, failed_at);

CREATE TABLE face_checks (
  ticket CHAR(32) PRIMARY KEY,
  person_id BIGINT,
  purpose VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  completed_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  at BIGINT NOT NULL,
  actor VARCHAR(64),
  action VARCHAR(64) NOT NULL,
  target VARCHAR(128),
  client_ip VARCHAR(64),
  result VARCHAR(16) NOT NULL,
  detail TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);
