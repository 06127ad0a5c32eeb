-- Appeals (账号申诉) and back-office casework (shared/appeals/appeals.h has the state machine).
-- A case's fields (names, ID numbers, the new phone, the new password's Argon2id hash) are one
-- sealed JSON document; its contact phone is sealed too and found by keyed hash (申诉进度查询).
-- appeal_open_keys holds, while a case is open, the keyed hashes of what it claims (a phone, an
-- ID number, a USCC): its primary key is what refuses a second open appeal, even from two
-- clients at once. Materials are sealed like identity documents and purged after the decision.
-- frozen_at/frozen_reason: staff froze the account (sign-in refused, sessions ended).
CREATE TABLE appeal_cases (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  case_number VARCHAR(20) NOT NULL UNIQUE,
  kind VARCHAR(32) NOT NULL,
  status VARCHAR(20) NOT NULL,
  contact_phone_enc TEXT NOT NULL,
  contact_phone_index CHAR(64) NOT NULL,
  details_enc TEXT NOT NULL,
  person_id BIGINT,
  enterprise_id BIGINT,
  upload_token_hash CHAR(64),
  draft_expires_at BIGINT,
  claimed_by BIGINT,
  claimed_at BIGINT,
  first_reviewer_id BIGINT,
  first_approved_at BIGINT,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_reason VARCHAR(1024),
  submitted_at BIGINT,
  due_at BIGINT,
  materials_purged_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX appeal_cases_queue ON appeal_cases (status, id);
CREATE INDEX appeal_cases_kind ON appeal_cases (kind, status, id);
CREATE INDEX appeal_cases_phone ON appeal_cases (contact_phone_index);
CREATE INDEX appeal_cases_decided ON appeal_cases (decided_at);
CREATE INDEX appeal_cases_draft ON appeal_cases (draft_expires_at);

CREATE TABLE appeal_open_keys (
  key_hash CHAR(64) PRIMARY KEY,
  case_id BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX appeal_open_keys_case ON appeal_open_keys (case_id);

CREATE TABLE appeal_materials (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  case_id BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  content_type VARCHAR(64) NOT NULL,
  size_bytes BIGINT NOT NULL,
  data_enc LONGTEXT NOT NULL,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX appeal_materials_case ON appeal_materials (case_id);

CREATE TABLE appeal_case_events (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  case_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(32) NOT NULL,
  note VARCHAR(1024)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX appeal_case_events_case ON appeal_case_events (case_id, id);

ALTER TABLE persons ADD COLUMN frozen_at BIGINT;
ALTER TABLE persons ADD COLUMN frozen_reason VARCHAR(1024);
ALTER TABLE enterprises ADD COLUMN frozen_at BIGINT;
ALTER TABLE enterprises ADD COLUMN frozen_reason VARCHAR(1024);
