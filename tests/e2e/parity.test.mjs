// One rule, two builds, one verdict, per province: for a corpus of inputs of every kind and for
// each built-in profile, the verdict that the browser's uia.wasm computes
// (uia_validate_json(kind, value, profile)) must equal, byte for byte, what the native
// `uia validate --profile P` prints, and the answer of POST /api/v1/validate on a server run with
// `--profile P`, written in the same field order, must equal it too. run.sh's server runs the
// default profile (jilin); the others are started here (profile_server.mjs) one at a time.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { startProfileServer } from './profile_server.mjs';

const url = process.env.UIA_URL ?? 'http://127.0.0.1:8080/';
const uiaBin = process.env.UIA_BIN ?? 'build/uia';

function checkChar(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}
function residentId(first17) { return first17 + checkChar(first17); }

// Hand-picked edge cases plus seeded pseudo-random ones, so each run covers the same ground.
const corpus = [
  ['resident-id', '11010519491231002X'], ['resident-id', '11010519491231002x'], ['resident-id', '110105194912310021'],
  ['resident-id', ''], ['resident-id', '1101051949123100'], ['resident-id', residentId('11010520000229123')],
  ['resident-id', residentId('11010519990229123')], ['resident-id', residentId('99010519800101123')],
  ['resident-id', residentId('11010521000101123')], ['resident-id', ' 11010519491231002X'], ['resident-id', '１１０１０５'],
  ['uscc', '91350100M000100Y43'], ['uscc', '91350100M000100Y44'], ['uscc', '91350100M000100Y4'], ['uscc', '9135010OM000100Y43'],
  ['uscc', '91350100m000100y43'], ['uscc', 'Z1350100M000100Y43'],
  ['phone', '15012340058'], ['phone', '12012340058'], ['phone', '1501234005'], ['phone', '+8615012340058'], ['phone', ''],
  ['account', 'zhangsan01'], ['account', '1zhangsan'], ['account', 'zhang'], ['account', 'zhang san'], ['account', 'a'.repeat(21)],
  ['account', '张三abcdef'],
  ['password', 'Abc12345'], ['password', 'abcdefgh'], ['password', '123456'], ['password', 'password1'], ['password', 'Ab1!'],
  ['password', 'Ab1!'.repeat(5)], ['password', 'abc 12345'], ['password', '密码abc12345'],
  ['hk-macau-permit', 'H12345678'], ['hk-macau-permit', 'M1234567801'], ['hk-macau-permit', 'X12345678'],
  ['taiwan-permit', '12345678'], ['taiwan-permit', '1234567801'], ['taiwan-permit', '1234567'],
  ['passport', 'E12345678'], ['passport', 'EA1234567'], ['passport', 'G12345678'], ['passport', 'ABCDE'], ['passport', 'e12345678'],
  ['foreign-permanent-id', 'USA310108800101'], ['foreign-permanent-id', residentId('93107801980010112')],
  ['foreign-permanent-id', '123'],
  ['email', 'chen@example.gov.cn'], ['email', 'chen@@example.cn'], ['email', 'chen@example'], ['email', '.chen@example.cn'],
  ['no-such-kind', 'x'],
  // Passwords that tell the profiles apart (001 upper and lower case, 8-18; 003 three classes,
  // 8-20; 000/002/004 two classes, 8-16).
  ['password', 'Abcdefgh'], ['password', 'abcdefg1!'], ['password', 'Abcdefg1!'], ['password', 'Abcdefg1!Abcdefg1'],
  ['password', 'Abcdefg1!Abcdefg1!x'], ['password', 'ABCDEFG1!'], ['password', 'abcdefg12'],
  ['account', 'zhangsan_2026'], ['account', 'Zhang'],
];
// Whether each of those passwords passes, per profile: the profiles really differ, so a server
// or a build that ignored its profile could not pass by agreeing with the default.
const expectedValid = {
  'abcdefg1!': { jilin: true, hubei: false, shandong: true, hainan: true, gongshang: true },
  'Abcdefg1!': { jilin: true, hubei: true, shandong: true, hainan: true, gongshang: true },
  'Abcdefg1!Abcdefg1': { jilin: false, hubei: true, shandong: false, hainan: true, gongshang: false },
  'Abcdefg1!Abcdefg1!x': { jilin: false, hubei: false, shandong: false, hainan: true, gongshang: false },
  'abcdefg12': { jilin: true, hubei: false, shandong: true, hainan: false, gongshang: true },
};
const profiles = ['jilin', 'hubei', 'shandong', 'hainan', 'gongshang'];
let seed = 20261125;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const alphabet = '0123456789XABCDEFGHJKLMNPQRTUWXYxz _-@.+';
const kinds = ['resident-id', 'uscc', 'phone', 'account', 'password', 'hk-macau-permit', 'taiwan-permit', 'passport',
  'foreign-permanent-id', 'email'];
