// Browser test of 扫码登录 (QR-code login), two browsers at once (plain Node ESM, no runner):
// a desktop (1280x800) shows the QR code on the login page's 扫码登录 tab; a phone (375x812,
// DPR 2, touch) opens the code's link, is asked to sign in first, signs in and comes back to
// 扫码登录确认 (which device asks), confirms; the desktop follows (已扫码，请在手机上确认) and ends
// signed in on 个人中心. Then a second desktop's code is opened in the phone's running page (the
// #fragment changes, no reload) and cancelled: the desktop says so and 刷新二维码 gives a new code.
// Expiry after 2 minutes is covered by the REST suite (rest_qr_login_test.cpp, manual clock).
//
//   UIA_E2E_TESTS="qr_login.test.mjs" tests/e2e/run.sh
//
// Screenshots: $UIA_SCREENSHOTS/qr-<viewport>-<step>.png.
import {
  BASE, TIMEOUT, check, log, person, registerActive, driver, openClient, runTest,
} from './centre_driver.mjs';

const SHOT_PREFIX = 'qr';
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

// The 扫码状态 line's text, waited for until it matches.
async function waitStatus(d, page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(
    document.querySelector('#uia-a11y [role=status][aria-label="扫码状态"]')?.textContent || ''), pattern.source, { timeout: 20_000 })
    .catch(async () => {
      throw new Error(`扫码状态 never matched ${pattern}: "${await d.role('status', '扫码状态').textContent().catch(() => '')}"`);
    });
}

// The desktop's 扫码登录 tab: the QR code drawn, its link in the mirror (the picture's text).
async function showQr(d, page) {
  await d.heading('用户登录');
  await d.tab('扫码登录');
  await waitStatus(d, page, /^等待扫码$/);
  const image = d.role('img', '登录二维码');
  await page.waitForFunction(() => /#\/qr\?ticket=/.test(document.querySelector('#uia-a11y [role=img][aria-label="登录二维码"]')?.textContent || ''),
    null, { timeout: TIMEOUT });
  const link = await image.textContent();
  check(link.startsWith(new URL(BASE).origin + '/#/qr?ticket='), `QR link ${link}`);
  const countdown = await d.role('status', '二维码有效期').textContent();
  check(/^二维码有效期剩余 1[012]\d 秒$/.test(countdown), `countdown: ${countdown}`);
  return link;
}

async function passwordSignIn(d, p) {
  await d.fill('用户账号', p.account);
  await d.fill('密码', p.password, { secret: true });
  await d.captcha();
  return d.submit('登录', '/api/v1/sessions');
}

