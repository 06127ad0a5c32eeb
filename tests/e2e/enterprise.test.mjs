// Browser test of the 法人 (enterprise) pages (issue 5): 法人注册 through the page (live USCC check,
// password strength, SMS code, the legal representative's face check), 法人登录 by USCC on the
// login page's second tab, 法人中心 (企业信息 masked, 法定代表人信息, 修改联系手机, 信息变更),
// 退出登录, 法人找回密码, 修改密码; and on a phone an enterprise the registry does not know yet:
// registered "unverified", refused at sign-in with the reason, verified by
// /api/dev/registry/recheck, then signed in; and 企业账号激活 of a registry import.
//
//   UIA_E2E_TESTS="enterprise.test.mjs" tests/e2e/run.sh
//
// The legal representative is registered over REST first (a real-name person, face passed), as
// the other browser tests do; the registry simulator is seeded through /api/dev/registry/{uscc}.
// Desktop 1280x800, then a 375x812 phone at DPR 2. Screenshots: $UIA_SCREENSHOTS/enterprise-*.png.
import {
  TIMEOUT, check, log, call, latestCode, rnd, randomPhone, person, maskPhone, registerActive, nextFrames, openClient, runTest,
} from './centre_driver.mjs';
import { company, passFace, registerThroughPage, enterpriseSignIn } from './enterprise_driver.mjs';

const SHOT_PREFIX = 'enterprise';

const rep = person('陈建国');

