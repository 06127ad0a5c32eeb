// Browser test of the signed-in pages and the self-service flows (plain Node ESM, no runner):
// 手机验证码登录, 个人中心 (masked 基本信息, 修改手机号, 登录设备 with 下线, 修改密码, 退出登录),
// 找回密码 end to end, 账号激活 of imported accounts (through a first SMS sign-in, and through
// the 账号激活 page with a new phone, which makes the server ask for the name), 注销账号.
//
//   tests/e2e/run.sh                       (UIA_E2E_TESTS="personal_centre.test.mjs" for this one)
//
// Needs `uia serve --dev` (captcha answers, SMS codes and face results come from /api/dev/*).
// People are registered over REST to save time; the pages under test are driven through the
// canvas, finding widgets in the accessibility mirror as registration.test.mjs does. Imported
// accounts are created with `$UIA_BIN import persons` into the server's own database
// (UIA_DB_URL, UIA_KEYS_FILE: exported by run.sh). Desktop 1280x800, then a 375x812 phone at
// DPR 2 for the personal centre. Screenshots: $UIA_SCREENSHOTS/centre-*.png.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BASE, SHOTS, RESEND, TIMEOUT, started, TestFailure, check, log, sleep, call, captchaAnswer, waitResend, restSmsCode, latestCode, residentId, rnd, randomPhone, person, maskPhone, registerActive, nextFrames, driver, openClient, runTest,
} from './centre_driver.mjs';

// Screenshots: $UIA_SCREENSHOTS/centre-<viewport>-<step>.png.
const SHOT_PREFIX = 'centre';

// Accounts of an earlier system, as operators load them (no validity dates: step 2 asks for them).
function importPersons(rows) {
  const bin = process.env.UIA_BIN, db = process.env.UIA_DB_URL, keys = process.env.UIA_KEYS_FILE;
  if (!bin || !db || !keys) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uia-import-'));
  const file = path.join(dir, 'persons.csv');
  fs.writeFileSync(file, 'name,id_type,id_number,phone,id_valid_from,id_valid_to\n' +
    rows.map((p) => `${p.name},resident,${p.id},${p.phone},,`).join('\n') + '\n');
  for (let attempt = 0; attempt < 3; attempt++) {  // the server may hold SQLite's write lock a moment
    const r = spawnSync(bin, ['import', 'persons', file, '--db', db, '--keys', keys], { encoding: 'utf8' });
    if (r.status === 0 && JSON.parse(r.stdout).imported === rows.length) return true;
    log('import retry:', r.status, (r.stderr || '').trim().split('\n').pop());
  }
  throw new TestFailure('uia import persons failed');
}


// 手机验证码登录 through the page; returns the sign-in response.
async function smsSignIn(d, phone) {
  await d.heading('用户登录');
  await d.tab('手机验证码登录');
  await d.fill('手机号码', phone);
  await d.captcha();
  const code = await d.requestCode(phone, 'login');
  await d.fill('短信验证码', code);
  return d.submit('登录', '/api/v1/sessions');
}

// Imported with the desktop's people; the phone run opens its activation step 2.
const imported = person('王芳');
let importedReady = false;

