// Browser test of 个人中心 between persons (issue 5, seed 000 四、(6) 代办管理): 亲属管理 (a child
// relative verified at once, an adult relative verified after a face check passed through the
// dev route, one edited, one deleted), 授权关系 (person A authorizes person B after A's face
// check; B sees it in 我的消息 with the unread count on the tab and accepts there; A sees it
// active; B ends it) and 我的消息 (unread marked, 标为已读).
//
//   UIA_E2E_TESTS="relations.test.mjs" tests/e2e/run.sh
//
// Desktop 1280x800, then the same journey on a 375x812 phone at DPR 2, each with new people.
// Screenshots: $UIA_SCREENSHOTS/relations-<viewport>-<step>.png.
import {
  TIMEOUT, check, log, call, residentId, person, registerActive, openClient, runTest,
} from './centre_driver.mjs';

const SHOT_PREFIX = 'relations';

async function passwordSignIn(d, p) {
  await d.heading('用户登录');
  await d.tab('密码登录');
  await d.fill('用户账号', p.account);
  await d.fill('密码', p.password, { secret: true });
  await d.captcha();
  const res = await d.submit('登录', '/api/v1/sessions');
  check(res.status() === 201, `sign-in: HTTP ${res.status()} ${await res.text()}`);
  await d.heading('个人中心');
}

