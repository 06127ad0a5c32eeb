// The reviewer's side of an appeal in the browser (审核工作台, issue 16), for any test that needs
// a case decided on the page: a staff account made the way operators make one (`uia admin add`),
// the staff sign-in at /#/staff, the case found in the list, a material opened, 领取, 通过/驳回.
// Also the REST steps that put a case in the queue (file + upload + submit, /tmp contract) and
// the keyboard-only moves of the page.
//
//   server: { url, bin, db } — run.sh's server by default (UIA_URL, UIA_BIN, UIA_DB_URL): e2eServer().
//   staff:  { username, password, roles } — from createStaff.
import { spawnSync } from 'node:child_process';
import {
  BASE, TIMEOUT, TestFailure, check, log, call, driver, nextFrames, restSmsCode, sleep, watchPolicyViolations,
} from './centre_driver.mjs';

export function e2eServer() {
  return { url: BASE, bin: process.env.UIA_BIN ?? 'build/uia', db: process.env.UIA_DB_URL };
}

let staffCount = 0;
// A staff member with `roles` (an array or 'reviewer,admin'), made by `uia admin add` with the
// password on stdin. Returns { username, password, roles }.
export async function createStaff(server = e2eServer(), roles = ['reviewer']) {
  check(server.bin && server.db, 'createStaff needs the server binary and database (UIA_BIN, UIA_DB_URL from tests/e2e/run.sh)');
  const list = Array.isArray(roles) ? roles.join(',') : roles;
  const username = `rev${Date.now().toString(36)}${++staffCount}`, password = 'Review-Desk-2026-x';
  let r;
  for (let attempt = 0; attempt < 3; attempt++) {  // the server may hold SQLite's write lock a moment
    r = spawnSync(server.bin, ['admin', 'add', '--db', server.db, '--username', username, '--role', list], { input: password + '\n', encoding: 'utf8' });
    if (r.status === 0) break;
    log('admin add retry:', r.status, (r.stderr || '').trim().split('\n').pop());
  }
  check(r.status === 0, `uia admin add --role ${list}: ${r.stderr}`);
  return { username, password, roles: list.split(',') };
}