async function desktop(browser) {
  const label = 'desktop';
  const opts = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
  console.log(`[${label}] 1280x800`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role } = d;
  try {
    const a = person('欧阳娜娜');
    await registerActive(a);
    log('registered', a.account, 'over REST');

    // ---- Login: the SMS tab, links to the other pages
    await d.heading('用户登录');
    for (const name of ['忘记密码', '账号激活', '注册']) check(await role('button', name).count() === 1, `login: link ${name} missing`);
    await d.tab('手机验证码登录');
    check(await role('textbox', '短信验证码').count() === 1 && await role('textbox', '密码').count() === 0, 'SMS tab: fields');
    // Without a captcha the code is not requested: the page says why.
    await d.fill('手机号码', a.phone);
    await d.press(role('button', '获取验证码'));
    await d.fieldAlert('captcha_answer', '请输入图形验证码');
    await d.shot('login-sms');
    const signIn = await smsSignIn(d, a.phone);
    check(signIn.status() === 201, `SMS sign-in: HTTP ${signIn.status()}`);
    check(!(await page.evaluate(() => document.cookie)).includes('uia_session'), 'the session cookie is readable by script');
    check(!(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).includes((await signIn.json()).token),
      'the token was stored by script');

    // ---- 个人中心 / 基本信息: masked values, level in words
    await d.heading('个人中心');
    await d.banner('登录成功');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="手机号码"]')?.getAttribute('data-value'), null, { timeout: TIMEOUT });
    check(await d.value('手机号码') === maskPhone(a.phone), `phone shown ${await d.value('手机号码')}`);
    check(await d.value('证件号码') === a.id.slice(0, 6) + '********' + a.id.slice(14), `ID shown ${await d.value('证件号码')}`);
    check(await d.value('用户姓名') === '欧阳**', `name shown ${await d.value('用户姓名')}`);
    check(await d.value('用户账号') === a.account, `account shown ${await d.value('用户账号')}`);
    const me = await (await page.request.get(new URL('/api/v1/me', BASE).href)).json();
    const levelName = { 1: '一级实名', 2: '二级实名', 3: '三级实名' }[me.level];
    check(await d.mirror.getByRole('status', { name: `实名等级：${levelName}` }).count() === 1, `level ${me.level} not shown as ${levelName}`);
    await d.shot('info');
    log('基本信息: masked phone, ID number and name;', levelName);

    // ---- 修改手机号: a wrong code first (the server's message under the field), then the right one
    const newPhone = randomPhone();
    await d.tab('修改手机号');
    await d.fill('登录密码', a.password, { secret: true });
    check(await role('button', '显示登录密码').count() === 1, 'password field has no 显示 toggle');
    await d.press(role('button', '显示登录密码'));
    await role('button', '隐藏登录密码').waitFor({ timeout: TIMEOUT });
    check(await role('textbox', '登录密码').getAttribute('data-value') === null, 'a shown password leaks into the mirror');
    await d.fill('新手机号码', newPhone);
    await d.captcha();
    const phoneCode = await d.requestCode(newPhone, 'change_phone');
    await d.fill('短信验证码', phoneCode === '000000' ? '111111' : '000000');
    // A second press while the first request is in flight sends nothing (the answer is held
    // back 600 ms to make the window wide).
    let phoneRequests = 0;
    await page.route('**/api/v1/me/phone', async (route) => { phoneRequests++; await sleep(600); await route.continue(); });
    const confirm = role('button', '确认修改');
    await confirm.scrollIntoViewIfNeeded();
    const box = await confirm.boundingBox();
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/phone', { timeout: 20_000 });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=button][aria-label="确认修改"]')?.getAttribute('aria-disabled') === 'true', null, { timeout: TIMEOUT })
      .catch(() => { throw new TestFailure('确认修改 not disabled while its request is in flight'); });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    let res = await answered;
    await nextFrames(page, 3);
    await page.unroute('**/api/v1/me/phone');
    check(phoneRequests === 1, `确认修改 pressed twice sent ${phoneRequests} requests`);
    const refusal = (await res.json()).error;
    check(res.status() === 400 && refusal.field === 'sms_code', `wrong code: HTTP ${res.status()} ${JSON.stringify(refusal)}`);
    await d.fieldAlert('sms_code', refusal.message);
    check(await role('textbox', '短信验证码').getAttribute('aria-invalid') === 'true', 'SMS field not marked invalid');
    await d.shot('phone-error');
    await d.fill('短信验证码', phoneCode);
    res = await d.submit('确认修改', '/api/v1/me/phone');
    check(res.status() === 200, `change phone: HTTP ${res.status()} ${await res.text()}`);
    await d.banner(maskPhone(newPhone));
    await d.shot('phone-changed');
    await d.tab('基本信息');
    await page.waitForFunction((v) => document.querySelector('#uia-a11y [role=textbox][aria-label="手机号码"]')?.getAttribute('data-value') === v,
      maskPhone(newPhone), { timeout: TIMEOUT }).catch(() => { throw new TestFailure('基本信息 still shows the old phone'); });
    log('修改手机号: no double submit; wrong code shown under its field; changed to', maskPhone(newPhone));

    // ---- 登录设备: this browser (当前设备) and a second sign-in, which is signed out from here
    const other = await call('POST', '/api/v1/sessions', { method: 'password', identifier: a.account, password: a.password,
      ...(await (async () => { const c = await call('GET', '/api/v1/captcha'); return { captcha_id: c.body.captcha_id, captcha_answer: await captchaAnswer(c.body.captcha_id) }; })()) });
    check(other.status === 201, `second sign-in: HTTP ${other.status}`);
    await d.tab('登录设备');
    const items = d.mirror.getByRole('listitem');
    await items.nth(1).waitFor({ timeout: TIMEOUT }).catch(async () => { throw new TestFailure(`devices: ${await items.allTextContents()}`); });
    check(await items.count() === 2, `devices listed: ${await items.count()}`);
    const current = d.mirror.locator('[role=listitem]').filter({ hasText: '当前设备' });
    check(await current.count() === 1, 'no device marked 当前设备');
    check(/Chrome/.test(await current.textContent()), `current device: ${await current.textContent()}`);
    await d.shot('sessions');
    res = await d.submit('下线', /^\/api\/v1\/me\/sessions\/\d+$/, 'DELETE');
    check(res.status() === 204, `revoke: HTTP ${res.status()}`);
    check((await call('GET', '/api/v1/me', null, { Authorization: `Bearer ${other.body.token}` })).status === 401, 'the signed-out device still works');
    await page.waitForFunction(() => document.querySelectorAll('#uia-a11y [role=listitem]').length === 1, null, { timeout: TIMEOUT })
      .catch(() => { throw new TestFailure('the signed-out device is still listed'); });
    log('登录设备: 当前设备 marked, the other device signed out (its token refused)');

    // ---- 修改密码 tab (changed below, after the recovery)
    await d.tab('修改密码');
    for (const name of ['原密码', '新密码', '确认新密码']) check(await role('textbox', name).count() === 1, `修改密码: ${name} missing`);
    await d.shot('password');

    // ---- 退出登录
    res = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(res.status() === 204, `sign out: HTTP ${res.status()}`);
    await d.heading('用户登录');
    await d.banner('退出');
    check((await page.request.get(new URL('/api/v1/me', BASE).href)).status() === 401, 'still signed in after 退出登录');
    log('退出登录: back to login, /me answers 401');

    // ---- 找回密码 end to end (the code goes to the new phone)
    await d.press(role('button', '忘记密码'));
    await d.heading('找回密码');
    await d.fill('用户姓名', a.name);
    await d.fill('证件号码', a.id);
    await d.captcha();
    await d.shot('recovery-identify');
    res = await d.submit('下一步', '/api/v1/recovery');
    check(res.status() === 201, `recovery: HTTP ${res.status()} ${await res.text()}`);
    await d.role('textbox', '手机号码').waitFor({ timeout: TIMEOUT });
    check(await d.value('手机号码') === maskPhone(newPhone), `recovery shows ${await d.value('手机号码')}, not the masked new phone`);
    const recoverCode = await d.requestCode(newPhone, 'recover', new URL(`/api/v1/recovery/${(await res.json()).recovery_id}/sms`, BASE).pathname);
    await d.shot('recovery-sms');
    await d.fill('短信验证码', recoverCode);
    await d.press(role('button', '下一步'));
    const newPassword = 'Nw2026#cd';
    await d.fill('新密码', newPassword, { secret: true });
    await d.fill('确认新密码', newPassword + 'x', { secret: true });
    await d.fieldAlert('password_confirm', '两次输入的密码不一致');
    await d.fill('确认新密码', newPassword, { secret: true });
    await d.shot('recovery-password');
    res = await d.submit('确定', /^\/api\/v1\/recovery\/[^/]+\/password$/);
    check(res.status() === 204, `new password: HTTP ${res.status()} ${await res.text()}`);
    await d.banner('密码已重置');
    await d.shot('recovery-done');
    await d.press(role('button', '去登录'));
    await d.heading('用户登录');
    await d.tab('密码登录');
    await d.fill('用户账号', a.account);
    await d.fill('密码', newPassword, { secret: true });
    await d.captcha();
    res = await d.submit('登录', '/api/v1/sessions');
    check(res.status() === 201, `sign-in with the new password: HTTP ${res.status()}`);
    await d.heading('个人中心');
    log('找回密码: name + ID -> code to', maskPhone(newPhone), '-> new password signs in');

    // ---- 修改密码: a wrong old password (the server's message under it), then every session ends
    await d.tab('修改密码');
    const thirdPassword = 'Cp2026#ef';
    await d.fill('原密码', 'Wrong2026#x', { secret: true });
    await d.fill('新密码', thirdPassword, { secret: true });
    await d.fill('确认新密码', thirdPassword, { secret: true });
    res = await d.submit('确认修改', '/api/v1/me/password', 'PUT');
    const wrongOld = (await res.json()).error;
    check(res.status() === 400 && wrongOld.field === 'old_password', `wrong old password: HTTP ${res.status()}`);
    await d.fieldAlert('old_password', wrongOld.message);
    await d.fill('原密码', newPassword, { secret: true });
    res = await d.submit('确认修改', '/api/v1/me/password', 'PUT');
    check(res.status() === 204, `change password: HTTP ${res.status()} ${await res.text()}`);
    await d.heading('用户登录');
    await d.banner('密码已修改');
    check((await page.request.get(new URL('/api/v1/me', BASE).href)).status() === 401, 'still signed in after 修改密码');
    await d.tab('密码登录');
    await d.fill('用户账号', a.account);
    await d.fill('密码', thirdPassword, { secret: true });
    await d.captcha();
    res = await d.submit('登录', '/api/v1/sessions');
    check(res.status() === 201, `sign-in with the changed password: HTTP ${res.status()}`);
    await d.heading('个人中心');
    log('修改密码: wrong old password shown under its field; the change signs out, the new one signs in');

    // ---- 注销账号: consequences, then ID number + SMS code
    await d.tab('注销账号');
    const effects = await d.mirror.getByRole('status', { name: '账号注销的影响' }).textContent();
    for (const word of ['永久删除', '授权', '不可撤销', '重新用于注册']) check(effects.includes(word), `deletion notice lacks ${word}`);
    check(await role('button', '确认注销').count() === 0, '确认注销 offered before the notice was acknowledged');
    await d.press(role('checkbox', '我已阅读并知晓上述影响'));
    await d.fill('证件号码', a.id);
    const deleteCode = await d.requestCode(newPhone, 'delete_account', '/api/v1/me/deletion/sms');
    await d.fill('短信验证码', deleteCode);
    await d.shot('delete');
    res = await d.submit('确认注销', '/api/v1/me', 'DELETE');
    check(res.status() === 204, `delete: HTTP ${res.status()} ${await res.text()}`);
    await d.heading('用户登录');
    await d.banner('账号已注销');
    const gone = await call('POST', '/api/v1/recovery', { name: a.name, id_number: a.id, ...(await (async () => { const c = await call('GET', '/api/v1/captcha'); return { captcha_id: c.body.captcha_id, captcha_answer: await captchaAnswer(c.body.captcha_id) }; })()) });
    check(gone.status === 404, `the deleted person is still found: HTTP ${gone.status}`);
    log('注销账号: consequences shown first; afterwards the person is not found');

    // ---- 账号激活 of imported accounts
    const b = person('张伟'), c = person('李娜');
    if (!importPersons([b, c, imported])) {
      log('SKIP activation: UIA_BIN / UIA_DB_URL / UIA_KEYS_FILE not set (run through tests/e2e/run.sh)');
    } else {
      importedReady = true;
      // (1) A first SMS sign-in of an imported account lands on step 2 of 账号激活.
      res = await smsSignIn(d, b.phone);
      const body = await res.json();
      check(res.status() === 403 && body.error.next === 'complete_profile', `imported SMS sign-in: HTTP ${res.status()} ${JSON.stringify(body)}`);
      await d.heading('账号激活');
      await role('textbox', '用户账号').waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="用户姓名"]')?.getAttribute('data-value'), null, { timeout: TIMEOUT });
      check(await d.value('用户姓名') === '张*', `step 2 shows the name ${await d.value('用户姓名')}`);
      check(await d.value('手机号码') === maskPhone(b.phone), `step 2 shows the phone ${await d.value('手机号码')}`);
      await d.fill('用户账号', b.account);
      await d.fill('设置密码', b.password, { secret: true });
      await d.fill('确认密码', b.password, { secret: true });
      // The import had no validity dates: asked, with 长期有效 as a choice.
      await d.fill('有效期开始日期', b.validFrom);
      await d.press(role('checkbox', '长期有效'));
      await page.waitForFunction(() => !document.querySelector('#uia-a11y [role=textbox][aria-label="有效期结束日期"]'), null, { timeout: TIMEOUT });
      await d.shot('activation-account');
      res = await d.submit('激活', /^\/api\/v1\/activation\/[^/]+\/account$/);
      check(res.status() === 200, `activate: HTTP ${res.status()} ${await res.text()}`);
      await d.banner('账号已激活');
      await d.shot('activation-done');
      const signed = await call('POST', '/api/v1/sessions', { method: 'sms', phone: b.phone, sms_code: await restSmsCode(b.phone, 'login') });
      check(signed.status === 201, `activated account cannot sign in: HTTP ${signed.status}`);
      log('账号激活 (first SMS sign-in): account, password and 长期有效 validity set; signs in');

      // (2) Through the 账号激活 page with a new phone: the server asks for the name.
      await d.press(role('button', '去登录'));
      await d.press(role('button', '账号激活'));
      await d.heading('账号激活');
      const cPhone = randomPhone();
      await d.fill('证件号码', c.id);
      await d.fill('手机号码', cPhone);
      await d.captcha();
      let code = await d.requestCode(cPhone, 'activate');
      await d.fill('短信验证码', code);
      res = await d.submit('下一步', '/api/v1/activation');
      check(res.status() === 400 && (await res.json()).error.field === 'name', `new phone without name: HTTP ${res.status()}`);
      await role('textbox', '用户姓名').waitFor({ timeout: TIMEOUT }).catch(() => { throw new TestFailure('the name field did not appear'); });
      await d.fieldAlert('name', '姓名');
      await d.shot('activation-name');
      await d.fill('用户姓名', c.name);
      res = await d.submit('下一步', '/api/v1/activation');
      check(res.status() === 201, `activation step 1: HTTP ${res.status()} ${await res.text()}`);
      await role('textbox', '用户账号').waitFor({ timeout: TIMEOUT });
      await d.fill('用户账号', c.account);
      await d.fill('设置密码', c.password, { secret: true });
      await d.fill('确认密码', c.password, { secret: true });
      await d.fill('有效期开始日期', c.validFrom);
      await d.press(role('checkbox', '长期有效'));
      res = await d.submit('激活', /^\/api\/v1\/activation\/[^/]+\/account$/);
      check(res.status() === 200, `activate: HTTP ${res.status()} ${await res.text()}`);
      await d.banner('账号已激活');
      log('账号激活 (new phone): name asked and checked, account set');
    }

    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    console.log(`[${label}] ok`);
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `centre-${label}-failure.png`) }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

