// A citizen's whole journey through the web client, as a person does it, at 1280x800 and as a
// 375x812 phone (DPR 2): register a resident with the Chinese name typed as an IME composition,
// wait on the 人脸识别认证 page while the dev face simulator answers (on the desktop the first
// check fails and the page starts a new one), sign in with the password, reload the page and
// still be signed in, change the phone, sign out, recover the password, sign in with it and
// delete the account. The desktop also registers with a passport and uploads the document
// pictures on 上传证明材料 through the browser's file chooser.
//
//   tests/e2e/run.sh          (UIA_E2E_TESTS="citizen_journey.test.mjs" for this one)
//
// Needs `uia serve --dev`: captcha answers, SMS codes and face results come from /api/dev/*.
// Screenshots: $UIA_SCREENSHOTS/journey-<viewport>-<step>.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BASE, SHOTS, TIMEOUT, started, TestFailure, check, log, call, person, randomPhone, maskPhone, nextFrames, openClient, runTest,
} from './centre_driver.mjs';

const SHOT_PREFIX = 'journey';

// The name arrives as an IME composition (pinyin shown while composing, then committed), the
// way a Chinese input method delivers it, through the hidden input the canvas keeps focused.
async function typeWithIme(page, context, d, field, composing, committed) {
  await d.press(d.role('textbox', field));
  const cdp = await context.newCDPSession(page);
  for (let i = 1; i <= composing.length; i++) {
    await cdp.send('Input.imeSetComposition', { text: composing.slice(0, i), selectionStart: i, selectionEnd: i });
  }
  await cdp.send('Input.insertText', { text: committed });
  await page.waitForFunction(([n, v]) => document.querySelector(`#uia-a11y [role=textbox][aria-label="${n}"]`)?.getAttribute('data-value') === v,
    [field, committed], { timeout: TIMEOUT }).catch(async () => { throw new TestFailure(`IME: ${field} shows ${await d.value(field)}, not ${committed}`); });
  await cdp.detach();
}

// Fills 个人注册 up to (not including) 注册; returns after the SMS code is typed.
async function fillRegistration(page, context, d, p, { passport = false } = {}) {
  const { role } = d;
  await d.press(role('button', '注册'));
  await d.heading('个人注册');
  await d.fill('用户账号', p.account);
  await d.fill('设置密码', p.password, { secret: true });
  await d.fill('确认密码', p.password, { secret: true });
  if (passport) {
    await d.press(role('combobox', '证件类型'));
    await d.press(role('option', '护照'));
    await role('radio', '男').waitFor({ timeout: TIMEOUT });
    await d.fill('用户姓名', p.name);
    await d.fill('证件号码', p.id);
    await d.press(role('radio', '男'));
    await d.fill('出生日期', p.birth);
    await d.press(role('radio', '10年'));
    await d.fill('有效期开始日期', p.validFrom);  // 有效期结束日期 follows from 10年
  } else {
    await typeWithIme(page, context, d, '用户姓名', p.pinyin, p.name);
    await d.fill('证件号码', p.id);
    await d.press(role('radio', '长期有效'));
    await d.fill('有效期开始日期', p.validFrom);
  }
  await d.fill('手机号码', p.phone);
  await d.captcha();
  const code = await d.requestCode(p.phone, 'register');
  await d.fill('短信验证码', code);
  const agree = d.mirror.getByRole('checkbox', { name: '同意《注册协议》与《隐私政策》' });
  if (await agree.getAttribute('aria-checked') !== 'true') await d.press(agree);
}

async function signIn(d, account, password) {
  await d.heading('用户登录');
  await d.fill('用户账号', account);
  await d.fill('密码', password, { secret: true });
  await d.captcha();
  return d.submit('登录', '/api/v1/sessions');
}

