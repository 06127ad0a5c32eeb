// Browser test of the enterprise agent (经办人) pages (issue 5 "done when"): an enterprise
// registered through 法人注册 (its representative's face check passed); in the 法人中心 the 经办人管理 tab adds an agent (name + ID number +
// phone, period, scope checklist), the legal representative's face check is passed through the
// dev route and the grant waits for the agent; the agent signs in personally and accepts it in
// 个人中心 / 经办人授权; then signs in on 法人登录 as 企业经办人 (method agent_password: USCC +
// phone + own password + captcha) and sees the 经办人中心 (no 经办人管理 tab for a plain agent).
// On a phone: the legal representative signs in personally, gets the identity choice (本人 /
// the enterprise), acts as 法定代表人 in the 经办人中心, stops the first agent and adds a second,
// who accepts, switches to the enterprise from the 个人中心, and signs in by ID number.
//
//   UIA_E2E_TESTS="agents.test.mjs" tests/e2e/run.sh
//
// Desktop 1280x800, then a 375x812 phone at DPR 2. Screenshots: $UIA_SCREENSHOTS/agents-*.png.
import {
  BASE, TIMEOUT, TestFailure, check, log, call, restSmsCode, rnd, randomPhone, person, registerActive, nextFrames, openClient, runTest,
} from './centre_driver.mjs';
import { company as companyOf, passFace, registerThroughPage } from './enterprise_driver.mjs';
import { adminToken, registerClient } from './admin_driver.mjs';

const SHOT_PREFIX = 'agents';

const maskName = (n) => n[0] + '*'.repeat([...n].length - 1);

async function personSignIn(d, account, password) {
  await d.heading('用户登录');
  await d.tab('个人登录');
  await d.tab('密码登录');
  await d.fill('用户账号', account);
  await d.fill('密码', password, { secret: true });
  await d.captcha();
  const res = await d.submit('登录', '/api/v1/sessions');
  check(res.status() === 201, `sign-in: HTTP ${res.status()} ${await res.text()}`);
}

async function agentSignIn(d, uscc, who, password) {
  await d.heading('用户登录');
  await d.tab('法人登录');
  await d.press(d.role('radio', '企业经办人'));
  await d.fill('企业统一社会信用代码', uscc);
  await d.fill('经办人账号', who);
  await d.fill('经办人密码', password, { secret: true });
  await d.captcha();
  return d.submit('经办人登录', '/api/v1/sessions', 'POST');
}

async function signOut(d) {
  const out = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
  check(out.status() === 204, `退出登录: HTTP ${out.status()}`);
  await d.heading('用户登录');
}

const listItem = (d, label) => d.mirror.locator('[role=listitem]').filter({ hasText: label });
async function waitItem(d, label) {
  await listItem(d, label).first().waitFor({ timeout: TIMEOUT })
    .catch(async () => {
      await d.page.screenshot({ path: `${process.env.UIA_SCREENSHOTS || 'build/screenshots'}/agents-failed.png` });
      throw new TestFailure(`no list item "${label}"; alerts ${JSON.stringify(await d.alerts())}`); });
}

