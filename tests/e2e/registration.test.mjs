// Browser test of the web client's registration form (plain Node ESM, no test runner).
//
//   node tests/e2e/registration.test.mjs
//   UIA_URL=http://127.0.0.1:8080/ UIA_SCREENSHOTS=build/screenshots node tests/e2e/registration.test.mjs
//
// Exit code 0 = pass; otherwise the first failure is printed (and a screenshot saved).
// Widgets are found through the accessibility mirror (API-CONTRACT.md, "Web client:
// accessibility mirror"): getByRole(role, { name }) gives the widget's box, the test clicks the
// centre of that box on the canvas and types. It runs at 1280x800 and as a 375x812 phone.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const URL_ = process.env.UIA_URL || 'http://127.0.0.1:8080/';
const SHOTS = path.resolve(process.env.UIA_SCREENSHOTS || 'build/screenshots');
const TIMEOUT = 10_000;

const INVALID_ID = '110105194912310021';   // check character should be X
const VALID_ID = '11010519491231002X';
const CHECK_DIGIT_MESSAGE = '身份证号码校验位不正确'; // the shared catalogue's ID_NUMBER_CHECK_DIGIT

class TestFailure extends Error {}
function check(cond, message) {
  if (!cond) throw new TestFailure(message);
}
const started = Date.now();
function log(...args) {
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s ` + args.join(' '));
}

// GB 11643 check character for 17 digits.
function residentIdCheckChar(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return '10X98765432'[sum % 11];
}
// A valid resident ID for someone `years` old today (born a month ago minus `years`).
function residentIdForAge(years) {
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  const birth = `${d.getFullYear() - years}${String(d.getMonth() + 1).padStart(2, '0')}${String(Math.min(d.getDate(), 28)).padStart(2, '0')}`;
  const first17 = '110105' + birth + '004';
  return first17 + residentIdCheckChar(first17);
}

// A fresh applicant per run (a dev database keeps earlier registrations): born 1950-1960, so an
// ID card issued at 47 is long-term; a random mobile number keeps clear of SMS rate limits.
function randomApplicant() {
  const r = (n) => Math.floor(Math.random() * n);
  const year = 1950 + r(11), month = 1 + r(12), day = 1 + r(28);
  const mmdd = `${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const first17 = `110105${year}${mmdd}${String(100 + r(899)).padStart(3, '0')}`;
  return {
    id: first17 + residentIdCheckChar(first17),
    validFrom: `${year + 47}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`,
    phone: '13' + String(r(1e9)).padStart(9, '0'),
    account: 'e2e_' + Date.now().toString(36) + r(1000),
  };
}

async function nextFrames(page, n = 2) {
  await page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

async function runScenario(browser, scenario) {
  const { label, contextOptions } = scenario;
  console.log(`[${label}] ${contextOptions.viewport.width}x${contextOptions.viewport.height} @${contextOptions.deviceScaleFactor || 1}x`);
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const pageErrors = [];
  const apiBase = new URL('.', URL_).href;
  let captcha = null;  // the last GET /api/v1/captcha answer the page received
  page.on('response', async (res) => {
    if (new URL(res.url()).pathname === '/api/v1/captcha' && res.status() === 200) {
      try { captcha = await res.json(); } catch { /* not JSON */ }
    }
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text()); });
  const shot = async (name) => {
    const file = path.join(SHOTS, `${label}-${name}.png`);
    await nextFrames(page, 3);
    await page.screenshot({ path: file });
    log('screenshot', path.relative(process.cwd(), file));
  };

  try {
    // ---- Load
    await page.goto(URL_, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
    const status = await page.evaluate(() => [window.uiaStatus, window.uiaError || '']);
    check(status[0] === 'ready', `client did not start: ${status[1]}`);
    await page.evaluate(() => window.uiaReady);
    const mirror = page.locator('#uia-a11y');
    const role = (r, name) => mirror.getByRole(r, { name, exact: true });

    // Click the centre of a widget's box on the canvas (tap on touch devices).
    const press = async (locator) => {
      await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
      await locator.scrollIntoViewIfNeeded();
      await nextFrames(page);
      const box = await locator.boundingBox();
      check(box && box.width > 0 && box.height > 0, 'widget has no box');
      const x = box.x + box.width / 2, y = box.y + box.height / 2;
      if (contextOptions.hasTouch) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
    };
    const focusField = async (name) => {
      const box = role('textbox', name);
      await press(box);
      await page.waitForFunction((n) => {
        const el = [...document.querySelectorAll('#uia-a11y [role=textbox]')].find((e) => e.getAttribute('aria-label') === n);
        return el && el.getAttribute('data-focused') === 'true';
      }, name, { timeout: TIMEOUT });
      return box;
    };
    const valueOf = (name) => role('textbox', name).getAttribute('data-value');
    const waitValue = async (name, expected) => {
      try {
        await page.waitForFunction(([n, v]) => {
          const el = [...document.querySelectorAll('#uia-a11y [role=textbox]')].find((e) => e.getAttribute('aria-label') === n);
          return el && el.getAttribute('data-value') === v;
        }, [name, expected], { timeout: TIMEOUT });
      } catch {
        throw new TestFailure(`${name}: expected value ${JSON.stringify(expected)}, got ${JSON.stringify(await valueOf(name))}`);
      }
    };
    const agreeBox = () => mirror.getByRole('checkbox', { name: '同意《注册协议》与《隐私政策》' });
    const fieldAlerts = (field) => mirror.locator(`[role=alert][data-field="${field}"]`);
    const clearField = async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    };
    const focusedLabel = () => page.evaluate(() => {
      const el = document.querySelector('#uia-a11y [data-focused=true]');
      return el ? el.getAttribute('aria-label') : null;
    });
    const missingGlyphs = () => page.evaluate(() => {
      const texts = [...document.querySelectorAll('#uia-a11y [data-key]:not(.uia-a11y-group)')]
        .map((e) => (e.getAttribute('aria-label') || '') + (e.getAttribute('data-password') ? '' : e.textContent));
      const all = [...new Set(texts.join(''))].join('');
      const n = Module.ccall('uia_missing_glyphs', 'number', ['string'], [all]);
      return n === 0 ? '' : [...all].filter((c) => Module.ccall('uia_missing_glyphs', 'number', ['string'], [c]) > 0).join('');
    });

    // ---- Login page
    await role('heading', '用户登录').waitFor({ timeout: TIMEOUT });
    for (const tab of ['账号', '手机号', '身份证号', '证件号']) check(await role('tab', tab).count() === 1, `login tab ${tab} missing`);
    check(await role('textbox', '密码').count() === 1, 'login: 密码 field missing');
    check(await role('textbox', '图形验证码').count() === 1, 'login: 图形验证码 field missing');
    check(await role('button', '登录').count() === 1, 'login: 登录 button missing');
    check(await role('textbox', '密码').getAttribute('data-value') === null, 'password value must not be exposed');
    let missing = await missingGlyphs();
    check(missing === '', `login page: characters missing from the font: ${missing}`);
    await shot('login');

    // Tabs switch the identifier field.
    await press(role('tab', '手机号'));
    await role('textbox', '手机号码').waitFor({ timeout: TIMEOUT });
    check(await role('tab', '手机号').getAttribute('aria-selected') === 'true', 'tab 手机号 not selected');
    await press(role('tab', '账号'));
    await role('textbox', '用户账号').waitFor({ timeout: TIMEOUT });

    // ---- To the registration page through the mirror
    await press(role('button', '注册'));
    await role('heading', '个人注册').waitFor({ timeout: TIMEOUT });
    for (const name of ['用户账号', '设置密码', '确认密码', '用户姓名', '证件号码', '有效期开始日期', '有效期结束日期', '手机号码', '短信验证码']) {
      check(await role('textbox', name).count() === 1, `registration: textbox ${name} missing`);
    }
    for (const name of ['5年', '10年', '20年', '长期有效']) check(await role('radio', name).count() === 1, `radio ${name} missing`);
    check(await role('combobox', '证件类型').count() === 1, 'combobox 证件类型 missing');
    check(await role('button', '获取验证码').count() === 1, 'button 获取验证码 missing');
    check(await mirror.getByRole('checkbox', { name: '同意《注册协议》与《隐私政策》' }).count() === 1, 'agreement checkbox missing');
    check(await role('button', '注册').count() === 1, 'button 注册 missing');
    check(await mirror.getByRole('alert').count() === 0, 'an untouched form shows no errors');
    missing = await missingGlyphs();
    check(missing === '', `registration page: characters missing from the font: ${missing}`);
    await shot('registration-empty');

    // ---- Document type: other documents ask for gender and date of birth
    await press(role('combobox', '证件类型'));
    await role('option', '护照').waitFor({ timeout: TIMEOUT });
    check(await mirror.getByRole('option').count() === 5, 'the document type list has 5 options');
    await press(role('option', '护照'));
    await role('radio', '男').waitFor({ timeout: TIMEOUT });
    check(await role('textbox', '出生日期').count() === 1, 'passport: 出生日期 missing');
    await press(role('combobox', '证件类型'));
    await role('option', '居民身份证').waitFor({ timeout: TIMEOUT });
    await press(role('option', '居民身份证'));
    // The mirror follows the canvas a frame later on a loaded machine: wait for it, then check.
    const backToResident = await page.waitForFunction(() => {
      const combo = document.querySelector('#uia-a11y [role=combobox][aria-label="证件类型"]');
      return !document.querySelector('#uia-a11y [role=radio][aria-label="男"]') && combo?.getAttribute('data-value') === '居民身份证';
    }, null, { timeout: TIMEOUT }).then(() => true, () => false);
    check(backToResident, 'document type not back to 居民身份证');
    log('document type: 护照 adds gender and date of birth');

    // ---- ID number: a wrong check character, then the right one
    await focusField('证件号码');
    await page.keyboard.type(INVALID_ID);
    await waitValue('证件号码', INVALID_ID);
    const idAlert = fieldAlerts('id_number');
    try {
      await idAlert.filter({ hasText: CHECK_DIGIT_MESSAGE }).waitFor({ timeout: TIMEOUT });
    } catch {
      throw new TestFailure(`no alert "${CHECK_DIGIT_MESSAGE}"; alerts: ${JSON.stringify(await mirror.getByRole('alert').allTextContents())}`);
    }
    check(await mirror.getByRole('alert').filter({ hasText: CHECK_DIGIT_MESSAGE }).count() === 1, 'check-digit alert not found by getByRole');
    check(await role('textbox', '证件号码').getAttribute('aria-invalid') === 'true', '证件号码 not marked aria-invalid');
    // The focused IME input speaks for the field: its name and its error message.
    const imeA11y = await page.evaluate(() => {
      const ime = document.getElementById('uia-ime');
      const d = document.getElementById(ime.getAttribute('aria-describedby') || '');
      return [document.activeElement === ime, ime.getAttribute('aria-label'), d ? d.textContent : null];
    });
    check(imeA11y[0] && imeA11y[1] === '证件号码' && imeA11y[2] === CHECK_DIGIT_MESSAGE, `IME input a11y: ${JSON.stringify(imeA11y)}`);
    await shot('registration-error');

    await clearField();
    await waitValue('证件号码', '');
    await page.keyboard.type(VALID_ID.toLowerCase());  // lower-case x is upper-cased by the field
    await waitValue('证件号码', VALID_ID);
    await page.waitForFunction(() => !document.querySelector('#uia-a11y [role=alert][data-field="id_number"]'), null, { timeout: TIMEOUT })
      .catch(async () => { throw new TestFailure(`ID alert still shown: ${await idAlert.allTextContents()}`); });
    check(await role('textbox', '证件号码').getAttribute('aria-invalid') === null, '证件号码 still aria-invalid');
    log('ID number: check-digit message shown, cleared by a valid number');

    // Editing keys reach the field: Backspace and arrows.
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await waitValue('证件号码', VALID_ID.slice(0, 17));
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await waitValue('证件号码', VALID_ID.slice(1, 17));
    await clearField();
    await page.keyboard.type(VALID_ID);
    await waitValue('证件号码', VALID_ID);

    // Paste (Ctrl+V) and copy (Ctrl+A, Ctrl+C) through the system clipboard.
    if (!contextOptions.isMobile) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(URL_).origin });
      await focusField('用户账号');
      await page.evaluate(() => navigator.clipboard.writeText('paste_test01'));
      await page.keyboard.press('Control+V');
      await waitValue('用户账号', 'paste_test01');
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === 'paste_test01'), null, { timeout: TIMEOUT })
        .catch(() => { throw new TestFailure('Ctrl+C did not copy the field'); });
      await page.keyboard.press('Backspace');
      await waitValue('用户账号', '');
      log('clipboard: Ctrl+V pastes once, Ctrl+C copies');
    }

    // ---- Chinese name: inserted text, a CDP IME composition and DOM composition events
    await focusField('用户姓名');
    await page.keyboard.insertText('张三');
    await waitValue('用户姓名', '张三');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'li', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '李', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '李' });
    await waitValue('用户姓名', '张三李');
    await page.evaluate(() => {
      const ime = document.getElementById('uia-ime');
      ime.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      ime.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'si' }));
      ime.dispatchEvent(new InputEvent('input', { data: 'si', inputType: 'insertCompositionText', isComposing: true }));
      ime.dispatchEvent(new CompositionEvent('compositionend', { data: '四' }));
    });
    await waitValue('用户姓名', '张三李四');
    await page.keyboard.press('Backspace');
    await waitValue('用户姓名', '张三李');
    await page.keyboard.press('Backspace');
    await waitValue('用户姓名', '张三');
    log('Chinese text: insertText, IME composition and Backspace each land exactly once');

    // Tab moves keyboard focus to the next field.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [data-focused=true]')?.getAttribute('aria-label') === '证件号码', null, { timeout: TIMEOUT })
      .catch(async () => { throw new TestFailure(`Tab from 用户姓名 focused ${await focusedLabel()}`); });
    log('Tab: 用户姓名 -> 证件号码');

    // ---- Under 16: no validity dates
    await focusField('证件号码');
    await clearField();
    await page.keyboard.type(residentIdForAge(10));
    await page.waitForFunction(() => !document.querySelector('#uia-a11y [role=textbox][aria-label="有效期开始日期"]'), null, { timeout: TIMEOUT })
      .catch(() => { throw new TestFailure('validity dates still asked for a 10-year-old'); });
    await clearField();
    await page.keyboard.type(VALID_ID);
    await role('textbox', '有效期开始日期').waitFor({ timeout: TIMEOUT });
    log('validity dates hidden for a holder under 16');

    // ---- The rest of the form
    // Against `uia serve --dev` the whole registration goes through: the captcha answer and the
    // SMS code come from the dev endpoints. Any other server (a static file server) only has to
    // produce a clear message.
    const applicant = randomApplicant();
    const live = captcha !== null && (await page.request.get(`${apiBase}api/dev/captcha/${captcha.captcha_id}`)).ok();
    log(live ? 'server: uia serve --dev (full registration)' : 'server: no registration API (expects a clear message)');
    const fill = async (name, text, { secret = false } = {}) => {
      await focusField(name);
      await clearField();
      await page.keyboard.type(text);
      if (!secret) await waitValue(name, text);
      else await nextFrames(page, 3);
    };
    await fill('证件号码', applicant.id);
    await fill('用户账号', applicant.account);
    await fill('设置密码', 'Qw8#kLm2', { secret: true });
    check(await role('textbox', '设置密码').getAttribute('data-value') === null, 'password value exposed');
    check(await role('textbox', '设置密码').textContent() === '', 'password value exposed as text');
    await fill('确认密码', 'Qw8#kL', { secret: true });
    await fieldAlerts('password_confirm').filter({ hasText: '两次输入的密码不一致' }).waitFor({ timeout: TIMEOUT });
    await page.keyboard.type('m2');
    await page.waitForFunction(() => !document.querySelector('#uia-a11y [role=alert][data-field^="password"]'), null, { timeout: TIMEOUT })
      .catch(async () => { throw new TestFailure(`password alerts: ${await mirror.locator('[role=alert][data-field^="password"]').allTextContents()}`); });
    await press(role('radio', '长期有效'));
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=radio][aria-label="长期有效"]')?.getAttribute('aria-checked') === 'true', null, { timeout: TIMEOUT });
    await fill('有效期开始日期', applicant.validFrom);
    await fill('手机号码', applicant.phone);
    if (live) {
      const answer = await (await page.request.get(`${apiBase}api/dev/captcha/${captcha.captcha_id}`)).json();
      await fill('图形验证码', String(answer.answer));
      const sms = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/sms/codes', { timeout: TIMEOUT });
      await press(role('button', '获取验证码'));
      const smsRes = await sms;
      check(smsRes.status() === 202, `POST /api/v1/sms/codes answered ${smsRes.status()}: ${await smsRes.text()}`);
      const inbox = await (await page.request.get(`${apiBase}api/dev/sms?phone=${applicant.phone}`)).json();
      check(inbox.messages && inbox.messages.length > 0, 'no SMS in the dev inbox');
      const code = String(inbox.messages[0].code);
      check(await role('button', '获取验证码').getAttribute('aria-disabled') === 'true', '获取验证码 not disabled during the countdown');
      // A wrong code first: the server's message appears under the SMS field.
      await fill('短信验证码', code === '000000' ? '111111' : '000000');
      if (await agreeBox().getAttribute('aria-checked') !== 'true') await press(agreeBox());
      const rejected = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/persons', { timeout: 20_000 });
      await press(role('button', '注册'));
      const rejectedRes = await rejected;
      const rejection = (await rejectedRes.json()).error || {};
      check(rejectedRes.status() >= 400 && rejectedRes.status() < 500 && rejection.message, `wrong SMS code: HTTP ${rejectedRes.status()}`);
      await fieldAlerts('sms_code').filter({ hasText: rejection.message }).waitFor({ timeout: TIMEOUT })
        .catch(async () => { throw new TestFailure(`server message "${rejection.message}" not shown under the SMS field; alerts ${JSON.stringify(await mirror.getByRole('alert').allTextContents())}`); });
      log('server error shown under its field:', rejection.code, JSON.stringify(rejection.message));
      await fill('短信验证码', code);
    } else {
      await fill('图形验证码', 'abcd');
      await fill('短信验证码', '123456');
    }
    if (await agreeBox().getAttribute('aria-checked') !== 'true') await press(agreeBox());
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=checkbox]')?.getAttribute('aria-checked') === 'true', null, { timeout: TIMEOUT });
    const alerts = await mirror.getByRole('alert').allTextContents();
    check(alerts.length === 0, `valid form still shows alerts: ${JSON.stringify(alerts)}`);
    await role('textbox', '用户账号').scrollIntoViewIfNeeded();
    await shot('registration-valid');

    // ---- Submit: the server's answer (or its absence) is shown, never a hang
    const submitted = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/persons', { timeout: 20_000 });
    await press(role('button', '注册'));
    const submitRes = await submitted.catch(() => null);
    if (live) {
      // Registered: the 人脸识别认证 page shows the ticket and waits for the result.
      check(submitRes && submitRes.status() === 201, `registration failed: HTTP ${submitRes && submitRes.status()} ${submitRes && await submitRes.text()}`);
      const person = await submitRes.json();
      log(`submit: HTTP ${submitRes.status()} ->`, person.status);
      await role('heading', '人脸识别认证').waitFor({ timeout: 20_000 })
        .catch(() => { throw new TestFailure('no 人脸识别认证 page after registering'); });
      await page.waitForFunction((t) => document.querySelector('#uia-a11y [role=textbox][aria-label="核验编号"]')?.getAttribute('data-value') === t,
        person.face_ticket, { timeout: TIMEOUT }).catch(() => { throw new TestFailure('the face page does not show the ticket'); });
      await shot('registration-submitted');
      // ---- Pass the face check (dev endpoint): the waiting page sees it, then sign in
      const face = await page.request.post(`${apiBase}api/dev/face/${person.face_ticket}`, { data: { result: 'pass' } });
      check(face.ok(), `face check: HTTP ${face.status()}`);
      await mirror.locator('[role=alert]:not([data-field])').filter({ hasText: '人脸识别认证通过' }).first().waitFor({ timeout: 20_000 })
        .catch(() => { throw new TestFailure('the face page did not see the passed check'); });
      await press(role('button', '去登录'));
      await role('heading', '用户登录').waitFor({ timeout: TIMEOUT });
      await fill('用户账号', applicant.account);
      await fill('密码', 'Qw8#kLm2', { secret: true });
      const fresh = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/captcha', { timeout: TIMEOUT });
      await press(role('button', '刷新图形验证码'));
      const loginCaptcha = await (await fresh).json();
      await page.waitForFunction(() => !/加载/.test(document.querySelector('#uia-a11y [aria-label="刷新图形验证码"]')?.textContent || ''), null, { timeout: TIMEOUT });
      const loginAnswer = await (await page.request.get(`${apiBase}api/dev/captcha/${loginCaptcha.captcha_id}`)).json();
      await fill('图形验证码', String(loginAnswer.answer));
      const signIn = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/sessions', { timeout: 20_000 });
      await press(role('button', '登录'));
      const signInRes = await signIn;
      const welcome = mirror.locator('[role=alert]:not([data-field])');
      await welcome.first().waitFor({ timeout: 20_000 });
      const welcomeText = await welcome.first().textContent();
      log(`sign in: HTTP ${signInRes.status()} ->`, JSON.stringify(welcomeText));
      check(signInRes.status() === 201 && /登录成功/.test(welcomeText), `sign-in failed: ${welcomeText}`);
      await shot('login-success');
    } else {
      // No registration API: a clear message, and 注册 usable again.
      const answer = mirror.locator('[role=alert]:not([data-field]), [role=status]');
      await answer.first().waitFor({ timeout: 20_000 }).catch(() => { throw new TestFailure('no message after 注册 (request hangs?)'); });
      await page.waitForFunction(() => document.querySelector('#uia-a11y [role=button][aria-label="注册"]')?.getAttribute('aria-disabled') !== 'true', null, { timeout: 20_000 });
      log(`submit: HTTP ${submitRes ? submitRes.status() : '-'} ->`, JSON.stringify(await answer.first().textContent()));
      await shot('registration-submitted');
    }

    // ---- The layout follows the window
    if (!contextOptions.isMobile) {
      await page.setViewportSize({ width: 420, height: 760 });
      await page.waitForFunction(() => {
        const el = document.querySelector('#uia-a11y [role=textbox][aria-label="用户账号"]');
        return el && parseFloat(el.style.width) > 360;
      }, null, { timeout: TIMEOUT }).catch(() => { throw new TestFailure('fields did not widen to the narrow layout after a resize'); });
      await page.setViewportSize(contextOptions.viewport);
      log('resize: narrow layout at 420 px');
    }

    // ---- The parity export answers like `uia validate`
    const verdict = await page.evaluate((v) => JSON.parse(Module.ccall('uia_validate_json', 'string', ['string', 'string'], ['resident-id', v])), INVALID_ID);
    check(verdict.valid === false && verdict.message === CHECK_DIGIT_MESSAGE, `uia_validate_json: ${JSON.stringify(verdict)}`);
    const unknown = await page.evaluate(() => JSON.parse(Module.ccall('uia_validate_json', 'string', ['string', 'string'], ['no-such-kind', 'x'])));
    check(unknown.valid === false && unknown.code === 'KIND_UNKNOWN', `unknown kind: ${JSON.stringify(unknown)}`);

    check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    console.log(`[${label}] ok`);
  } catch (e) {
    const file = path.join(SHOTS, `${label}-failure.png`);
    await page.screenshot({ path: file }).catch(() => {});
    e.message = `[${label}] ${e.message} (screenshot ${file})`;
    throw e;
  } finally {
    await context.close();
  }
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.UIA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic'],
  });
  try {
    await runScenario(browser, { label: 'desktop', contextOptions: { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } });
    await runScenario(browser, {
      label: 'mobile',
      contextOptions: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' },
    });
  } finally {
    await browser.close();
  }
  console.log('registration.test: PASS');
}

main().catch((e) => {
  console.error('registration.test: FAIL:', e instanceof TestFailure ? e.message : (e.stack || e));
  process.exit(1);
});