// The staff bearer token over REST (for a test's own checks; the page signs in by itself).
export async function staffToken(staff) {
  const r = await call('POST', '/api/v1/admin/sessions', { username: staff.username, password: staff.password });
  check(r.status === 201 && r.body.token, `staff sign-in: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

// ---- Materials: real files of each type (the server checks content, not names)
// A PNG of w×h in two colours (zlib from node), so the page shows a picture of a known size.
import zlib from 'node:zlib';
export function pngBytes(w = 240, h = 150) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;  // 8-bit RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const band = (Math.floor(x / 30) + Math.floor(y / 30)) % 2;
      row.set(band ? [30, 100, 200] : [240, 244, 250], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
export function pdfBytes() {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

// ---- Appellant side over REST: a case in the queue
// Files `fields` as an appeal of `kind` (SMS code of purpose appeal to fields.phone), uploads
// `materials` ({ code: { content_type, bytes } }) and submits. Returns { case_number, due_at }.
export async function seedCase(kind, fields, materials) {
  const sms_code = await restSmsCode(fields.phone, 'appeal');
  const filed = await call('POST', '/api/v1/appeals', { kind, ...fields, sms_code });
  check(filed.status === 201, `file ${kind}: HTTP ${filed.status} ${JSON.stringify(filed.body)}`);
  const { case_number, upload_token } = filed.body;
  for (const [code, m] of Object.entries(materials)) {
    const up = await call('POST', `/api/v1/appeals/${case_number}/materials`,
      { kind: code, content_type: m.content_type, data: m.bytes.toString('base64') }, { 'X-Upload-Token': upload_token });
    check(up.status === 201, `upload ${code}: HTTP ${up.status} ${JSON.stringify(up.body)}`);
  }
  const sent = await call('POST', `/api/v1/appeals/${case_number}/submit`, {}, { 'X-Upload-Token': upload_token });
  check(sent.status === 200 && sent.body.status === 'submitted', `submit: HTTP ${sent.status} ${JSON.stringify(sent.body)}`);
  log('case', case_number, 'submitted,', Object.keys(materials).length, 'materials');
  return { case_number, due_at: sent.body.due_at };
}

// ---- The page
// A page on /#/staff (a fresh context: the staff token lives in that page's memory only).
export async function openWorkbench(browser, server = e2eServer(), contextOptions = { viewport: { width: 1280, height: 800 } }, label = '1280', shotPrefix = 'workbench') {
  const context = await browser.newContext(contextOptions);
  await watchPolicyViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('#/staff', server.url).href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
  check(await page.evaluate(() => window.uiaStatus) === 'ready', 'client did not start');
  await page.evaluate(() => window.uiaReady);
  const d = driver(page, label, contextOptions, shotPrefix);
  await d.heading('工作人员登录');
  return { context, page, errors, d };
}

// 工作人员登录 with the mouse; waits for the 审核工作台.
export async function signInStaff(d, staff) {
  await d.heading('工作人员登录');
  await d.fill('用户名', staff.username);
  await d.fill('密码', staff.password, { secret: true });
  const res = await d.submit('登录', '/api/v1/admin/sessions');
  check(res.status() === 201, `staff sign-in on the page: HTTP ${res.status()} ${await res.text()}`);
  await d.heading('审核工作台');
}

// The case's list item, then 查看 <number>; waits for the case view (案件编号 shows the number).
export async function openCase(d, caseNumber) {
  const item = d.mirror.getByRole('listitem', { name: caseNumber, exact: true });
  for (let i = 0; i < 10 && !(await item.count()); i++) {
    const more = d.role('button', '加载更多');
    if (await more.count()) await d.press(more);
    else await d.press(d.role('button', '刷新列表'));
    await sleep(300);
    await item.first().waitFor({ timeout: 3000 }).catch(() => {});
  }
  check(await item.count() === 1, `case ${caseNumber} is not in the list`);
  await d.press(d.role('button', `查看 ${caseNumber}`));
  await d.mirror.locator(`[role=textbox][aria-label="案件编号"][data-value="${caseNumber}"]`).waitFor({ timeout: TIMEOUT })
    .catch(async () => { throw new TestFailure(`case ${caseNumber} did not open; alerts ${JSON.stringify(await d.alerts())}`); });
}

// The status the case view shows (办理状态).
export const shownStatus = (d) => d.value('办理状态');

// Opens the first picture among the materials (查看材料：…) and waits until it is drawn;
// returns its label and size ("240×150").
export async function viewFirstPicture(d) {
  const buttons = d.mirror.locator('[role=button][aria-label^="查看材料："]');
  await buttons.first().waitFor({ timeout: TIMEOUT });
  const name = await buttons.first().getAttribute('aria-label');
  await d.press(buttons.first());
  const label = name.slice('查看材料：'.length);
  const img = d.mirror.getByRole('img', { name: `材料图片：${label}`, exact: true });
  await img.waitFor({ timeout: TIMEOUT })
    .catch(async () => { throw new TestFailure(`material ${label} was not shown; alerts ${JSON.stringify(await d.alerts())}`); });
  return { label, size: await img.textContent() };
}

// Signs in on /#/staff, finds the case, opens a material, claims it and decides
// ('approve' | 'reject', with the reason). Returns the status the page shows afterwards
// (e.g. 申诉通过 / 申诉未通过). `page` is a page of a context of its own.
export async function decideOnWorkbench(page, server, staff, caseNumber, decision, reason) {
  server = server ?? e2eServer();
  const vp = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.goto(new URL('#/staff', server.url).href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
  await page.evaluate(() => window.uiaReady);
  const d = driver(page, String(vp.width), { viewport: vp }, 'workbench');
  await signInStaff(d, staff);
  await openCase(d, caseNumber);
  const pic = await viewFirstPicture(d);
  log('workbench: material', pic.label, pic.size, 'shown');
  const claimed = await d.submit('领取', `/api/v1/admin/cases/${caseNumber}/claim`);
  check(claimed.status() === 200, `claim: HTTP ${claimed.status()} ${await claimed.text()}`);
  await d.role('button', '通过').waitFor({ timeout: TIMEOUT });
  if (reason) await d.fill('审核意见', reason);
  const label = decision === 'approve' ? '通过' : '驳回';
  const before = await shownStatus(d);
  const res = await d.submit(label, `/api/v1/admin/cases/${caseNumber}/decision`);
  check(res.status() === 200, `decision ${decision}: HTTP ${res.status()} ${await res.text()}`);
  await page.waitForFunction(([b]) => {
    const el = document.querySelector('#uia-a11y [role=textbox][aria-label="办理状态"]');
    return el && el.getAttribute('data-value') !== b;
  }, [before], { timeout: TIMEOUT });
  const status = await shownStatus(d);
  log('workbench:', caseNumber, decision, '->', status);
  return status;
}

// ---- Keyboard only
export async function focusedLabel(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#uia-a11y [data-focused=true]');
    return el ? `${el.getAttribute('role')}:${el.getAttribute('aria-label')}` : '';
  });
}
// Presses `key` until the widget role:name has keyboard focus (at most `max` presses).
export async function keyTo(page, role, name, key = 'ArrowDown', max = 60) {
  const want = `${role}:${name}`;
  const trail = [];
  for (let i = 0; i <= max; i++) {
    await nextFrames(page, 2);
    const now = await focusedLabel(page);
    if (now === want) return;
    if (trail[trail.length - 1] !== now) trail.push(now);
    await page.keyboard.press(key);
  }
  throw new TestFailure(`keyboard: ${key} never reached ${want} (focus went ${trail.join(' → ')})`);
}