async function facePass(ticket) {
  const r = await call('POST', `/api/dev/face/${ticket}`, { result: 'pass' });
  check(r.status === 200, `dev face pass: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

async function pick(d, combo, option) {
  await d.press(d.role('combobox', combo));
  await d.role('option', option).waitFor({ timeout: TIMEOUT });
  await d.press(d.role('option', option));
}

// The face check's ticket and link, shown as a status (role=status) while it runs.
async function faceWaiting(d, ticket) {
  await d.mirror.locator('[role=status]').filter({ hasText: `验证单号 ${ticket}` }).first().waitFor({ timeout: TIMEOUT })
    .catch(() => { throw new Error(`no face-check status with ticket ${ticket}`); });
}

const items = (d) => d.mirror.locator('[role=listitem]');
async function waitItem(d, text) {
  await items(d).filter({ hasText: text }).first().waitFor({ timeout: 20_000 })
    .catch(async () => { throw new Error(`no list item "${text}"; items ${JSON.stringify(await items(d).allTextContents())}`); });
}
// The index of the first list item with `text` (buttons of the cards come in the same order).
async function itemIndex(d, text) {
  const all = await items(d).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
  const i = all.findIndex((t) => t.includes(text));
  check(i >= 0, `no list item ${text}: ${JSON.stringify(all)}`);
  return i;
}
// A tab is re-read when it is opened: leave and come back.
async function reopen(d, name, via = '基本信息') {
  await d.tab(via);
  await d.tab(name);
}

function validTo() {
  const t = new Date(Date.now() + 300 * 86400_000);
  return t.toISOString().slice(0, 10);
}

async function journey(browser, label, opts) {
  console.log(`[${label}] ${opts.viewport.width}x${opts.viewport.height}`);
  const a = person('陈建华'), b = person('林晓梅');
  await registerActive(a);
  await registerActive(b);
  log('registered', a.account, b.account, 'over REST');

  const A = await openClient(browser, `${label}`, opts, SHOT_PREFIX);
  const B = await openClient(browser, `${label}-b`, opts, SHOT_PREFIX);
  try {
    const d = A.d;
    await passwordSignIn(d, a);
    for (const t of ['我的消息', '亲属管理', '授权关系']) check(await d.role('tab', t).count() === 1, `tab ${t} missing`);

    // ---- 亲属管理: a child of 11 (no dates, no face check)
    await d.tab('亲属管理');
    await d.role('button', '新增亲属').waitFor({ timeout: TIMEOUT });
    await d.press(d.role('button', '新增亲属'));
    await d.heading('新增亲属');
    // Nothing filled: the form says what is missing, no request is made.
    await d.press(d.role('button', '保存亲属'));
    await d.fieldAlert('id_number', '请输入证件号码');
    await pick(d, '与本人关系', '子女');
    await d.fill('亲属姓名', '陈小宝');
    await d.fill('亲属证件号码', residentId('20150301'));
    check(await d.role('textbox', '有效期开始日期').count() === 0, 'a child under 16 is asked for validity dates');
    await d.shot('relative-child-form');
    let res = await d.submit('保存亲属', '/api/v1/me/relatives', 'POST');
    check(res.status() === 201, `add child: HTTP ${res.status()} ${await res.text()}`);
    check((await res.json()).status === 'verified', 'child not verified at once');
    await d.banner('亲属已添加');
    await waitItem(d, '子女 陈**（已核验）');

    // ---- an adult of 66: validity dates, then the face check through the dev route
    await d.press(d.role('button', '新增亲属'));
    await d.heading('新增亲属');
    await pick(d, '与本人关系', '父母');
    await d.fill('亲属姓名', '陈大山');
    await d.fill('亲属证件号码', residentId('19600808'));
    await d.fill('有效期开始日期', '2010-09-01');
    await d.press(d.role('checkbox', '长期有效'));
    await d.role('textbox', '有效期结束日期').waitFor({ state: 'detached', timeout: TIMEOUT })
      .catch(() => { throw new Error('长期有效 still asks for an end date'); });
    await d.shot('relative-adult-form');
    res = await d.submit('保存亲属', '/api/v1/me/relatives', 'POST');
    check(res.status() === 201, `add adult: HTTP ${res.status()} ${await res.text()}`);
    const adult = await res.json();
    check(adult.status === 'pending_face' && adult.face_ticket, `adult: ${JSON.stringify(adult)}`);
    await faceWaiting(d, adult.face_ticket);
    await waitItem(d, '父母 陈**（待人脸验证）');
    await d.shot('relative-face-waiting');
    await facePass(adult.face_ticket);
    await d.banner('亲属人脸验证已通过');
    await waitItem(d, '父母 陈**（已核验）');
    log('relatives: child verified, adult verified after the face check');

    // ---- edit the child (name and number asked again), delete the adult
    const child = residentId('20150301');
    await d.press(d.role('button', '编辑').nth(await itemIndex(d, '子女')));
    await d.heading('编辑亲属');
    await pick(d, '与本人关系', '其他亲属');
    await d.fill('亲属姓名', '陈小宝');
    await d.fill('亲属证件号码', child);
    res = await d.submit('保存亲属', /^\/api\/v1\/me\/relatives\/\d+$/, 'PUT');
    check(res.status() === 200, `edit: HTTP ${res.status()} ${await res.text()}`);
    await d.banner('亲属信息已保存');
    await waitItem(d, '其他亲属 陈**（已核验）');
    const deleted = A.page.waitForResponse((r) => /^\/api\/v1\/me\/relatives\/\d+$/.test(new URL(r.url()).pathname) &&
      r.request().method() === 'DELETE', { timeout: 20_000 });
    await d.press(d.role('button', '删除').nth(await itemIndex(d, '父母')));
    res = await deleted;
    check(res.status() === 200 || res.status() === 204, `delete: HTTP ${res.status()}`);
    await d.banner('亲属已删除');
    await A.page.waitForFunction(() => document.querySelectorAll('#uia-a11y [role=listitem]').length === 1, null, { timeout: TIMEOUT });
    await d.shot('relatives-list');
    log('relatives: edited one, deleted one');

    // ---- 授权关系: A authorizes B (A's face check first)
    await d.tab('授权关系');
    await d.role('button', '新增授权').waitFor({ timeout: TIMEOUT });
    await d.press(d.role('button', '新增授权'));
    await d.heading('新增授权');
    // Someone not registered under that name: the server's word goes under the ID number.
    await d.fill('被授权人姓名', '王不在');
    await d.fill('被授权人证件号码', b.id);
    await d.fill('授权截止日期', validTo());
    res = await d.submit('提交授权', '/api/v1/me/delegations', 'POST');
    check(res.status() === 404, `unknown grantee: HTTP ${res.status()}`);
    await d.fieldAlert('id_number', '未找到该用户');
    await d.fill('被授权人姓名', b.name);
    await pick(d, '授权事项', '查询办件进度');
    await d.shot('delegation-form');
    res = await d.submit('提交授权', '/api/v1/me/delegations', 'POST');
    check(res.status() === 201, `authorize: HTTP ${res.status()} ${await res.text()}`);
    const grant = await res.json();
    check(grant.state === 'awaiting_face' && grant.face_ticket, `grant: ${JSON.stringify(grant)}`);
    await faceWaiting(d, grant.face_ticket);
    await waitItem(d, '待本人人脸验证');
    await facePass(grant.face_ticket);
    await d.banner('本人人脸验证已通过');
    await waitItem(d, '待对方确认');
    await d.shot('delegation-pending');
    log('authorization: face passed, waiting for B');

    // ---- B: 我的消息 (1 unread), 接受 in the message
    const e = B.d;
    await passwordSignIn(e, b);
    await e.role('tab', '我的消息（1）').waitFor({ timeout: TIMEOUT });
    await e.tab('我的消息（1）');
    await waitItem(e, '未读 授权关系待确认');
    await e.shot('messages-unread');
    res = await e.submit('接受', /^\/api\/v1\/me\/delegations\/\d+\/confirm$/, 'POST');
    check(res.status() === 200, `confirm: HTTP ${res.status()} ${await res.text()}`);
    await e.banner('已接受授权');
    await e.role('tab', '我的消息').waitFor({ timeout: TIMEOUT });  // no unread left
    check(await e.role('button', '接受').count() === 0, '接受 still offered after accepting');
    log('B accepted in 我的消息');

    // ---- A sees it active, with the news in 我的消息; 标为已读
    await reopen(d, '授权关系');
    await waitItem(d, '已生效');
    await d.shot('delegation-active');
    await d.role('tab', '我的消息（1）').waitFor({ timeout: TIMEOUT });
    await d.tab('我的消息（1）');
    await waitItem(d, '未读 授权关系已生效');
    res = await d.submit('标为已读', /^\/api\/v1\/me\/messages\/\d+\/read$/, 'POST');
    check(res.status() === 200, `read: HTTP ${res.status()}`);
    await waitItem(d, '授权关系已生效');
    await d.role('tab', '我的消息').waitFor({ timeout: TIMEOUT });
    check(await items(d).filter({ hasText: '未读' }).count() === 0, 'a message is still unread');

    // ---- B ends it; A sees it ended
    await e.tab('授权关系');
    await waitItem(e, '已生效');
    await e.shot('delegation-received');
    res = await e.submit('解除授权', /^\/api\/v1\/me\/delegations\/\d+\/end$/, 'POST');
    check(res.status() === 200, `end: HTTP ${res.status()} ${await res.text()}`);
    await e.banner('授权关系已解除');
    await waitItem(e, '已解除');
    await reopen(d, '授权关系');
    await waitItem(d, '已解除');
    await d.shot('delegation-ended');
    log('B ended it; A sees it ended');

    for (const [who, c] of [['A', A], ['B', B]]) check(c.errors.length === 0, `${who} page errors: ${c.errors.join(' | ')}`);
  } finally {
    await A.context.close();
    await B.context.close();
  }
}

runTest('relations.test', async (browser) => {
  await journey(browser, 'desktop', { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await journey(browser, 'phone', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
});
