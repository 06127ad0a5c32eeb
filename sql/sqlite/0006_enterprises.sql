-- Enterprise (legal-person, 法人) accounts: the organisation, its legal representative (a
-- real-name natural person: rep_person_id), the contact phone codes go to, and what the business
-- registry records. The representative's ID number and the phone are sealed (*_enc) and found by
-- keyed blind indexes (*_index); the USCC is public registry data and stays in clear.
-- status: pending_face (the representative's face check is open), unverified (the registry could
-- not confirm yet: re-checked periodically), active, pending_activation (known to the registry,
-- never set up: no account or password yet), registry_mismatch (the re-check said no).
CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account VARCHAR(32) UNIQUE,
  uscc CHAR(18) NOT NULL UNIQUE,
  name VARCHAR(128) NOT NULL,
  org_type VARCHAR(32) NOT NULL,
  rep_person_id BIGINT,
  rep_name VARCHAR(128) NOT NULL,
  rep_id_type VARCHAR(32) NOT NULL,
  rep_id_number_enc TEXT NOT NULL,
  rep_id_number_index CHAR(64) NOT NULL,
  rep_id_valid_from CHAR(10),
  rep_id_valid_to CHAR(10),
  phone_enc TEXT,
  phone_index CHAR(64),
  password_hash VARCHAR(255),
  status VARCHAR(32) NOT NULL,
  registry_confirmed INTEGER NOT NULL DEFAULT 0,
  registry_checked_at BIGINT,
  registered_address VARCHAR(255),
  registered_capital VARCHAR(64),
  established_date CHAR(10),
  business_term VARCHAR(64),
  business_scope TEXT,
  industry VARCHAR(128),
  business_status VARCHAR(32),
  registration_authority VARCHAR(128),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX enterprises_rep ON enterprises (rep_id_number_index);
CREATE INDEX enterprises_status ON enterprises (status, registry_checked_at);

-- Who acts for whom: a session of an enterprise account has enterprise_id set and acting_role
-- 'enterprise' (person_id 0: no natural person signed in); a person acting for an enterprise
-- (agent sign-in) keeps their person_id and adds enterprise_id with acting_role 'agent',
-- 'admin' or 'legal_rep'. Plain person sessions leave both NULL.
ALTER TABLE sessions ADD COLUMN enterprise_id BIGINT;
ALTER TABLE sessions ADD COLUMN acting_role VARCHAR(16);
CREATE INDEX sessions_enterprise ON sessions (enterprise_id);

-- A face check opened for an enterprise registration names the enterprise it completes.
ALTER TABLE face_checks ADD COLUMN enterprise_id BIGINT;
