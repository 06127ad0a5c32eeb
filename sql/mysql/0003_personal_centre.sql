-- The personal centre (seed 000 四、个人中心; seed 002 六、賬號設置, 七、密碼找回): basic
-- information beside the person, e-mail verification codes, security questions, and the state
-- the extra recovery methods need. Free-text personal data is sealed (*_enc) like phones.
ALTER TABLE persons ADD COLUMN email_verified_at BIGINT;

CREATE TABLE person_profiles (
  person_id BIGINT PRIMARY KEY,
  ethnicity VARCHAR(32),
  education VARCHAR(32),
  occupation VARCHAR(64),
  work_unit_enc TEXT,
  contact_address_enc TEXT,
  postcode CHAR(6),
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE addresses ADD COLUMN region_code CHAR(6);
CREATE INDEX addresses_person_kind ON addresses (person_id, kind, is_default);

-- One-time e-mail codes: like sms_codes, but bound to the person and carrying the (sealed)
-- address the code went to, so confirming a new address needs no other pending state.
CREATE TABLE email_codes (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  person_id BIGINT NOT NULL,
  email_index CHAR(64) NOT NULL,
  email_enc TEXT NOT NULL,
  purpose VARCHAR(32) NOT NULL,
  code_hash CHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  used_at BIGINT,
  client_ip VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX email_codes_person ON email_codes (person_id, purpose, created_at);
CREATE INDEX email_codes_email ON email_codes (email_index, created_at);
CREATE INDEX email_codes_ip ON email_codes (client_ip, created_at);

-- 密保问题: three per person, from a fixed catalogue; answers as Argon2id hashes.
CREATE TABLE security_answers (
  person_id BIGINT NOT NULL,
  slot INTEGER NOT NULL,
  question VARCHAR(32) NOT NULL,
  answer_hash VARCHAR(255) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Wrong security-question answers during recovery, per person: five lock that method for a day.
CREATE TABLE recovery_failures (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  person_id BIGINT NOT NULL,
  method VARCHAR(32) NOT NULL,
  failed_at BIGINT NOT NULL,
  client_ip VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX recovery_failures_person ON recovery_failures (person_id, method, failed_at);
