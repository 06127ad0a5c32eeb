-- Agents (经办人) of enterprise accounts (seeds 000 我的经办人, 001 法人授权, 002 roles, 003 管理经办人):
-- a grant lets a registered natural person act for an enterprise, for a period, with a scope (a
-- list of service items) and an admin flag. A grant made by the legal representative waits for
-- the representative's face check (awaiting_face); then the agent has 24 hours to accept
-- (pending, confirm_by). Stored states: awaiting_face, face_failed, pending, active, refused,
-- disabled, revoked. "expired" is never stored: it is read from confirm_by (pending) and
-- valid_to (active, disabled), so no background job is needed.
-- Re-delegation: parent_grant_id names the grant it was delegated from, level is 1 for grants of
-- the enterprise itself, at most 3. Revoking a grant revokes its descendants in one transaction.
CREATE TABLE enterprise_agent_grants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enterprise_id BIGINT NOT NULL,
  agent_person_id BIGINT NOT NULL,
  parent_grant_id BIGINT,
  level INTEGER NOT NULL,
  granted_by_person_id BIGINT,
  granted_by_role VARCHAR(16) NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  scope TEXT NOT NULL,
  valid_from CHAR(10) NOT NULL,
  valid_to CHAR(10) NOT NULL,
  state VARCHAR(16) NOT NULL,
  face_ticket CHAR(32),
  confirm_by BIGINT,
  request_id BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX agent_grants_enterprise ON enterprise_agent_grants (enterprise_id, state);
CREATE INDEX agent_grants_agent ON enterprise_agent_grants (agent_person_id, enterprise_id);
CREATE INDEX agent_grants_parent ON enterprise_agent_grants (parent_grant_id);
CREATE INDEX agent_grants_face_ticket ON enterprise_agent_grants (face_ticket);

-- A person asks an enterprise for a grant (seed 002 申请授权); the legal representative or an
-- admin approves (a grant follows) or rejects. state: pending, approved, rejected.
CREATE TABLE enterprise_grant_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enterprise_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  scope TEXT NOT NULL,
  valid_from CHAR(10) NOT NULL,
  valid_to CHAR(10) NOT NULL,
  note VARCHAR(200),
  state VARCHAR(16) NOT NULL,
  decided_by_person_id BIGINT,
  grant_id BIGINT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX grant_requests_enterprise ON enterprise_grant_requests (enterprise_id, state);
CREATE INDEX grant_requests_person ON enterprise_grant_requests (person_id, state);

-- A session acting for an enterprise as an agent names the grant it rests on: every request
-- checks that grant (and its ancestors) still works.
ALTER TABLE sessions ADD COLUMN grant_id BIGINT;

-- Who acted for whom: "enterprise:3 role:agent grant:7" on every action done while acting for
-- an enterprise (the actor column keeps naming the person, so filtering by person finds it).
ALTER TABLE audit_log ADD COLUMN acting_for VARCHAR(128);
