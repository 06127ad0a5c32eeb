// What the browser tests of the signed-in pages share (personal_centre, profile_security): the
// test's own REST client with the dev routes (captcha answers, SMS codes, face results), test
// people, and the page driver that finds widgets in the accessibility mirror and types through
// the canvas and the hidden IME input, as registration.test.mjs does.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const BASE = process.env.UIA_URL || 'http://127.0.0.1:8080/';
// The server the REST helpers and openClient talk to: run.sh's, unless a test that starts its own
// (profile_server.mjs) switches to it.
let base = BASE;
export function useServer(url) { base = url; }
export const SHOTS = path.resolve(process.env.UIA_SCREENSHOTS || 'build/screenshots');
export const RESEND = Number(process.env.UIA_SMS_RESEND_SECONDS ?? '60');
export const TIMEOUT = 10_000;

export class TestFailure extends Error {}
export function check(cond, message) {
  if (!cond) throw new TestFailure(message);
}
export const started = Date.now();
export function log(...args) {
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s ` + args.join(' '));
}
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- REST helpers (the test's own client, separate from the browser's cookies)
export async function call(method, p, body, headers = {}) {
  const res = await fetch(new URL(p, base), {
    method, headers: { 'Content-Type': 'application/json', ...headers }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
export async function captchaAnswer(id) {
  const r = await call('GET', `/api/dev/captcha/${id}`);
  check(r.status === 200, `dev captcha ${id}: HTTP ${r.status}`);
  return String(r.body.answer);
}
const lastSent = new Map();  // phone -> when the last code went out (the resend interval)
export async function waitResend(phone) {
  const wait = lastSent.has(phone) ? lastSent.get(phone) + RESEND * 1000 + 150 - Date.now() : 0;
  if (wait > 0) await sleep(wait);
}
export async function restSmsCode(phone, purpose) {
  await waitResend(phone);
  const c = await call('GET', '/api/v1/captcha');
  const sent = await call('POST', '/api/v1/sms/codes', { phone, purpose, captcha_id: c.body.captcha_id, captcha_answer: await captchaAnswer(c.body.captcha_id) });
  check(sent.status === 202, `SMS ${purpose}: HTTP ${sent.status} ${JSON.stringify(sent.body)}`);
  lastSent.set(phone, Date.now());
  return latestCode(phone, purpose);
}
export async function latestCode(phone, purpose) {
  const inbox = await call('GET', `/api/dev/sms?phone=${phone}`);
  const m = (inbox.body.messages || []).find((x) => x.purpose === purpose);
  check(m, `no ${purpose} SMS for ${phone}`);
  return String(m.code);
}

// GB 11643 check character.
export function residentId(birth /* YYYYMMDD */) {
  const first17 = '110105' + birth + String(100 + Math.floor(Math.random() * 899));
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}
export const rnd = (n) => Math.floor(Math.random() * n);
export const randomPhone = () => '13' + String(rnd(1e9)).padStart(9, '0');
export function person(name) {
  const year = 1950 + rnd(11), mm = String(1 + rnd(12)).padStart(2, '0'), dd = String(1 + rnd(28)).padStart(2, '0');
  return { name, id: residentId(`${year}${mm}${dd}`), validFrom: `${year + 47}-${mm}-${dd}`, phone: randomPhone(),
    account: 'pc' + Date.now().toString(36) + rnd(1000), password: 'Pc2026#ab' };
}
export const maskPhone = (p) => p.slice(0, 3) + '****' + p.slice(7);

// An active citizen (face check passed), registered over REST.
export async function registerActive(p) {
  const code = await restSmsCode(p.phone, 'register');
  const r = await call('POST', '/api/v1/persons', { account: p.account, password: p.password, name: p.name, id_type: 'resident',
    id_number: p.id, id_valid_from: p.validFrom, id_valid_to: 'long_term', phone: p.phone, sms_code: code, agree: true });
  check(r.status === 201, `register: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  if (r.body.face_ticket) check((await call('POST', `/api/dev/face/${r.body.face_ticket}`, { result: 'pass' })).status === 200, 'face pass');
}