// A phone: every tab of the personal centre and the entry pages fit 375 px.
async function mobile(browser) {
  const label = 'mobile';
  const opts = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
  console.log(`[${label}] 375x812 @2x`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  try {
    const p = person('司马相如');
    await registerActive(p);
    await d.heading('用户登录');
    await d.shot('login');
    await d.press(d.role('button', '忘记密码'));
    await d.heading('找回密码');
    await d.shot('recovery');
    await d.press(d.role('button', '返回登录'));
    await d.press(d.role('button', '账号激活'));
    await d.heading('账号激活');
    await d.shot('activation');
    await d.press(d.role('button', '返回登录'));
    const res = await smsSignIn(d, p.phone);
    check(res.status() === 201, `SMS sign-in: HTTP ${res.status()}`);
    await d.heading('个人中心');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="手机号码"]')?.getAttribute('data-value'), null, { timeout: TIMEOUT });
    check(await d.value('手机号码') === maskPhone(p.phone), 'mobile: phone not masked');
    await d.shot('info');
    for (const [tab, name] of [['修改密码', 'password'], ['修改手机号', 'phone'], ['登录设备', 'sessions'], ['注销账号', 'delete']]) {
      await d.tab(tab);
      if (tab === '登录设备') await d.mirror.getByRole('listitem').first().waitFor({ timeout: TIMEOUT });
      if (tab === '注销账号') await d.press(d.role('checkbox', '我已阅读并知晓上述影响'));
      await page.evaluate(() => window.scrollTo(0, 0));
      await d.shot(name);
      await d.fitsWidth(tab);
    }
    const out = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(out.status() === 204, `sign out: HTTP ${out.status()}`);
    await d.heading('用户登录');

    // The later steps of 找回密码 and 账号激活 fit too.
    await d.press(d.role('button', '忘记密码'));
    await d.heading('找回密码');
    await d.fill('用户姓名', p.name);
    await d.fill('证件号码', p.id);
    await d.captcha();
    const started = await d.submit('下一步', '/api/v1/recovery');
    check(started.status() === 201, `recovery: HTTP ${started.status()}`);
    await d.role('textbox', '手机号码').waitFor({ timeout: TIMEOUT });
    const code = await d.requestCode(p.phone, 'recover', `/api/v1/recovery/${(await started.json()).recovery_id}/sms`);
    await d.fill('短信验证码', code);
    await d.shot('recovery-sms');
    await d.press(d.role('button', '下一步'));
    await d.role('textbox', '新密码').waitFor({ timeout: TIMEOUT });
    await d.shot('recovery-password');
    await d.press(d.role('button', '返回登录'));
    if (importedReady) {
      const first = await smsSignIn(d, imported.phone);
      check(first.status() === 403, `imported SMS sign-in: HTTP ${first.status()}`);
      await d.heading('账号激活');
      await d.role('textbox', '用户账号').waitFor({ timeout: TIMEOUT });
      await page.evaluate(() => window.scrollTo(0, 0));
      await d.shot('activation-account');
    }
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    console.log(`[${label}] ok`);
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `centre-${label}-failure.png`) }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

runTest('personal_centre.test', async (browser) => {
  await desktop(browser);
  await mobile(browser);
});