// 经办人管理 → 新增经办人 → the representative's face check → 待经办人确认.
async function addAgent(d, page, agent, shot) {
  const { role } = d;
  await d.press(role('button', '新增经办人'));
  await d.heading('新增经办人');
  await d.fill('经办人姓名', agent.name);
  await d.fill('经办人身份证号码', agent.id);
  await d.fill('经办人手机号码', agent.phone);
  for (const item of ['税务办理', '社保办理']) await d.press(role('checkbox', item));
  await page.waitForFunction(() => document.querySelector('#uia-a11y [role=checkbox][aria-label="社保办理"]')?.getAttribute('aria-checked') === 'true', null, { timeout: TIMEOUT });
  await d.shot(`${shot}-add`);
  const added = await d.submit('提交授权', /\/api\/v1\/enterprises\/\d+\/agents$/, 'POST');
  check(added.status() === 201, `新增经办人: HTTP ${added.status()} ${await added.text()}`);
  const grant = await added.json();
  check(grant.state === 'awaiting_face' && grant.face_ticket, `new grant: ${JSON.stringify(grant)}`);
  check(JSON.stringify(grant.scope) === JSON.stringify(['tax', 'social_security']), `scope sent: ${JSON.stringify(grant.scope)}`);
  await page.waitForFunction((t) => document.querySelector('#uia-a11y [role=textbox][aria-label="核验编号"]')?.getAttribute('data-value') === t,
    grant.face_ticket, { timeout: TIMEOUT });
  await waitItem(d, `经办人 ${maskName(agent.name)} 待法定代表人人脸核验`);
  check((await call('POST', `/api/dev/face/${grant.face_ticket}`, { result: 'pass' })).status === 200, 'representative face pass');
  const reloaded = await d.submit('刷新', /\/api\/v1\/enterprises\/\d+\/agents$/, 'GET');
  check(reloaded.status() === 200, `刷新: HTTP ${reloaded.status()}`);
  await waitItem(d, `经办人 ${maskName(agent.name)} 待经办人确认`);
  await d.shot(`${shot}-list`);
  return grant;
}

// The agent in 个人中心 / 经办人授权: the offer, 接受授权, the enterprise listed.
async function acceptInCentre(d, c, shot) {
  const { role } = d;
  await d.heading('个人中心');
  await d.tab('经办人授权');
  await waitItem(d, `授权 ${c.name} 待经办人确认`);
  await d.shot(`${shot}-offer`);
  const accepted = await d.submit('接受授权', /\/api\/v1\/me\/agent-grants\/\d+\/accept$/, 'POST');
  check(accepted.status() === 200, `接受授权: HTTP ${accepted.status()} ${await accepted.text()}`);
  await d.banner('已接受授权');
  await waitItem(d, `授权 ${c.name} 已生效`);
  await waitItem(d, `企业 ${c.name} 经办人`);
  check(await role('button', '接受授权').count() === 0, 'an accepted grant offers no 接受授权');
  await d.shot(`${shot}-accepted`);
}

// The 经办人中心 of a plain agent.
async function checkAgentCentre(d, page, c, agent, shot) {
  const { role } = d;
  await d.heading('经办人中心');
  for (const name of ['经办人信息', '企业信息', '修改密码']) check(await role('tab', name).count() === 1, `经办人中心: tab ${name} missing`);
  check(await role('tab', '经办人管理').count() === 0, 'a plain agent must not see 经办人管理');
  await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="姓名"]'), null, { timeout: TIMEOUT });
  check(await d.value('姓名') === maskName(agent.name), `agent name: ${await d.value('姓名')}`);
  check(await d.value('代理身份') === '经办人', `role: ${await d.value('代理身份')}`);
  check(await d.value('授权范围') === '税务办理、社保办理', `scope: ${await d.value('授权范围')}`);
  await d.shot(`${shot}-centre`);
  await d.tab('企业信息');
  check(await d.value('法人名称') === c.name, `enterprise name: ${await d.value('法人名称')}`);
  check(await d.value('统一社会信用代码') === c.uscc, 'enterprise USCC');
  await d.shot(`${shot}-centre-enterprise`);
  await d.tab('修改密码');
  await nextFrames(page, 3);
  await d.shot(`${shot}-centre-password`);
}

const rep = person('陈建国');
const agent1 = person('李经办');
const agent2 = person('王代理');
let company;

