// 账号申诉 in the browser (issue 16): the 法人登录 refusal of a registry-mismatched enterprise
// leads to 账号申诉; each of the five appeal kinds filed from the login page (个人登录 for the
// person kinds, 法人登录 for the enterprise ones) through 提交申诉 at 1280 px, 法人账号申诉 again
// on a 375 px phone; a reviewer decides every case on the 审核工作台 (/#/staff): the five kinds
// approved, the phone run rejected with a reason; each case's 申诉进度查询 shows the outcome (the
// reason, and 去登录 once approved), and the approved change is real: the appellants sign in
// with the password they set in the appeal, the stranger's account is theirs. Every step's
// screenshot is checked for width and glyphs (centre_driver's shot), axe-core finds no critical
// or serious issue, and the keyboard alone moves through a step.
//
//   UIA_E2E_TESTS="appeals.test.mjs" tests/e2e/run.sh
//
// Screenshots: $UIA_SCREENSHOTS/appeals-<viewport>-<kind>-<step>.png.
import {
  BASE, check, log, call, captchaAnswer, person, randomPhone, registerActive, restSmsCode, openClient, runTest,
} from './centre_driver.mjs';
import { company, makeUscc, enterpriseSignIn } from './enterprise_driver.mjs';
import { fileAppeal, readProgress, openAppealHome } from './appeal_driver.mjs';
import { expectNoSeriousAxeFindings as axeCheck } from './axe_check.mjs';
import { createStaff, decideOnWorkbench } from './workbench_driver.mjs';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PASSWORD = 'Ss2026#appeal';

async function seedRegistry(uscc, name, rep) {
  const r = await call('PUT', `/api/dev/registry/${uscc}`, { name, legal_rep_name: rep.name, legal_rep_id_number: rep.id });
  check(r.status === 200, `registry seed: HTTP ${r.status}`);
}

// An enterprise registered over REST with details the registry confirms (active at once).
async function registeredEnterprise(name) {
  const rep = person('企业代表');
  await registerActive(rep);
  const c = company(name);
  await seedRegistry(c.uscc, c.name, rep);
  await registerOverRest(c, rep);
  return c;
}