for (let i = 0; i < 150; i++) {
  const kind = kinds[i % kinds.length];
  const length = 1 + Math.floor(random() * 20);
  let value = '';
  for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
  corpus.push([kind, value]);
}

// The server's answer in verdict_json's order (valid, code, message, detail): its "field" is
// the REST error's, not the verdict's.
function serverText(server) {
  const o = { valid: server.valid, code: server.code, message: server.message };
  if (server.detail !== undefined) o.detail = server.detail;
  return JSON.stringify(o);
}

// wasm, native and server verdicts over the corpus under one profile; the number of mismatches.
async function compare(page, profile, serverUrl) {
  let failures = 0;
  const wasmVerdicts = await page.evaluate(([items, p]) =>
    items.map(([kind, value]) => window.Module.ccall('uia_validate_json', 'string', ['string', 'string', 'string'], [kind, value, p])),
  [corpus, profile]);
  for (let i = 0; i < corpus.length; i++) {
    const [kind, value] = corpus[i];
    const native = spawnSync(uiaBin, ['validate', '--profile', profile, kind, value], { encoding: 'utf8' });
    const nativeVerdict = native.stdout.trim();
    if (nativeVerdict !== wasmVerdicts[i]) {
      failures++;
      console.error(`MISMATCH [${profile}] ${kind} ${JSON.stringify(value)}\n  native: ${nativeVerdict}\n  wasm:   ${wasmVerdicts[i]}`);
      continue;
    }
    const parsed = JSON.parse(nativeVerdict);
    assert.equal(native.status, parsed.valid ? 0 : (kind === 'no-such-kind' ? 2 : 1), `exit code for ${kind} ${value}`);
    if (kind === 'password' && expectedValid[value] && expectedValid[value][profile] !== parsed.valid) {
      failures++;
      console.error(`PROFILE RULE [${profile}] password ${JSON.stringify(value)}: valid=${parsed.valid}, expected ${expectedValid[value][profile]}`);
    }
    if (kind === 'no-such-kind') continue;
    const response = await fetch(new URL('/api/v1/validate', serverUrl), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind, value }),
    });
    const server = serverText(await response.json());
    if (server !== nativeVerdict) {
      failures++;
      console.error(`SERVER MISMATCH [${profile}] ${kind} ${JSON.stringify(value)}\n  native: ${nativeVerdict}\n  server: ${server}`);
    }
  }
  const valid = wasmVerdicts.filter((v) => JSON.parse(v).valid).length;
  console.log(`  ${profile}: ${corpus.length} inputs (${valid} valid), wasm == native == server: ${failures === 0}`);
  return failures;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failures = 0;
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof window.Module?.ccall === 'function' && window.Module.calledRun === true,
    null, { timeout: 30000 });
  const defaultProfile = await (await fetch(new URL('/api/v1/profile', url))).json();
  assert.equal(defaultProfile.name, 'jilin', 'run.sh serves the default profile');
  let total = 0;
  for (const profile of profiles) {
    const server = profile === 'jilin' ? { url, stop: async () => {} } : await startProfileServer(profile);
    try {
      const served = await (await fetch(new URL('/api/v1/profile', server.url))).json();
      assert.equal(served.name, profile, `server --profile ${profile}`);
      failures += await compare(page, profile, server.url);
      total += corpus.length;
    } finally {
      await server.stop();
    }
  }
  console.log(`parity: ${total} inputs over ${profiles.length} profiles, wasm == native == server: ${failures === 0}`);
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