async function faceResult(ticket, result) {
  const r = await call('POST', `/api/dev/face/${ticket}`, { result });
  check(r.status === 200, `dev face ${result}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

async function journey(browser, label, opts) {
  console.log(`[${label}] ${opts.viewport.width}x${opts.viewport.height} @${opts.deviceScaleFactor || 1}x`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role } = d;
  try {
    const a = { ...person('欧阳娜娜'), pinyin: 'ouyangnana' };

    // ---- 个人注册, the name through the IME
    await fillRegistration(page, context, d, a);
    await d.shot('register');
    let res = await d.submit('注册', '/api/v1/persons');
    check(res.status() === 201, `register: HTTP ${res.status()} ${await res.text()}`);
    const registered = await res.json();
    check(registered.status === 'pending_face' && registered.face_ticket, `register answered ${JSON.stringify(registered)}`);
    log('个人注册: IME-typed name', a.name, '-> pending_face');

    // ---- 人脸识别认证: the ticket is shown and the page waits for the result
    await d.heading('人脸识别认证');
    await page.waitForFunction((t) => document.querySelector('#uia-a11y [role=textbox][aria-label="核验编号"]')?.getAttribute('data-value') === t,
      registered.face_ticket, { timeout: TIMEOUT }).catch(() => { throw new TestFailure('the face page does not show the ticket'); });
    check(await d.mirror.getByRole('status').filter({ hasText: '核验链接' }).count() === 1, 'the face page does not say what to do');
    check(await d.role('textbox', '核验链接').getAttribute('data-value') === registered.face_url, 'the face link is not shown');
    await d.shot('face-waiting');
    let ticket = registered.face_ticket;
    if (label === 'desktop') {
      // A failed check: the page learns it by itself and offers a new one (password + captcha).
      await faceResult(ticket, 'fail');
      await d.banner('人脸识别未通过');
      check(await d.value('用户账号') === a.account, `retry form prefilled with ${await d.value('用户账号')}`);
      await d.fill('密码', a.password, { secret: true });
      await d.captcha();
      await d.shot('face-failed');
      res = await d.submit('重新发起人脸识别', '/api/v1/face/checks');
      check(res.status() === 201, `face retry: HTTP ${res.status()} ${await res.text()}`);
      ticket = (await res.json()).face_ticket;
      await page.waitForFunction((t) => document.querySelector('#uia-a11y [role=textbox][aria-label="核验编号"]')?.getAttribute('data-value') === t,
        ticket, { timeout: TIMEOUT }).catch(() => { throw new TestFailure('the new ticket is not shown'); });
      log('人脸识别: a failed check is seen by the page; a new ticket after password + captcha');
    }
    await faceResult(ticket, 'pass');
    await d.banner('人脸识别认证通过');
    await d.shot('face-passed');
    await d.press(role('button', '去登录'));
    log('人脸识别: passed, seen by the waiting page');

    // ---- Sign in with the password; a reload keeps the session (cookie + CSRF token again)
    res = await signIn(d, a.account, a.password);
    check(res.status() === 201, `sign in: HTTP ${res.status()} ${await res.text()}`);
    await d.heading('个人中心');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
    await d.heading('个人中心');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="用户账号"]')?.getAttribute('data-value'), null, { timeout: TIMEOUT });
    check(await d.value('用户账号') === a.account, `after reload the centre shows ${await d.value('用户账号')}`);
    check(await d.value('用户姓名') === '欧阳**', `name shown ${await d.value('用户姓名')}`);
    log('reload: still signed in, 基本信息 shown');

    // ---- 修改手机号 (an unsafe request after the reload: the CSRF token came back)
    const newPhone = randomPhone();
    await d.tab('修改手机号');
    await d.fill('登录密码', a.password, { secret: true });
    await d.fill('新手机号码', newPhone);
    await d.captcha();
    const phoneCode = await d.requestCode(newPhone, 'change_phone');
    await d.fill('短信验证码', phoneCode);
    res = await d.submit('确认修改', '/api/v1/me/phone');
    check(res.status() === 200, `change phone: HTTP ${res.status()} ${await res.text()}`);
    await d.banner(maskPhone(newPhone));
    await d.shot('phone-changed');
    log('修改手机号 ->', maskPhone(newPhone));

    // ---- 退出登录
    res = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(res.status() === 204, `sign out: HTTP ${res.status()}`);
    await d.heading('用户登录');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
    await d.heading('用户登录');
    log('退出登录: a reload stays signed out');

    // ---- 找回密码 (the code goes to the new phone), then sign in with the new password
    await d.press(role('button', '忘记密码'));
    await d.heading('找回密码');
    await d.fill('用户姓名', a.name);
    await d.fill('证件号码', a.id);
    await d.captcha();
    res = await d.submit('下一步', '/api/v1/recovery');
    check(res.status() === 201, `recovery: HTTP ${res.status()} ${await res.text()}`);
    const recoveryId = (await res.json()).recovery_id;
    await role('textbox', '手机号码').waitFor({ timeout: TIMEOUT });
    check(await d.value('手机号码') === maskPhone(newPhone), `recovery shows ${await d.value('手机号码')}`);
    const recoverCode = await d.requestCode(newPhone, 'recover', `/api/v1/recovery/${recoveryId}/sms`);
    await d.fill('短信验证码', recoverCode);
    await d.press(role('button', '下一步'));
    const newPassword = 'Nw2026#cd';
    await d.fill('新密码', newPassword, { secret: true });
    await d.fill('确认新密码', newPassword, { secret: true });
    res = await d.submit('确定', /^\/api\/v1\/recovery\/[^/]+\/password$/);
    check(res.status() === 204, `new password: HTTP ${res.status()} ${await res.text()}`);
    await d.banner('密码已重置');
    await d.press(role('button', '去登录'));
    res = await signIn(d, a.account, newPassword);
    check(res.status() === 201, `sign in with the recovered password: HTTP ${res.status()}`);
    await d.heading('个人中心');
    log('找回密码: the new password signs in');

    // ---- 注销账号
    await d.tab('注销账号');
    await d.press(role('checkbox', '我已阅读并知晓上述影响'));
    await d.fill('证件号码', a.id);
    const deleteCode = await d.requestCode(newPhone, 'delete_account', '/api/v1/me/deletion/sms');
    await d.fill('短信验证码', deleteCode);
    await d.shot('delete');
    res = await d.submit('确认注销', '/api/v1/me', 'DELETE');
    check(res.status() === 204, `delete: HTTP ${res.status()} ${await res.text()}`);
    await d.heading('用户登录');
    await d.banner('账号已注销');
    res = await signIn(d, a.account, newPassword);
    check(res.status() === 401, `the deleted account still signs in: HTTP ${res.status()}`);
    log('注销账号: done; the account no longer signs in');

    // ---- A passport holder: documents for the review, through the file chooser
    if (label === 'desktop') await passportDocuments(page, context, d);

    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    console.log(`[${label}] ok`);
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `${SHOT_PREFIX}-${label}-failure.png`) }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

// The smallest valid files of each kind the server accepts (it checks the magic bytes).
function sampleFiles(dir) {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const files = { png: path.join(dir, '护照照片页.png'), pdf: path.join(dir, 'residence.pdf'), txt: path.join(dir, 'notes.txt') };
  fs.writeFileSync(files.png, png);
  fs.writeFileSync(files.pdf, pdf);
  fs.writeFileSync(files.txt, 'not a picture');
  return files;
}

async function chooseFile(page, d, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: TIMEOUT });
  await d.press(d.role('button', '选择文件并上传'));
  await (await chooser).setFiles(file);
}

async function passportDocuments(page, context, d) {
  const p = { ...person('John Smith'), id: 'XK' + (1000000 + Math.floor(Math.random() * 8999999)), birth: '1980-01-02', validFrom: '2020-03-01' };
  await page.evaluate(() => window.scrollTo(0, 0));
  await fillRegistration(page, context, d, p, { passport: true });
  let res = await d.submit('注册', '/api/v1/persons');
  check(res.status() === 201, `passport register: HTTP ${res.status()} ${await res.text()}`);
  check((await res.json()).status === 'pending_review', 'a passport registration waits for review');
  await d.heading('上传证明材料');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uia-docs-'));
  const files = sampleFiles(dir);

  // A text file is refused on the page, before any upload.
  let uploads = 0;
  page.on('request', (r) => { if (/\/api\/v1\/persons\/\d+\/documents$/.test(new URL(r.url()).pathname)) uploads++; });
  await chooseFile(page, d, files.txt);
  await d.fieldAlert('data', '仅支持');
  check(uploads === 0, 'a text file was uploaded');

  // 护照照片页 (PNG), then 居留证件 (PDF): each listed as it lands.
  let answered = page.waitForResponse((r) => /\/documents$/.test(new URL(r.url()).pathname), { timeout: 20_000 });
  await chooseFile(page, d, files.png);
  res = await answered;
  check(res.status() === 201, `upload png: HTTP ${res.status()} ${await res.text()}`);
  check(res.request().headers()['x-upload-token'], 'the upload went without its token');
  await d.press(d.role('radio', '居留证件'));
  answered = page.waitForResponse((r) => /\/documents$/.test(new URL(r.url()).pathname), { timeout: 20_000 });
  await chooseFile(page, d, files.pdf);
  res = await answered;
  check(res.status() === 201, `upload pdf: HTTP ${res.status()} ${await res.text()}`);
  const body = await res.json();
  check(body.kind === 'residence_permit' && body.content_type === 'application/pdf', `upload answered ${JSON.stringify(body)}`);
  const listed = d.mirror.getByRole('listitem');
  await listed.nth(1).waitFor({ timeout: TIMEOUT }).catch(() => { throw new TestFailure('the uploaded files are not listed'); });
  const items = await listed.allTextContents();
  check(items.length === 2 && /^护照照片页：护照照片页\.png（1 KB）$/.test(items[0]) && /^居留证件：residence\.pdf（1 KB）$/.test(items[1]),
    `uploaded list: ${JSON.stringify(items)}`);
  await d.shot('documents');
  await d.press(d.role('button', '提交审核'));
  await d.banner('材料已提交');
  await d.shot('documents-submitted');
  fs.rmSync(dir, { recursive: true, force: true });
  log('上传证明材料: a text file refused on the page; PNG and PDF uploaded with the token and listed');
}

runTest('citizen_journey.test', async (browser) => {
  await journey(browser, 'desktop', { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await journey(browser, 'phone', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
});
