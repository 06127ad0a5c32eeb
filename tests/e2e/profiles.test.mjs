// The web client follows the province profile (issue 15): the same pages under `uia serve --dev
// --profile hubei` and `--profile hainan`, each started here (profile_server.mjs), at 1280x800
// and as a 375x812 phone (DPR 2).
//   hubei (manual 001): the login page signs in by 手机号 / 身份证号 / 证件号 (no account name);
//     registration has no 用户账号 field and shows the 温馨提示 on registration hours; a password
//     without an upper-case letter is refused with the upper/lower message (and reads 弱); the
//     registered person signs in with the phone and the centre says 初级认证.
//   hainan (manual 003): the ID number is the login name (账号（身份证号）), registration says so;
//     the password must not be the name's pinyin; after the face check the person signs in
//     with the ID number and the centre says LV.3.
//
//   UIA_E2E_TESTS="profiles.test.mjs" tests/e2e/run.sh
//
// Screenshots: $UIA_SCREENSHOTS/profiles-<profile>-<viewport>-<step>.png.
import { spawnSync } from 'node:child_process';
import {
  TIMEOUT, TestFailure, check, log, call, randomPhone, openClient, runTest, useServer,
} from './centre_driver.mjs';
import { startProfileServer } from './profile_server.mjs';

const uiaBin = process.env.UIA_BIN ?? 'build/uia';

// What the shared rules say about a value under a profile (`uia validate --profile`): the
// messages the page must show come from the same catalogue, not from this file.
function verdict(profile, kind, value) {
  const out = spawnSync(uiaBin, ['validate', '--profile', profile, kind, value], { encoding: 'utf8' });
  return JSON.parse(out.stdout);
}

// A resident of the profile's own province (001's registration hours bind other provinces'
// residents only), born 1950-1960 so that an ID card issued at 47 is long-term.
function resident(region, name) {
  const r = (n) => Math.floor(Math.random() * n);
  const year = 1950 + r(11), mm = String(1 + r(12)).padStart(2, '0'), dd = String(1 + r(28)).padStart(2, '0');
  const first17 = `${region}${year}${mm}${dd}${String(100 + r(899))}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return { name, id: first17 + '10X98765432'[sum % 11], validFrom: `${year + 47}-${mm}-${dd}`, phone: randomPhone() };
}

const status = (d, text) => d.mirror.getByRole('status').filter({ hasText: text });

async function expectStatus(d, text, where) {
  await status(d, text).first().waitFor({ timeout: TIMEOUT })
    .catch(async () => { throw new TestFailure(`${where}: no status "${text}"; statuses ${JSON.stringify(await d.mirror.getByRole('status').allTextContents())}`); });
}

// Fills 个人注册 (no account field under either profile) up to the agreement.
async function fillRegistration(d, p, password) {
  const { role } = d;
  await d.fill('设置密码', password, { secret: true });
  await d.fill('确认密码', password, { secret: true });
  await d.fill('用户姓名', p.name);
  await d.fill('证件号码', p.id);
  await d.press(role('radio', '长期有效'));
  await d.fill('有效期开始日期', p.validFrom);
  await d.fill('手机号码', p.phone);
  await d.captcha();
  await d.fill('短信验证码', await d.requestCode(p.phone, 'register'));
  const agree = d.mirror.getByRole('checkbox', { name: '同意《注册协议》与《隐私政策》' });
  if (await agree.getAttribute('aria-checked') !== 'true') await d.press(agree);
}

// The banner names the profile's platform in the heading font: every character must be there.
async function bannerGlyphs(d, page, where) {
  const name = (await call('GET', '/api/v1/profile')).body.platform_name;
  const missing = await page.evaluate((text) => [...text].filter((ch) => Module.ccall('uia_missing_heading_glyphs', 'number', ['string'], [ch]) > 0).join(''), name);
  check(missing === '', `${where}: the banner's ${name} lacks ${missing} in the heading font`);
}

async function signIn(d, tab, field, identifier, password) {
  await d.heading('用户登录');
  await d.tab(tab);
  await d.fill(field, identifier);
  await d.fill('密码', password, { secret: true });
  await d.captcha();
  const res = await d.submit('登录', '/api/v1/sessions');
  check(res.status() === 201, `sign-in by ${tab}: HTTP ${res.status()} ${await res.text()}`);
  await d.heading('个人中心');
}

