-- One row per key that concurrent requests must take turns on (e.g. the sign-in attempts of one
-- identifier). A transaction that locks the row holds off every other transaction locking the
-- same key until it commits: counting and admitting attempts becomes one step on every backend.
CREATE TABLE key_locks (
  lock_key CHAR(64) PRIMARY KEY,
  touched_at BIGINT NOT NULL
);