export async function nextFrames(page, n = 2) {
  await page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

// ---- The page driver: widgets through the mirror, input through the canvas and IME input
export function driver(page, label, contextOptions, shotPrefix) {
  const mirror = page.locator('#uia-a11y');
  const role = (r, name) => mirror.getByRole(r, { name, exact: true });
  const d = {
    mirror, role,
    async shot(name) {
      const file = path.join(SHOTS, `${shotPrefix}-${label}-${name}.png`);
      await nextFrames(page, 3);
      await page.screenshot({ path: file });
      log('screenshot', path.relative(process.cwd(), file));
      await d.fitsWidth(name);
      await d.glyphs(name);
    },
    // Every character on screen is in the font (a missing one draws as '?'); headings use
    // their own, smaller font.
    async glyphs(where) {
      const missing = await page.evaluate(() => {
        const miss = (fn, text) => [...new Set(text)].filter((ch) => Module.ccall(fn, 'number', ['string'], [ch]) > 0).join('');
        const els = [...document.querySelectorAll('#uia-a11y [data-key]:not(.uia-a11y-group)')];
        const body = els.map((e) => (e.getAttribute('aria-label') || '') + (e.getAttribute('data-password') ? '' : e.textContent)).join('');
        const headings = els.filter((e) => e.getAttribute('role') === 'heading').map((e) => e.getAttribute('aria-label')).join('');
        return miss('uia_missing_glyphs', body) + miss('uia_missing_heading_glyphs', headings + '统一身份认证平台');
      });
      check(missing === '', `${where}: characters missing from the font: ${missing}`);
    },
    // Nothing sticks out of the viewport sideways (375 px phones).
    async fitsWidth(where) {
      const width = contextOptions.viewport.width;
      const out = await page.evaluate((w) => [...document.querySelectorAll('#uia-a11y [data-key]:not(.uia-a11y-group)')]
        .filter((e) => e.offsetWidth > 0 && (e.offsetLeft < -0.5 || e.offsetLeft + e.offsetWidth > w + 0.5))
        .map((e) => `${e.getAttribute('role')}:${e.getAttribute('aria-label')}`), width);
      check(out.length === 0, `${where}: widgets wider than the ${width} px viewport: ${out.join(', ')}`);
    },
    async press(locator) {
      await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
      await locator.scrollIntoViewIfNeeded();
      await nextFrames(page);
      const box = await locator.boundingBox();
      check(box && box.width > 0 && box.height > 0, 'widget has no box');
      const x = box.x + box.width / 2, y = box.y + box.height / 2;
      if (contextOptions.hasTouch) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
    },
    async fill(name, text, { secret = false } = {}) {
      await d.press(role('textbox', name));
      await page.waitForFunction((n) => [...document.querySelectorAll('#uia-a11y [role=textbox]')]
        .find((e) => e.getAttribute('aria-label') === n)?.getAttribute('data-focused') === 'true', name, { timeout: TIMEOUT })
        .catch(() => { throw new TestFailure(`textbox ${name} did not take focus`); });
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      // One insertText per value (as a paste or an IME commit arrives): registration.test.mjs
      // covers key-by-key typing; here it would only cost time on software GL.
      await page.keyboard.insertText(text);
      if (secret) return nextFrames(page, 3);
      await page.waitForFunction(([n, v]) => [...document.querySelectorAll('#uia-a11y [role=textbox]')]
        .find((e) => e.getAttribute('aria-label') === n)?.getAttribute('data-value') === v, [name, text], { timeout: TIMEOUT })
        .catch(() => { throw new TestFailure(`textbox ${name} did not get ${text}`); });
    },
    value: (name) => role('textbox', name).getAttribute('data-value'),
    async heading(name) {
      await role('heading', name).waitFor({ timeout: TIMEOUT })
        .catch(async () => { throw new TestFailure(`no heading ${name}; alerts ${JSON.stringify(await d.alerts())}`); });
    },
    alerts: () => mirror.getByRole('alert').allTextContents(),
    // Waits for a message box (role=alert, no field) containing `text`.
    async banner(text) {
      const el = mirror.locator('[role=alert]:not([data-field])').filter({ hasText: text });
      await el.first().waitFor({ timeout: TIMEOUT })
        .catch(async () => { throw new TestFailure(`no message "${text}"; alerts ${JSON.stringify(await d.alerts())}`); });
      return el.first().textContent();
    },
    async fieldAlert(field, text) {
      await mirror.locator(`[role=alert][data-field="${field}"]`).filter({ hasText: text }).first().waitFor({ timeout: TIMEOUT })
        .catch(async () => { throw new TestFailure(`no alert "${text}" under ${field}; alerts ${JSON.stringify(await d.alerts())}`); });
    },
    // A fresh captcha picture (the previous one may be spent): its answer typed in.
    async captcha() {
      const fresh = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/captcha' && r.status() === 200, { timeout: TIMEOUT });
      await d.press(role('button', '刷新图形验证码'));
      const issued = await (await fresh).json();
      await page.waitForFunction(() => !/加载/.test(document.querySelector('#uia-a11y [aria-label="刷新图形验证码"]')?.textContent || ''), null, { timeout: TIMEOUT });
      await d.fill('图形验证码', await captchaAnswer(issued.captcha_id));
    },
    // Starts watching a send-code button (call before pressing it); the returned function
    // resolves true once the button has shown "N秒后重发" (its aria-description), disabled. The e2e server's countdown
    // lasts a few seconds: on a loaded machine it can be over before a poll after the response
    // would look, so the watcher sees every change of the mirror instead.
    async watchCountdown(label) {
      await page.evaluate((name) => {
        window.uiaSawCountdown = false;
        const look = () => {
          const b = document.querySelector(`#uia-a11y [role=button][aria-label="${name}"]`);
          if (b && b.getAttribute('aria-disabled') === 'true' && /秒后重发/.test(b.getAttribute('aria-description') || '')) window.uiaSawCountdown = true;
        };
        window.uiaCountdownWatch?.disconnect();
        window.uiaCountdownWatch = new MutationObserver(look);
        window.uiaCountdownWatch.observe(document.getElementById('uia-a11y'), { subtree: true, childList: true, attributes: true, characterData: true });
      }, label);
      return async () => {
        const seen = await page.waitForFunction(() => window.uiaSawCountdown, null, { timeout: TIMEOUT }).then(() => true, () => false);
        await page.evaluate(() => window.uiaCountdownWatch?.disconnect());
        return seen;
      };
    },
    // 获取验证码: the request goes out once, the button counts down, the code is read from the
    // dev inbox. `url` is the endpoint the page should call.
    async requestCode(phone, purpose, url = '/api/v1/sms/codes') {
      if (phone) await waitResend(phone);
      const counted = await d.watchCountdown('获取验证码');
      const sent = page.waitForResponse((r) => new URL(r.url()).pathname === url && r.request().method() === 'POST', { timeout: TIMEOUT });
      await d.press(role('button', '获取验证码'));
      const res = await sent;
      check(res.status() === 202, `${url}: HTTP ${res.status()} ${await res.text()}`);
      if (phone) lastSent.set(phone, Date.now());
      const button = role('button', '获取验证码');
      const countingDown = await counted();
      check(countingDown, `获取验证码 does not count down: ${await button.textContent()}`);
      return phone ? latestCode(phone, purpose) : null;
    },
    // Presses a button and waits for the request it makes.
    async submit(button, pathname, method = null) {
      const answered = page.waitForResponse((r) => {
        const u = new URL(r.url()).pathname;
        return (typeof pathname === 'string' ? u === pathname : pathname.test(u)) && (!method || r.request().method() === method);
      }, { timeout: 20_000 });
      await d.press(role('button', button));
      return answered;
    },
    async tab(name) {
      await d.press(role('tab', name));
      await page.waitForFunction((n) => document.querySelector(`#uia-a11y [role=tab][aria-label="${n}"]`)?.getAttribute('aria-selected') === 'true', name, { timeout: TIMEOUT });
    },
  };
  return d;
}

// Every page the tests open records what its Content-Security-Policy refused (the server sends
// the production policy in dev mode too): a client that breaks its own policy fails the test.
export async function watchPolicyViolations(context) {
  await context.addInitScript(() => {
    window.uiaCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.uiaCspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}
export async function checkNoPolicyViolations(page, where) {
  const violations = await page.evaluate(() => window.uiaCspViolations || []);
  check(violations.length === 0, `${where}: the page broke its Content-Security-Policy: ${violations.join('; ')}`);
}

export async function openClient(browser, label, contextOptions, shotPrefix) {
  const context = await browser.newContext(contextOptions);
  await watchPolicyViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  await page.goto(base, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
  check(await page.evaluate(() => window.uiaStatus) === 'ready', 'client did not start');
  await page.evaluate(() => window.uiaReady);
  await checkNoPolicyViolations(page, label);
  return { context, page, errors, d: driver(page, label, contextOptions, shotPrefix) };
}

// Headless Debian chromium with software WebGL2 (no GPU here), quiet about its own services.
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.UIA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// A test file's main: the screenshot folder, one browser for `body(browser)`, PASS with the time
// or FAIL with the first failure (exit 1).
export function runTest(name, body) {
  (async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const browser = await launchBrowser();
    try {
      await body(browser);
    } finally {
      await browser.close();
    }
    console.log(`${name}: PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })().catch((e) => {
    console.error(`${name}: FAIL:`, e instanceof TestFailure ? e.message : (e.stack || e));
    process.exit(1);
  });
}
