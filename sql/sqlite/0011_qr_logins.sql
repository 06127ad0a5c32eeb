-- QR-code login (扫码登录, seeds 000 / 001 / 003): the desktop login page shows a short-lived
-- ticket as a QR code; a signed-in mobile session scans and confirms it; the desktop, polling
-- with its own poll token, then gets a session once. Both secrets are stored only as keyed hashes.
-- state: pending → scanned → confirmed → consumed, or cancelled; expiry is read from expires_at.
CREATE TABLE qr_logins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_index CHAR(64) NOT NULL UNIQUE,
  poll_index CHAR(64) NOT NULL UNIQUE,
  state VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  requester_ip VARCHAR(64) NOT NULL,
  requester_agent VARCHAR(255) NOT NULL,
  person_id BIGINT,
  approver_session_id BIGINT,
  approver_ip VARCHAR(64),
  approver_agent VARCHAR(255),
  scanned_at BIGINT,
  confirmed_at BIGINT,
  finished_at BIGINT,
  session_id BIGINT
);
CREATE INDEX qr_logins_requester ON qr_logins (requester_ip, created_at);
