-- The prompt values of an authorization request (OIDC Core §3.1.2.1: none, login, consent), kept
-- with the stored request so that the login and consent pages honour them after the person
-- signs in: prompt=consent shows the consent page even when consent was given before, and
-- prompt=login accepts only a sign-in made after the request.
ALTER TABLE oidc_auth_requests ADD COLUMN prompt VARCHAR(64);