// A business system that asks for the enterprise identity (scope uia_enterprise): its 授权确认
// page, opened by the signed-in agent, says in whose name the data goes out.
async function consentNamesTheEnterprise(d, page, c) {
  const client = await registerClient(await adminToken(), {
    name: '企业开办一网通办', redirect_uris: ['http://127.0.0.1:9/cb'], scopes: ['openid', 'profile', 'uia_enterprise'],
  });
  const query = new URLSearchParams({ client_id: client.client_id, redirect_uri: 'http://127.0.0.1:9/cb', response_type: 'code',
    scope: 'openid profile uia_enterprise', state: 'st', nonce: 'n' });
  await page.goto(new URL(`/oidc/authorize?${query}`, BASE).href, { waitUntil: 'domcontentloaded' });
  await d.heading('授权确认').catch((e) => { throw new TestFailure(`${e.message} at ${page.url()}`); });
  await d.role('button', '同意授权').waitFor({ timeout: TIMEOUT });
  const item = '企业身份（统一社会信用代码、企业名称、办理角色及授权事项）';
  check(await d.role('listitem', item).count() === 1, `consent: ${item} not listed`);
  check(await d.value('办理身份') === `${c.name}（经办人）`, `consent: 办理身份 ${await d.value('办理身份')}`);
  check(await d.value('统一社会信用代码') === c.uscc, `consent: USCC ${await d.value('统一社会信用代码')}`);
  check((await d.value('授权事项')).length > 0, 'consent: no 授权事项');
  await d.shot('consent-enterprise');
  await page.goto(new URL('/', BASE).href, { waitUntil: 'domcontentloaded' });  // back to the 经办人中心, undecided
  await d.heading('经办人中心');
}