async function hubei(browser, label, opts) {
  const { context, page, errors, d } = await openClient(browser, `hubei-${label}`, opts, 'profiles');
  const { role } = d;
  try {
    // ---- 用户登录: 手机号 / 身份证号 / 证件号; no account name; QR sign-in, no SMS sign-in (001 1.3)
    await d.heading('用户登录');
    await bannerGlyphs(d, page, 'hubei');
    for (const tab of ['手机号', '身份证号', '证件号', '密码登录', '扫码登录'])
      check(await role('tab', tab).count() === 1, `hubei login: tab ${tab} missing`);
    check(await role('tab', '账号').count() === 0, 'hubei login: a 账号 tab (001 has no login name)');
    check(await role('tab', '手机验证码登录').count() === 0, 'hubei login: SMS sign-in (not in 001)');
    await d.tab('证件号');
    // 证件号 takes any document the profile registers (a passport here), not only resident IDs.
    await d.fill('证件号码', 'E12345678');
    check(await d.mirror.locator('[role=alert][data-field="identifier"]').count() === 0, 'hubei login: a passport number refused under 证件号');
    await d.shot('login');

    // ---- 个人注册: no 用户账号; the 温馨提示; the password rule of 001
    await d.press(role('button', '注册'));
    await d.heading('个人注册');
    check(await role('textbox', '用户账号').count() === 0, 'hubei registration: a 用户账号 field');
    await expectStatus(d, '温馨提示：中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册', 'hubei registration');
    await expectStatus(d, '无需设置用户账号', 'hubei registration');
    const refused = verdict('hubei', 'password', 'abcdefg1!');
    check(!refused.valid && refused.detail === 'PASSWORD_UPPER_LOWER', `uia validate --profile hubei: ${JSON.stringify(refused)}`);
    await d.fill('设置密码', 'abcdefg1!', { secret: true });
    await d.fieldAlert('password', refused.message);
    await expectStatus(d, '密码强度：弱', 'hubei: a refused password');
    await d.shot('register-refused');

    const p = resident('420106', '张三');
    const password = 'Abcdefg1!xy';
    await fillRegistration(d, p, password);
    await expectStatus(d, '密码强度：强', 'hubei: an accepted password');
    check((await d.alerts()).length === 0, `hubei registration: alerts ${JSON.stringify(await d.alerts())}`);
    await d.shot('register');
    const res = await d.submit('注册', '/api/v1/persons');
    check(res.status() === 201, `hubei register: HTTP ${res.status()} ${await res.text()}`);
    const registered = await res.json();
    check(registered.status === 'active', `hubei register (no face step, 001 1.2): ${JSON.stringify(registered)}`);
    log(`hubei ${label}: registered without an account name -> ${registered.status}`);

    // ---- Sign in with the phone; the centre names the level on 001's ladder
    await d.press(role('button', '返回登录'));
    await signIn(d, '手机号', '手机号码', p.phone, password);
    await expectStatus(d, '实名等级：初级认证', 'hubei centre');
    await d.shot('centre');
    log(`hubei ${label}: signed in by phone, 实名等级 初级认证`);
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

async function hainan(browser, label, opts) {
  const { context, page, errors, d } = await openClient(browser, `hainan-${label}`, opts, 'profiles');
  const { role } = d;
  try {
    // ---- 用户登录: the ID number is the account
    await d.heading('用户登录');
    await bannerGlyphs(d, page, 'hainan');
    for (const tab of ['账号（身份证号）', '手机号', '密码登录', '手机验证码登录', '扫码登录'])
      check(await role('tab', tab).count() === 1, `hainan login: tab ${tab} missing`);
    check(await role('tab', '账号').count() === 0 && await role('tab', '证件号').count() === 0, 'hainan login: tabs of another profile');
    await d.shot('login');

    // ---- 个人注册: the login name is the ID number; no name pinyin in the password (003 2.1.2②)
    await d.press(role('button', '注册'));
    await d.heading('个人注册');
    check(await role('textbox', '用户账号').count() === 0, 'hainan registration: a 用户账号 field');
    await expectStatus(d, '您的证件号码即为登录名', 'hainan registration');
    check(await status(d, '温馨提示').count() === 0, 'hainan registration: 001 registration hours shown');
    const p = resident('460105', '张三');
    await d.fill('用户姓名', p.name);
    await d.fill('设置密码', 'zhangsan#2024', { secret: true });
    await d.fieldAlert('password', '姓名拼音');
    await expectStatus(d, '密码强度：弱', 'hainan: the name pinyin');
    await d.shot('register-pinyin');

    const password = 'Qx7!mnpz2026';
    await fillRegistration(d, p, password);
    check((await d.alerts()).length === 0, `hainan registration: alerts ${JSON.stringify(await d.alerts())}`);
    await d.shot('register');
    const res = await d.submit('注册', '/api/v1/persons');
    check(res.status() === 201, `hainan register: HTTP ${res.status()} ${await res.text()}`);
    const registered = await res.json();
    check(registered.status === 'pending_face' && registered.face_ticket, `hainan register (2.1.1 (5) face): ${JSON.stringify(registered)}`);

    // ---- 人脸识别 passes (dev simulator): the account is at LV.3
    await d.heading('人脸识别认证');
    const face = await call('POST', `/api/dev/face/${registered.face_ticket}`, { result: 'pass' });
    check(face.status === 200, `dev face: HTTP ${face.status}`);
    await d.banner('账号已激活（LV.3）');
    await d.press(role('button', '去登录'));

    // ---- Sign in with the ID number as the account name
    await signIn(d, '账号（身份证号）', '身份证号码', p.id, password);
    await expectStatus(d, '实名等级：LV.3', 'hainan centre');
    check(await role('textbox', '用户账号').count() === 0, 'hainan centre: a 用户账号 row (the ID number is the login name)');
    await d.shot('centre');
    log(`hainan ${label}: registered, face passed, signed in by ID number, 实名等级 LV.3`);
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

const desktop = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

runTest('profiles.test', async (browser) => {
  for (const [profile, scenario] of [['hubei', hubei], ['hainan', hainan]]) {
    const server = await startProfileServer(profile);
    try {
      useServer(server.url);
      console.log(`[${profile}] ${server.url}`);
      await scenario(browser, 'desktop', desktop);
      await scenario(browser, 'mobile', phone);
    } finally {
      await server.stop();
    }
  }
});
