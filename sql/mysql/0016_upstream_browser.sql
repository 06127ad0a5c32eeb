-- An upstream sign-in belongs to the browser that started it (login CSRF): the SHA-256 of the
-- random value in that browser's short-lived uia_upstream cookie, checked at the callback; and
-- where to go once signed in (a same-origin path, e.g. back to a pending /#/consent?oidc=...).
ALTER TABLE upstream_login_states ADD COLUMN browser_hash CHAR(64);
ALTER TABLE upstream_login_states ADD COLUMN return_to VARCHAR(512);