async function desktop(browser) {
  const label = 'desktop';
  const opts = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
  console.log(`[${label}] 1280x800`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role } = d;
  d.page = page;  // for the failure screenshot
  if (process.env.UIA_E2E_DEBUG) page.on('console', (m) => console.log('console:', m.text()));
  if (process.env.UIA_E2E_DEBUG) page.on('pageerror', (e) => console.log('pageerror:', e.message));
  if (process.env.UIA_E2E_DEBUG) page.on('request', (r) => console.log('request:', r.method(), r.url()));
  if (process.env.UIA_E2E_DEBUG) page.on('response', (r) => console.log('response:', r.request().method(), r.url(), r.status()));
  try {
    for (const p of [rep, agent1, agent2]) await registerActive(p);
    log('legal representative and two agents registered over REST');
    // ---- 法人注册 through the page, the representative's face check, then 法人登录
    company = companyOf('长春星河科技有限公司');
    const c = company;
    const seeded = await call('PUT', `/api/dev/registry/${c.uscc}`, { name: c.name, legal_rep_name: rep.name, legal_rep_id_number: rep.id });
    check(seeded.status === 200, `seed registry: HTTP ${seeded.status}`);
    const registered = await registerThroughPage(d, page, c, rep, 'register-filled');
    await passFace(d, page, registered);
    await d.banner('法人注册成功');
    await d.press(role('button', '去法人登录'));
    log('enterprise', c.uscc, 'registered through 法人注册');

    // ---- 法人中心 → 经办人管理
    await d.heading('用户登录');
    await d.tab('法人登录');
    check(await role('radio', '企业经办人').count() === 1, '法人登录: no 企业经办人 choice');
    await d.fill('法人账号', c.uscc);
    await d.fill('密码', c.password, { secret: true });
    await d.captcha();
    const signIn = await d.submit('法人登录', '/api/v1/sessions', 'POST');
    check(signIn.status() === 201, `法人登录: HTTP ${signIn.status()}`);
    await d.heading('法人中心');
    const listed = page.waitForResponse((r) => /\/api\/v1\/enterprises\/\d+\/agents$/.test(new URL(r.url()).pathname), { timeout: TIMEOUT });
    await d.tab('经办人管理');
    check((await listed).status() === 200, '经办人管理: the list');
    await d.shot('manage-empty');
    // A wrong person is refused with one answer for every mismatch.
    await d.press(role('button', '新增经办人'));
    await d.fill('经办人姓名', '张建国');
    await d.fill('经办人身份证号码', agent1.id);
    await d.fill('经办人手机号码', agent1.phone);
    await d.press(role('checkbox', '办件查询'));
    const refused = await d.submit('提交授权', /\/api\/v1\/enterprises\/\d+\/agents$/, 'POST');
    check(refused.status() === 404, `unknown person: HTTP ${refused.status()}`);
    await d.press(role('button', '取消'));
    await addAgent(d, page, agent1, 'manage');
    await signOut(d);

    // ---- the agent accepts in the 个人中心 (no grant in force yet: no identity choice)
    await personSignIn(d, agent1.account, agent1.password);
    await acceptInCentre(d, c, 'person');
    await signOut(d);

    // ---- 经办人登录 (agent_password) → 经办人中心
    const wrong = await agentSignIn(d, c.uscc, agent1.phone, 'Wrong#2026x');
    check(wrong.status() === 401, `wrong agent password: HTTP ${wrong.status()}`);
    const ok = await agentSignIn(d, c.uscc, agent1.phone, agent1.password);
    check(ok.status() === 201, `经办人登录: HTTP ${ok.status()} ${await ok.text()}`);
    const body = await ok.json();
    check(body.subject.type === 'agent' && body.subject.acting_role === 'agent', `agent subject: ${JSON.stringify(body.subject)}`);
    await d.banner('以经办人身份代理');
    await checkAgentCentre(d, page, c, agent1, 'agent');
    await consentNamesTheEnterprise(d, page, c);
    await signOut(d);
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

async function phone(browser) {
  const label = 'phone';
  const opts = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
  console.log(`[${label}] 375x812 @2x`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role } = d;
  const c = company;
  d.page = page;
  try {
    await d.heading('用户登录');
    await d.tab('法人登录');
    await d.press(role('radio', '企业经办人'));
    await d.shot('login-agent');

    // ---- the legal representative signs in personally: the identity choice
    await personSignIn(d, rep.account, rep.password);
    await d.heading('选择登录身份');
    const repChoice = `${c.name}（法定代表人）`;
    check(await role('button', `本人（${maskName(rep.name)}）`).count() === 1, 'identity choice: 本人 missing');
    check(await role('button', repChoice).count() === 1, 'identity choice: the enterprise missing');
    await d.shot('identity');
    const switched = await d.submit(repChoice, '/api/v1/sessions/current/identity', 'PUT');
    check(switched.status() === 200, `switch identity: HTTP ${switched.status()} ${await switched.text()}`);
    await d.heading('经办人中心');
    await page.waitForFunction(() => document.querySelector('#uia-a11y [role=textbox][aria-label="代理身份"]')?.getAttribute('data-value') === '法定代表人', null, { timeout: TIMEOUT });
    await d.shot('rep-centre');

    // ---- 经办人管理 as the representative: stop the first agent, add a second one
    await d.tab('经办人管理');
    await waitItem(d, `经办人 ${maskName(agent1.name)} 已生效`);
    const stopped = await d.submit('停用', /\/api\/v1\/enterprises\/\d+\/agents\/\d+$/, 'PATCH');
    check(stopped.status() === 200, `停用: HTTP ${stopped.status()} ${await stopped.text()}`);
    await waitItem(d, `经办人 ${maskName(agent1.name)} 已停用`);
    await d.shot('rep-manage');
    await addAgent(d, page, agent2, 'rep');
    await signOut(d);

    // A stopped agent cannot sign in for the enterprise.
    const refused = await agentSignIn(d, c.uscc, agent1.phone, agent1.password);
    check(refused.status() === 403, `disabled agent sign-in: HTTP ${refused.status()}`);

    // ---- the second agent accepts, then switches to the enterprise from the 个人中心
    await personSignIn(d, agent2.account, agent2.password);
    await acceptInCentre(d, c, 'person');
    const acted = await d.submit('以经办人身份办事', '/api/v1/sessions/current/identity', 'PUT');
    check(acted.status() === 200, `act for the enterprise: HTTP ${acted.status()} ${await acted.text()}`);
    await d.heading('经办人中心');
    await signOut(d);

    // ---- 经办人登录 by ID number
    const ok = await agentSignIn(d, c.uscc, agent2.id, agent2.password);
    check(ok.status() === 201, `经办人登录 by ID number: HTTP ${ok.status()} ${await ok.text()}`);
    await checkAgentCentre(d, page, c, agent2, 'agent');
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

runTest('agents.test', async (browser) => {
  await desktop(browser);
  await phone(browser);
});
