// A second `uia serve --dev` run with a province profile (--profile NAME), for the tests that
// compare provinces (parity.test.mjs, profiles.test.mjs): tests/e2e/run.sh starts one server
// with the default profile; these start their own on a free loopback port with a throw-away
// SQLite file and keys (`uia keygen`), the limits run.sh sets, and stop them when done.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const top = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const uiaBin = process.env.UIA_BIN ?? path.join(top, 'build/uia');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Starts the server; resolves to { url, profile, stop() } once /healthz answers.
export async function startProfileServer(profile) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `uia-${profile}-`));
  const keys = path.join(work, 'keys');
  const keygen = spawnSync(uiaBin, ['keygen', keys], { encoding: 'utf8' });
  if (keygen.status !== 0) throw new Error(`uia keygen: ${keygen.stderr}`);
  // As run.sh: a short SMS resend interval, and per-IP limits and request budgets off (every
  // browser is 127.0.0.1).
  const config = path.join(work, 'config.json');
  const offPerIp = { per_ip_per_minute: 0 };
  const requestBudgets = Object.fromEntries(['captcha', 'sms_send', 'sign_in', 'registration', 'activation', 'recovery',
    'oidc_authorize'].map((name) => [name, offPerIp]));
  fs.writeFileSync(config, JSON.stringify({
    limits: { sms_resend_seconds: 3, sms_per_ip_per_hour: 100000, login_per_ip_per_minute: 100000,
      request_budgets: requestBudgets },
  }));
  const port = await freePort();
  const log = fs.openSync(path.join(work, 'serve.log'), 'w');
  const child = spawn(uiaBin, ['serve', '--dev', '--port', String(port), '--db', `sqlite:${path.join(work, 'uia.db')}`,
    '--config', config, '--keys', keys, '--profile', profile, '--web-root', path.join(top, 'build-web/web')],
  { stdio: ['ignore', log, log] });
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    fs.rmSync(work, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (exited !== null) break;
    try {
      if ((await fetch(new URL('healthz', url))).ok) return { url, profile, stop };
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const text = fs.readFileSync(path.join(work, 'serve.log'), 'utf8');
  await stop();
  throw new Error(`uia serve --profile ${profile} did not start:\n${text}`);
}