// POST /api/v1/enterprises for `c` with `rep` (an active person) as legal representative, and
// the representative's face check passed.
async function registerOverRest(c, rep) {
  const code = await restSmsCode(c.phone, 'enterprise_register');
  const r = await call('POST', '/api/v1/enterprises', { org_type: 'enterprise', name: c.name, uscc: c.uscc, legal_rep_name: rep.name,
    legal_rep_id_type: 'resident', legal_rep_id_number: rep.id, legal_rep_id_valid_from: rep.validFrom, legal_rep_id_valid_to: 'long_term',
    phone: c.phone, sms_code: code, account: c.account, password: c.password, agree: true });
  check(r.status === 201, `法人注册: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  if (r.body.face_ticket) check((await call('POST', `/api/dev/face/${r.body.face_ticket}`, { result: 'pass' })).status === 200, 'face pass');
}

// A password sign-in over REST: its HTTP status (201 signed in).
async function signInStatus(method, identifier, password) {
  const c = await call('GET', '/api/v1/captcha');
  const r = await call('POST', '/api/v1/sessions', { method, identifier, password, captcha_id: c.body.captcha_id,
    captcha_answer: await captchaAnswer(c.body.captcha_id) });
  return r.status;
}

// The data of each kind: the person kinds name accounts that exist (someone else holds the
// phone / the ID number), the enterprise kinds companies the registry knows.
async function cases() {
  const holder = person('占号人');
  await registerActive(holder);
  const claimant = person('申诉人');
  const victim = person('被注册人');
  const squatter = { ...person('冒用人'), id: victim.id, validFrom: victim.validFrom };
  await registerActive(squatter);
  const rep = person('法定代表人');
  const contact = person('新联系人');
  // 法人账号申诉 and 修改企业信息申诉 are about registered enterprises; 辅助企业注册申诉 about one
  // the registry knows and nobody registered.
  const ucc = [(await registeredEnterprise('长春申诉测试科技有限公司')).uscc, makeUscc(),
    (await registeredEnterprise('长春信息变更测试有限公司')).uscc, (await registeredEnterprise('长春手机申诉测试有限公司')).uscc];
  await seedRegistry(ucc[1], '长春辅助注册测试有限公司', rep);
  return [
    ['person_phone_taken', { phone: holder.phone, name: claimant.name, id_number: claimant.id, password: PASSWORD,
      remark: '本人手机号被他人注册，申请找回' }],
    ['person_id_taken', { id_number: victim.id, name: victim.name, phone: randomPhone(), password: PASSWORD }],
    ['enterprise_account', { uscc: ucc[0], contact_name: contact.name, contact_id_number: contact.id, phone: randomPhone(), password: PASSWORD }],
    ['enterprise_register_assist', { enterprise_name: '长春辅助注册测试有限公司', uscc: ucc[1], legal_rep_name: rep.name,
      legal_rep_id_number: rep.id, legal_rep_id_valid_from: rep.validFrom, account: 'fz' + Date.now().toString(36),
      password: PASSWORD, phone: randomPhone() }],
    ['enterprise_info_change', { uscc: ucc[2], phone: randomPhone(), new_phone: randomPhone(), contact_name: contact.name }],
    // The phone run: 法人账号申诉, the kind with the most steps.
    ['enterprise_account', { uscc: ucc[3], contact_name: contact.name, contact_id_number: contact.id, phone: randomPhone(), password: PASSWORD }],
  ];
}

// An enterprise registered over REST while the registry did not know it (the simulator's 待核),
// which the registry
// then records under another name: the re-check marks it registry_mismatch (its sign-in then
// answers next: appeal).
async function mismatchedEnterprise() {
  const rep = person('错配代表');
  await registerActive(rep);
  const c = company('长春待核登记测试有限公司');
  await registerOverRest(c, rep);
  await seedRegistry(c.uscc, '长春另一名称有限公司', rep);
  check((await call('POST', '/api/dev/registry/recheck', {})).status === 200, 'registry recheck');
  return c;
}

runTest('appeals.test.mjs', async (browser) => {
  // 法人登录 refused with 请通过账号申诉处理 leads to the appeal home page.
  {
    const c = await mismatchedEnterprise();
    const { context, page, d } = await openClient(browser, 'refusal', DESKTOP, 'appeals');
    try {
      const signIn = await enterpriseSignIn(d, c.uscc, c.password);
      check(signIn.status() === 403 && (await signIn.json()).error.next === 'appeal', `mismatch sign-in: HTTP ${signIn.status()}`);
      await d.banner('请通过账号申诉处理');
      await d.shot('refusal');
      await d.press(d.role('button', '去账号申诉'));
      await d.heading('账号申诉');
      await d.mirror.locator('[role=status]').filter({ hasText: '请通过账号申诉处理' }).first().waitFor({ timeout: 10_000 });
      await d.shot('refusal-home');
      check(await d.role('button', '法人账号申诉').count() === 1, 'home: 法人账号申诉 missing');
      log('法人登录 refusal (registry mismatch) -> 去账号申诉 -> 账号申诉');
    } finally {
      await context.close();
    }
  }

  // Each kind filed in the browser (the last one again on a phone).
  const all = await cases();
  const filed = [];
  for (let i = 0; i < all.length; i++) {
    const [kind, data] = all[i];
    const onPhone = i === all.length - 1;
    const label = onPhone ? '375' : '1280';
    const { context, page, errors } = await openClient(browser, label, onPhone ? PHONE : DESKTOP, 'appeals');
    try {
      log(`-- ${kind} at ${label} px`);
      const axeRuns = [];
      const caseNumber = await fileAppeal(page, BASE, kind, {
        ...data, shot: kind,
        // axe-core on the home page, a form step, the materials and the final page (first
        // appeal and the phone run).
        onStep: async (name) => {
          if ((i === 0 || onPhone) && ['home', 'phone', 'contact', 'materials', 'done'].includes(name)) {
            await axeCheck(page, `${kind} ${name} at ${label} px`);
            axeRuns.push(name);
          }
        },
      });
      check(/^\S+$/.test(caseNumber), `${kind}: no case number shown`);
      check(!(i === 0 || onPhone) || axeRuns.length >= 3, `axe-core ran on ${axeRuns.join(', ')} only`);
      check(errors.length === 0, `${kind}: page errors ${errors.join('; ')}`);
      log(`${kind}: case ${caseNumber}`);
      filed.push({ kind, caseNumber, phone: data.phone, onPhone });
    } finally {
      await context.close();
    }
  }

  // A reviewer decides every case on the 审核工作台: each kind approved (its account change
  // applied), the phone run's 法人账号申诉 rejected with a reason.
  const reviewer = await createStaff();
  const REASON = '手持身份证照片不清晰，请重新拍摄后提交';
  const rejected = filed.length - 1;
  for (let i = 0; i < filed.length; i++) {
    const { context, page } = await openClient(browser, 'workbench', DESKTOP, 'appeals');
    try {
      const status = await decideOnWorkbench(page, undefined, reviewer, filed[i].caseNumber,
        i === rejected ? 'reject' : 'approve', i === rejected ? REASON : '材料齐全，核验一致');
      check(status === (i === rejected ? '申诉未通过' : '申诉通过'), `${filed[i].kind}: the workbench shows ${status}`);
    } finally {
      await context.close();
    }
  }
  const expected = (i) => (i === rejected ? { status_label: '申诉未通过', reason: REASON } : { status_label: '申诉通过', reason: '' });

  // The changes are real: each appellant signs in with the password set in the appeal.
  const data = Object.fromEntries(all.slice(0, rejected).map(([kind, d]) => [kind, d]));
  check(await signInStatus('password', data.person_phone_taken.phone, PASSWORD) === 201, '手机号被他人注册: the phone does not sign in');
  check(await signInStatus('password', data.person_id_taken.phone, PASSWORD) === 201, '身份证号被他人手机号注册: the new phone does not sign in');
  check(await signInStatus('enterprise_password', data.enterprise_account.uscc, PASSWORD) === 201, '法人账号申诉: the new password does not sign in');
  check(await signInStatus('enterprise_password', data.enterprise_register_assist.uscc, PASSWORD) === 201,
    '辅助企业注册申诉: the enterprise was not created');
  log('approved changes: the appellants sign in with the passwords they set');

  // 申诉进度查询 of every case, on the width it was filed at.
  for (const onPhone of [false, true]) {
    const label = onPhone ? '375' : '1280';
    const { context, page, errors, d } = await openClient(browser, label, onPhone ? PHONE : DESKTOP, 'appeals');
    try {
      for (let i = 0; i < filed.length; i++) {
        const f = filed[i];
        if (f.onPhone !== onPhone) continue;
        const progress = await readProgress(page, BASE, f.caseNumber, f.phone, { shot: `${f.kind}-progress` });
        check(progress.status_label === expected(i).status_label && progress.reason === expected(i).reason,
          `${f.kind}: progress says ${JSON.stringify(progress)}, expected ${JSON.stringify(expected(i))}`);
        log(`${f.kind}: ${progress.status_label}${progress.reason ? '（' + progress.reason + '）' : ''}`);
        if (i === 1) {  // approved: 去登录 opens the login page (once is enough)
          await d.press(d.role('button', '去登录'));
          await d.heading('用户登录');
        }
        if (i === 0 || i === rejected) await axeCheck(page, `申诉进度查询 (${f.kind}) at ${label} px`);
      }
      check(errors.length === 0, `progress: page errors ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }

  // Keyboard alone: Tab goes from field to field, Enter presses the step's 下一步 (which names
  // the missing SMS code and puts the focus there). The template is served.
  const { context, page, d } = await openClient(browser, 'keys', DESKTOP, 'appeals');
  try {
    await openAppealHome(d, true);
    check(await d.role('button', '下载申诉授权书模板').count() === 1, 'template link missing');
    const letter = await fetch(new URL('/api/v1/appeals/templates/authorisation-letter', BASE));
    check(letter.status === 200 && (await letter.arrayBuffer()).byteLength > 0, `template: HTTP ${letter.status}`);
    await d.press(d.role('button', '手机号被他人注册'));
    await d.heading('手机号被他人注册');
    await d.fill('申诉手机号', randomPhone());
    const focused = () => page.evaluate(() => document.querySelector('#uia-a11y [data-focused=true]')?.getAttribute('aria-label'));
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [data-focused=true]')?.getAttribute('aria-label') === '图形验证码', null, { timeout: 10_000 })
      .catch(async () => { throw new Error(`Tab from 申诉手机号 focused ${await focused()}`); });
    await page.keyboard.press('Enter');
    await d.fieldAlert('sms_code', '请输入短信验证码');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [data-focused=true]')?.getAttribute('aria-label') === '短信验证码', null, { timeout: 10_000 })
      .catch(async () => { throw new Error(`Enter left the focus on ${await focused()}`); });
    log('keyboard: Tab 申诉手机号 -> 图形验证码, Enter -> 请输入短信验证码 with the focus on 短信验证码');
  } finally {
    await context.close();
  }
});
