-- Between persons (seed 000 四、(6) 代办管理): "my messages" (我的消息), relatives (亲属管理) and
-- authorization relations between two registered persons (授权管理). ID numbers of relatives
-- are sealed (*_enc) and found by keyed hash (*_index), like persons' own.

-- A person's inbox. Other flows post here (flows/messages/messages.h): a kind, a title and body
-- in zh-CN, the record it is about ("delegation:12"), a JSON payload for the client, and an
-- optional deadline for the action it asks for (accept within 24 h).
CREATE TABLE person_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL,
  kind VARCHAR(48) NOT NULL,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  subject VARCHAR(128),
  payload TEXT,
  action_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX person_messages_person ON person_messages (person_id, read_at, id);
CREATE INDEX person_messages_subject ON person_messages (subject);

-- 亲属: status verified (under 16, or the relative's face check passed), pending_face (16 and
-- over, check not done yet) or face_failed.
CREATE TABLE relatives (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id BIGINT NOT NULL,
  relation VARCHAR(16) NOT NULL,
  name VARCHAR(64) NOT NULL,
  id_type VARCHAR(32) NOT NULL,
  id_number_enc TEXT NOT NULL,
  id_number_index CHAR(64) NOT NULL,
  birth_date CHAR(10) NOT NULL,
  id_valid_from CHAR(10),
  id_valid_to CHAR(10),
  status VARCHAR(16) NOT NULL,
  face_ticket CHAR(32),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX relatives_person_document ON relatives (person_id, id_number_index);
CREATE INDEX relatives_face_ticket ON relatives (face_ticket);

-- 授权关系: grantor authorizes grantee. state awaiting_face (grantor's face check running) ->
-- pending (grantee asked, confirm_by) -> active | refused | expired; ended by either side;
-- face_failed when the grantor's check failed.
CREATE TABLE person_delegations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  grantor_id BIGINT NOT NULL,
  grantee_id BIGINT NOT NULL,
  scope VARCHAR(32) NOT NULL,
  valid_from CHAR(10) NOT NULL,
  valid_to CHAR(10) NOT NULL,
  state VARCHAR(16) NOT NULL,
  face_ticket CHAR(32),
  confirm_by BIGINT,
  ended_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX person_delegations_grantor ON person_delegations (grantor_id, state);
CREATE INDEX person_delegations_grantee ON person_delegations (grantee_id, state);
CREATE INDEX person_delegations_face_ticket ON person_delegations (face_ticket);
