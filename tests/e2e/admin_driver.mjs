// Back-office steps browser tests need: a fresh admin made with `uia admin add` (UIA_BIN and
// UIA_DB_URL from tests/e2e/run.sh) signed in for a bearer token, and business systems
// registered through POST /api/v1/admin/clients.
import { spawnSync } from 'node:child_process';
import { check, log, call } from './centre_driver.mjs';

// role: admin unless asked (reviewer decides appeals).
export async function adminToken(role = 'admin') {
  const bin = process.env.UIA_BIN, db = process.env.UIA_DB_URL;
  check(bin && db, 'UIA_BIN and UIA_DB_URL are needed (run through tests/e2e/run.sh)');
  const username = 'oidcadmin' + Date.now().toString(36), password = 'Oidc-Admin-2026-x';
  let added = false;
  for (let attempt = 0; attempt < 3 && !added; attempt++) {  // the server may hold SQLite's write lock a moment
    const r = spawnSync(bin, ['admin', 'add', '--db', db, '--username', username, '--role', role], { input: password + '\n', encoding: 'utf8' });
    added = r.status === 0;
    if (!added) log('admin add retry:', r.status, (r.stderr || '').trim().split('\n').pop());
  }
  check(added, 'uia admin add failed');
  const r = await call('POST', '/api/v1/admin/sessions', { username, password });
  check(r.status === 201 && r.body.token, `staff sign-in: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

export async function registerClient(admin, body) {
  const r = await call('POST', '/api/v1/admin/clients', body, { Authorization: `Bearer ${admin}` });
  check(r.status === 201 && r.body.client_id && r.body.client_secret, `register client: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return { ...body, ...r.body };
}
