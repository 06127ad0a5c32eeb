-- A password check's row is written before the check (so parallel guesses cannot outrun the
-- limit of five) but it counts as a failure only once the check has found the password wrong:
-- until then it is pending. Right passwords racing each other no longer lock an account
-- (flows/login/login_throttle.h). A row a crash left pending stops counting after a minute.
ALTER TABLE login_failures ADD COLUMN pending SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE recovery_failures ADD COLUMN pending SMALLINT NOT NULL DEFAULT 0;
