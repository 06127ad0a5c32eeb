-- Rows anyone can make without signing in are deleted once nothing reads them any more
-- (flows/expiry/expired_rows.cpp, a periodic task): these indexes find them without a scan.
CREATE INDEX captchas_expiry ON captchas (expires_at);
CREATE INDEX sms_codes_created ON sms_codes (created_at);
CREATE INDEX email_codes_created ON email_codes (created_at);
CREATE INDEX login_failures_at ON login_failures (failed_at);
CREATE INDEX qr_logins_expiry ON qr_logins (expires_at);