async function desktop(browser) {
  const label = 'desktop';
  const opts = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
  console.log(`[${label}] 1280x800`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role, mirror } = d;
  try {
    await registerActive(rep);
    log('legal representative', rep.account, 'registered over REST');
    const c = company('长春星河科技有限公司');
    const seeded = await call('PUT', `/api/dev/registry/${c.uscc}`, { name: c.name, legal_rep_name: rep.name, legal_rep_id_number: rep.id });
    check(seeded.status === 200, `seed registry: HTTP ${seeded.status}`);

    await d.heading('用户登录');
    for (const name of ['个人登录', '法人登录']) check(await role('tab', name).count() === 1, `login: tab ${name} missing`);
    await d.tab('法人登录');
    for (const name of ['法人找回密码', '企业账号激活', '法人注册']) check(await role('button', name).count() === 1, `法人登录: link ${name} missing`);
    await d.shot('login');

    const answer = await registerThroughPage(d, page, c, rep, 'register-filled');
    check(answer.status === 'pending_face' && answer.registry_confirmed === true, `registration answer ${JSON.stringify(answer)}`);
    await passFace(d, page, answer);
    await d.banner('法人注册成功');
    await d.shot('registered');
    await d.press(role('button', '去法人登录'));

    // ---- 法人登录 by USCC
    const signIn = await enterpriseSignIn(d, c.uscc, c.password);
    check(signIn.status() === 201, `法人登录: HTTP ${signIn.status()} ${await signIn.text()}`);
    await d.heading('法人中心');
    await d.banner('登录成功');
    const tabs = ['企业信息', '法定代表人信息', '修改密码', '修改联系手机', '信息变更', '法定代表人变更'];
    for (const name of tabs) check(await role('tab', name).count() === 1, `法人中心: tab ${name} missing`);
    await page.waitForFunction((u) => document.querySelector('#uia-a11y [role=textbox][aria-label="统一社会信用代码"]')?.getAttribute('data-value') === u,
      c.uscc, { timeout: TIMEOUT });
    check(await d.value('法人名称') === c.name, 'centre: name');
    check(await d.value('联系手机') === maskPhone(c.phone), `centre: phone not masked: ${await d.value('联系手机')}`);
    check(await role('status', '实名状态：已核验（实名用户）').count() === 1, 'centre: verified status');
    check((await d.value('企业注册地址')) !== '—', 'centre: extended registry details');
    await d.shot('centre-info');

    await d.tab('法定代表人信息');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="法定代表人姓名"]'), null, { timeout: TIMEOUT });
    check(await d.value('法定代表人姓名') === rep.name[0] + '*'.repeat([...rep.name].length - 1), `rep name not masked: ${await d.value('法定代表人姓名')}`);
    check(await d.value('证件号码') === rep.id.slice(0, 6) + '********' + rep.id.slice(14), `rep id not masked: ${await d.value('证件号码')}`);
    await d.shot('centre-rep');

    // ---- 修改联系手机: login password, a code to the new number
    await d.tab('修改联系手机');
    const newPhone = randomPhone();
    await d.fill('登录密码', c.password, { secret: true });
    await d.fill('新手机号码', newPhone);
    await d.captcha();
    const code = await d.requestCode(newPhone, 'enterprise_change_phone');
    await d.fill('短信验证码', code);
    await d.shot('centre-phone');
    const changed = await d.submit('确认修改', /\/api\/v1\/enterprises\/\d+\/phone$/, 'PUT');
    check(changed.status() === 200, `修改联系手机: HTTP ${changed.status()} ${await changed.text()}`);
    await d.banner('联系手机已修改');
    check(await d.value('当前联系手机') === maskPhone(newPhone), `new phone not shown: ${await d.value('当前联系手机')}`);

    // ---- 信息变更: the USCC is read-only; a name the registry does not record is refused
    await d.tab('信息变更');
    check(await d.value('统一社会信用代码') === c.uscc, 'info change: USCC shown');
    await d.fill('法人名称', '长春星河智能科技有限公司');
    const refused = await d.submit('变更', /\/api\/v1\/enterprises\/\d+\/info$/, 'PUT');
    check(refused.status() === 400, `信息变更 with another name: HTTP ${refused.status()}`);
    await d.fieldAlert('name', '工商登记信息不一致');
    await d.shot('centre-change');

    await d.tab('法定代表人变更');
    await d.shot('centre-change-rep');

    // ---- 退出登录
    const out = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(out.status() === 204, `退出登录: HTTP ${out.status()}`);
    await d.heading('用户登录');
    await d.banner('您已安全退出登录');
    check(await role('tab', '法人登录').getAttribute('aria-selected') === 'true', 'signed out onto the 法人登录 tab');

    // ---- 法人找回密码: account + representative → SMS to the phone on file → new password
    await d.press(role('button', '法人找回密码'));
    await d.heading('法人找回密码');
    await d.fill('法人账号', c.account);
    await d.fill('法定代表人姓名', rep.name);
    await d.fill('法定代表人证件号码', rep.id);
    await d.captcha();
    await d.shot('recovery-identify');
    const started = await d.submit('下一步', '/api/v1/enterprises/recovery', 'POST');
    check(started.status() === 201, `法人找回密码: HTTP ${started.status()} ${await started.text()}`);
    check(await d.value('预留手机号码') === maskPhone(newPhone), 'recovery: the masked phone on file');
    await d.fill('短信验证码', await latestCode(newPhone, 'enterprise_recover'));
    await d.shot('recovery-sms');
    await d.press(role('button', '下一步'));
    const newPassword = 'Qy2027#xyz';
    await d.fill('新密码', newPassword, { secret: true });
    await d.fill('确认新密码', newPassword, { secret: true });
    const reset = await d.submit('保存', /\/api\/v1\/enterprises\/recovery\/[^/]+\/password$/, 'POST');
    check(reset.status() === 204, `法人找回密码 finish: HTTP ${reset.status()} ${await reset.text()}`);
    await d.banner('密码已重置');
    await d.shot('recovery-done');
    await d.press(role('button', '去法人登录'));

    // ---- 修改密码 in the centre ends the session: back to 法人登录 with the reason
    const again = await enterpriseSignIn(d, c.account, newPassword);
    check(again.status() === 201, `法人登录 with the new password: HTTP ${again.status()}`);
    await d.heading('法人中心');
    await d.tab('修改密码');
    await d.fill('原密码', newPassword, { secret: true });
    await d.fill('新密码', c.password, { secret: true });
    await d.fill('确认新密码', c.password, { secret: true });
    await d.shot('centre-password');
    const pw = await d.submit('保存', /\/api\/v1\/enterprises\/\d+\/password$/, 'PUT');
    check(pw.status() === 204, `修改密码: HTTP ${pw.status()} ${await pw.text()}`);
    await d.heading('用户登录');
    await d.banner('密码已修改');
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

// A phone: the unverified case end to end at 375 px.
async function phone(browser) {
  const label = 'phone';
  const opts = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
  console.log(`[${label}] 375x812 @2x`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role, mirror } = d;
  try {
    // The simulated registry knows nothing of a "待核" enterprise yet.
    const c = company('长春待核新设有限公司');
    await d.heading('用户登录');
    await d.tab('法人登录');
    await d.shot('login');
    const answer = await registerThroughPage(d, page, c, rep, 'register-filled');
    check(answer.registry_confirmed === false, `registration answer ${JSON.stringify(answer)}`);
    await passFace(d, page, answer);
    await mirror.locator('[role=status]').filter({ hasText: '未实名用户' }).first().waitFor({ timeout: 20_000 });
    await d.shot('registered-unverified');
    await d.press(role('button', '去法人登录'));

    // Sign-in says what the account waits for.
    let signIn = await enterpriseSignIn(d, c.uscc, c.password);
    check(signIn.status() === 403, `unverified sign-in: HTTP ${signIn.status()}`);
    await mirror.locator('[role=status]').filter({ hasText: '尚未通过工商登记信息核验' }).first().waitFor({ timeout: TIMEOUT });
    await d.shot('login-unverified');

    // The registry records it now; one re-check pass verifies the account.
    check((await call('PUT', `/api/dev/registry/${c.uscc}`, { name: c.name, legal_rep_name: rep.name, legal_rep_id_number: rep.id })).status === 200, 'seed');
    const pass = await call('POST', '/api/dev/registry/recheck', {});
    check(pass.status === 200 && pass.body.verified >= 1, `recheck: ${JSON.stringify(pass.body)}`);
    signIn = await enterpriseSignIn(d, c.account, c.password);
    check(signIn.status() === 201, `verified sign-in: HTTP ${signIn.status()} ${await signIn.text()}`);
    await d.heading('法人中心');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=status][aria-label^="实名状态"]'), null, { timeout: TIMEOUT });
    check(await role('status', '实名状态：已核验（实名用户）').count() === 1, 'centre: verified after the re-check');
    await d.shot('centre-info');
    for (const [tab, name] of [['法定代表人信息', 'centre-rep'], ['修改密码', 'centre-password'], ['修改联系手机', 'centre-phone'],
      ['信息变更', 'centre-change'], ['法定代表人变更', 'centre-change-rep']]) {
      await d.tab(tab);
      await nextFrames(page, 3);
      await d.shot(name);
    }
    // A reload keeps the enterprise signed in (the HttpOnly cookie) and opens its centre again.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
    await d.heading('法人中心');
    const out = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(out.status() === 204, `退出登录: HTTP ${out.status()}`);
    await d.heading('用户登录');

    // ---- 企业账号激活: an enterprise imported from the registry; signing in by its USCC leads
    // to the activation, which starts with that USCC filled in.
    const imported = company('长春松花江商贸有限公司');
    const made = await call('POST', '/api/dev/enterprises', { uscc: imported.uscc, name: imported.name, legal_rep_name: rep.name, legal_rep_id_number: rep.id });
    check(made.status === 201, `dev import: HTTP ${made.status}`);
    const pending = await enterpriseSignIn(d, imported.uscc, 'Anything#2026');
    check(pending.status() === 403, `pending_activation sign-in: HTTP ${pending.status()}`);
    await d.heading('企业账号激活');
    check(await d.value('统一社会信用代码') === imported.uscc, 'activation: the USCC carried over');
    await d.fill('法人名称', imported.name);
    await d.fill('法定代表人姓名', rep.name);
    await d.fill('法定代表人证件号码', rep.id);
    await d.fill('手机号码', imported.phone);
    await d.captcha();
    await d.shot('activation-info');
    const act = await d.submit('下一步', '/api/v1/enterprises/activation', 'POST');
    check(act.status() === 201, `企业账号激活: HTTP ${act.status()} ${await act.text()}`);
    await d.fill('短信验证码', await latestCode(imported.phone, 'enterprise_activate'));
    const smsOk = await d.submit('下一步', /\/api\/v1\/enterprises\/activation\/[^/]+\/sms$/, 'POST');
    check(smsOk.status() === 200, `activation SMS: HTTP ${smsOk.status()}`);
    await d.fill('法人账号', imported.account);
    await d.fill('设置密码', imported.password, { secret: true });
    await d.fill('确认密码', imported.password, { secret: true });
    await d.shot('activation-account');
    const done = await d.submit('激活', /\/api\/v1\/enterprises\/activation\/[^/]+\/account$/, 'POST');
    check(done.status() === 200, `activation account: HTTP ${done.status()} ${await done.text()}`);
    await d.banner('企业账号已激活');
    await d.shot('activation-done');
    await d.press(role('button', '去法人登录'));
    const activeIn = await enterpriseSignIn(d, imported.account, imported.password);
    check(activeIn.status() === 201, `activated sign-in: HTTP ${activeIn.status()}`);
    await d.heading('法人中心');
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

runTest('enterprise.test', async (browser) => {
  await desktop(browser);
  await phone(browser);
});