runTest('qr_login', async (browser) => {
  const p = person('诸葛明');
  await registerActive(p);
  log('registered', p.account, 'over REST');

  // ---- desktop: the QR code
  console.log('[desktop] 1280x800');
  const desk = await openClient(browser, 'desktop', DESKTOP, SHOT_PREFIX);
  const link = await showQr(desk.d, desk.page);
  await desk.d.shot('qr');
  log('desktop shows the QR code:', link.replace(/ticket=.*/, 'ticket=…'));

  // ---- phone: opens the link without a session, signs in, comes back to the question
  console.log('[phone] 375x812 @2x');
  const phoneContext = await browser.newContext(PHONE);
  const phone = await phoneContext.newPage();
  const phoneErrors = [];
  phone.on('pageerror', (e) => phoneErrors.push(e.message));
  await phone.goto(link, { waitUntil: 'domcontentloaded' });
  await phone.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
  await phone.evaluate(() => window.uiaReady);
  const m = driver(phone, 'phone', PHONE, SHOT_PREFIX);
  await m.heading('用户登录');
  await m.banner('请先登录，登录后将继续确认扫码登录');
  await m.shot('sign-in-first');
  // The 扫码登录 tab fits a phone too (its own code; not the one being confirmed here).
  await showQr(m, phone);
  await m.shot('qr-tab');
  await m.tab('密码登录');
  const scanned = phone.waitForResponse((r) => /\/api\/v1\/qr-logins\/[^/]+\/scan$/.test(new URL(r.url()).pathname), { timeout: 120_000 });
  scanned.catch(() => {});  // awaited below; a timeout must not end the process first
  const signedIn = await passwordSignIn(m, p);
  check(signedIn.status() === 201, `phone sign-in: HTTP ${signedIn.status()}`);
  check((await scanned).status() === 200, 'scan after signing in');
  await m.heading('扫码登录确认');
  await m.role('button', '确认登录').waitFor({ timeout: TIMEOUT });
  const device = await m.value('登录设备');
  check(/Chrome 浏览器 · Linux/.test(device), `登录设备 shows ${device}`);
  check(await m.value('IP地址') === '127.0.0.1', `IP地址 shows ${await m.value('IP地址')}`);
  check(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(await m.value('请求时间')), `请求时间 shows ${await m.value('请求时间')}`);
  check(!(await phone.evaluate(() => location.hash)), 'the ticket stays in the address bar');
  await m.shot('confirm');
  log('phone: signed in first, then asked about', device);

  // ---- desktop: knows it was scanned, by whom (masked)
  await waitStatus(desk.d, desk.page, /^已扫码，请在手机上确认$/);
  const who = await desk.d.role('status', '扫码账号').textContent();
  check(who === '扫码账号：诸**', `scanned by ${who}`);
  await desk.d.shot('scanned');

  // ---- phone confirms; the desktop signs in
  const confirmed = await m.submit('确认登录', /\/api\/v1\/qr-logins\/[^/]+\/confirm$/);
  check(confirmed.status() === 200, `confirm: HTTP ${confirmed.status()}`);
  await m.banner('已确认登录');
  await m.shot('confirmed');
  await desk.d.heading('个人中心');
  await desk.d.banner('登录成功');
  const me = await (await desk.page.request.get(new URL('/api/v1/me', BASE).href)).json();
  check(me.account === p.account, `desktop is signed in as ${me.account}`);
  await desk.d.shot('signed-in');
  log('desktop signed in on 个人中心 through the phone');

  // ---- a second desktop; the phone (its page still open) opens the code and cancels
  const desk2 = await openClient(browser, 'desktop2', DESKTOP, SHOT_PREFIX);
  const link2 = await showQr(desk2.d, desk2.page);
  check(link2 !== link, 'a new ticket');
  await m.press(m.role('button', '返回个人中心'));
  await m.heading('个人中心');
  await phone.goto(link2);  // only the #fragment differs: the running client follows it
  await m.heading('扫码登录确认');
  await m.role('button', '取消').waitFor({ timeout: TIMEOUT });
  const cancelled = await m.submit('取消', /\/api\/v1\/qr-logins\/[^/]+\/cancel$/);
  check(cancelled.status() === 200, `cancel: HTTP ${cancelled.status()}`);
  // An information box (role=status), not an alert: nothing went wrong.
  await m.mirror.locator('[role=status]').filter({ hasText: '已取消本次扫码登录' }).first().waitFor({ timeout: TIMEOUT });
  await m.shot('cancelled');
  await waitStatus(desk2.d, desk2.page, /^已在手机上取消登录$/);
  await desk2.d.shot('cancelled');
  const fresh = desk2.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/qr-logins' && r.status() === 201, { timeout: TIMEOUT });
  await desk2.d.press(desk2.d.role('button', '刷新二维码'));
  await fresh;
  await waitStatus(desk2.d, desk2.page, /^等待扫码$/);
  const link3 = await desk2.d.role('img', '登录二维码').textContent();
  check(link3 !== link2 && link3.includes('#/qr?ticket='), 'refresh gives a new code');
  log('cancelled on the phone; 刷新二维码 gave a new code');

  const errors = [...desk.errors, ...desk2.errors, ...phoneErrors];
  check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  await desk.context.close();
  await desk2.context.close();
  await phoneContext.close();
});
