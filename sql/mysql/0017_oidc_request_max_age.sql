-- max_age of an authorization request (OIDC Core §3.1.2.1): the longest time in seconds since
-- the person last signed in that the client accepts. Kept with the stored request so that the
-- login and consent pages ask for a fresh sign-in when the session's is older.
ALTER TABLE oidc_auth_requests ADD COLUMN max_age BIGINT;
