-- Expired authorization requests and codes are swept on write, a bounded batch at a time
-- (flows/oidc/pending_request.cpp); these indexes find the oldest without scanning.
CREATE INDEX oidc_auth_requests_expiry ON oidc_auth_requests (expires_at);
CREATE INDEX oidc_codes_expiry ON oidc_codes (expires_at);
