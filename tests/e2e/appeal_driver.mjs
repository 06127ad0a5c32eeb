// Driving the 账号申诉 pages (issue 16) in the browser: file an appeal of any of the five kinds
// from the login page through 提交申诉, and read its 申诉进度查询. The reviewer's side is the
// staff pages' driver; a test joins the two.
//
//   fileAppeal(page, server, kind, data) -> case number (string)
//   readProgress(page, server, caseNumber, phone) -> { status_label, reason }
//
// `server` is the base URL of the uia server (run.sh's UIA_URL), used for the dev routes (captcha
// answers, the SMS inbox). `data` holds the appeal's fields under their REST names:
//   person_phone_taken:  phone, name, id_number, password
//   person_id_taken:     id_number, name, phone (the new one), password
//   enterprise_account:  uscc (the registry must know it), contact_name, contact_id_number, phone, password
//   enterprise_register_assist: enterprise_name, uscc, legal_rep_name, legal_rep_id_number,
//                        legal_rep_id_valid_from (adult resident IDs; the end is 长期有效), account, password, phone
//   enterprise_info_change: uscc, phone, and one or more of new_phone, contact_name, legal_rep_name
//   any kind:            remark (申诉备注), shot (a name: screenshots of each step), onStep(name) (a hook)
import { TIMEOUT, check, driver, useServer, call, nextFrames } from './centre_driver.mjs';

// The smallest valid PNG (1x1): the server checks the content, not the name.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

const ENTERPRISE = new Set(['enterprise_account', 'enterprise_register_assist', 'enterprise_info_change']);

// The page driver of centre_driver.mjs for this page (its viewport and touch).
// Screenshots: $UIA_SCREENSHOTS/<prefix>-<viewport width>-<shot>.png.
export function pageDriver(page, prefix = 'appeals') {
  const viewport = page.viewportSize();
  const label = String(viewport.width);
  const hasTouch = viewport.width < 600;
  return driver(page, label, { viewport, hasTouch }, prefix);
}

async function kindsOf(kind) {
  const r = await call('GET', '/api/v1/appeals/kinds');
  check(r.status === 200, `GET /api/v1/appeals/kinds: HTTP ${r.status}`);
  const k = r.body.kinds.find((x) => x.code === kind);
  check(k, `kind ${kind} not listed`);
  return k;
}

// From the login page to the appeal home page (the 法人登录 tab for an enterprise kind).
export async function openAppealHome(d, enterprise) {
  await d.heading('用户登录');
  if (enterprise) await d.tab('法人登录');
  await d.press(d.role('button', '账号申诉'));
  await d.heading('账号申诉');
}

async function next(d, page, pathname = null) {
  if (!pathname) return d.press(d.role('button', '下一步'));
  const res = await d.submit('下一步', pathname, 'POST');
  check(res.status() === 201, `${pathname}: HTTP ${res.status()} ${await res.text()}`);
  return res.json();
}

async function phoneAndCode(d, label, phone) {
  await d.fill(label, phone);
  await d.captcha();
  const code = await d.requestCode(phone, 'appeal');
  await d.fill('短信验证码', code);
}

async function passwords(d, label, password) {
  await d.fill(label, password, { secret: true });
  await d.fill('确认密码', password, { secret: true });
}

async function step(d, data, name) {
  if (data.shot) await d.shot(`${data.shot}-${name}`);
  if (data.onStep) await data.onStep(name);
}

export async function fileAppeal(page, server, kind, data) {
  if (server) useServer(server);
  const d = pageDriver(page);
  const info = await kindsOf(kind);
  const enterprise = ENTERPRISE.has(kind);
  await openAppealHome(d, enterprise);
  await step(d, data, 'home');
  await d.press(d.role('button', info.label));
  await d.heading(info.label);
  let created;
  if (kind === 'person_phone_taken') {
    await phoneAndCode(d, '申诉手机号', data.phone);
    await step(d, data, 'phone');
    await next(d, page);
    await d.fill('姓名', data.name);
    await d.fill('证件号码', data.id_number);
    await step(d, data, 'identity');
    await next(d, page);
    await passwords(d, '新密码', data.password);
    if (data.remark) await d.fill('申诉备注', data.remark);
    await step(d, data, 'password');
    created = await next(d, page, '/api/v1/appeals');
  } else if (kind === 'person_id_taken') {
    await d.fill('姓名', data.name);
    await d.fill('证件号码', data.id_number);
    await d.captcha();
    await step(d, data, 'id');
    await next(d, page);
    await phoneAndCode(d, '新手机号', data.phone);
    await passwords(d, '新密码', data.password);
    if (data.remark) await d.fill('申诉备注', data.remark);
    await step(d, data, 'phone');
    created = await next(d, page, '/api/v1/appeals');
  } else if (kind === 'enterprise_account') {
    await d.fill('统一社会信用代码', data.uscc);
    const looked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/appeals/enterprise', { timeout: TIMEOUT });
    await d.press(d.role('button', '查询企业'));
    check((await looked).status() === 200, 'enterprise lookup');
    await d.role('textbox', '企业名称').waitFor({ timeout: TIMEOUT });
    await step(d, data, 'enterprise');
    await next(d, page);
    await d.fill('新联系人姓名', data.contact_name);
    await d.fill('联系人身份证号', data.contact_id_number);
    await phoneAndCode(d, '新联系手机', data.phone);
    await step(d, data, 'contact');
    await next(d, page);
    await passwords(d, '新密码', data.password);
    if (data.remark) await d.fill('申诉备注', data.remark);
    await step(d, data, 'password');
    created = await next(d, page, '/api/v1/appeals');
  } else if (kind === 'enterprise_register_assist') {
    await d.fill('企业名称', data.enterprise_name);
    await d.fill('统一社会信用代码', data.uscc);
    await d.fill('法定代表人姓名', data.legal_rep_name);
    await d.fill('法定代表人证件号码', data.legal_rep_id_number);
    if (data.legal_rep_id_valid_from) {
      await d.fill('有效期开始日期', data.legal_rep_id_valid_from);
      await d.press(d.role('checkbox', '长期有效'));
    }
    await d.fill('法人账号', data.account);
    await passwords(d, '登录密码', data.password);
    await phoneAndCode(d, '联系手机', data.phone);
    await d.captcha();  // the appeal takes a captcha of its own: the one shown after the SMS
    if (data.remark) await d.fill('申诉备注', data.remark);
    await step(d, data, 'form');
    created = await next(d, page, '/api/v1/appeals');
  } else if (kind === 'enterprise_info_change') {
    await d.fill('统一社会信用代码', data.uscc);
    if (data.new_phone) await d.fill('新手机号码', data.new_phone);
    if (data.contact_name) await d.fill('新联系人姓名', data.contact_name);
    if (data.legal_rep_name) await d.fill('新法定代表人', data.legal_rep_name);
    await phoneAndCode(d, '联系手机', data.phone);
    if (data.remark) await d.fill('申诉备注', data.remark);
    await step(d, data, 'form');
    created = await next(d, page, '/api/v1/appeals');
  } else {
    throw new Error(`unknown appeal kind ${kind}`);
  }
  check(created.case_number && created.upload_token, `appeal created without a case number: ${JSON.stringify(created)}`);

  // 上传材料: every required material through its own chooser.
  for (const m of info.required_materials) {
    const chooser = page.waitForEvent('filechooser', { timeout: TIMEOUT });
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/appeals/${created.case_number}/materials`, { timeout: 20_000 });
    await d.press(d.role('button', `上传${m.label}`));
    await (await chooser).setFiles({ name: `${m.code}.png`, mimeType: 'image/png', buffer: PNG });
    const res = await uploaded;
    check(res.status() === 201, `upload ${m.code}: HTTP ${res.status()} ${await res.text()}`);
    await page.waitForFunction((label) => [...document.querySelectorAll('#uia-a11y [role=status]')]
      .some((e) => e.getAttribute('aria-label') === label && e.textContent.startsWith('已上传')), m.label, { timeout: TIMEOUT });
  }
  await step(d, data, 'materials');
  const submitted = await d.submit('提交申诉', `/api/v1/appeals/${created.case_number}/submit`, 'POST');
  check(submitted.status() === 200, `submit: HTTP ${submitted.status()} ${await submitted.text()}`);
  await page.waitForFunction((n) => document.querySelector('#uia-a11y [role=textbox][aria-label="申诉编号"]')?.getAttribute('data-value') === n,
    created.case_number, { timeout: TIMEOUT });
  await d.banner('一个工作日内');
  await step(d, data, 'done');
  return d.value('申诉编号');
}

// 申诉进度查询 from a fresh login page; the answer as the page shows it.
export async function readProgress(page, server, caseNumber, phone, { shot = null } = {}) {
  if (server) useServer(server);
  const d = pageDriver(page);
  await page.goto(server || page.url(), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await page.evaluate(() => window.uiaReady);
  await openAppealHome(d, false);
  await d.press(d.role('button', '申诉进度查询'));
  await d.heading('申诉进度查询');
  await d.fill('申诉编号', caseNumber);
  await d.fill('手机号码', phone);
  await d.captcha();
  await d.fill('短信验证码', await d.requestCode(phone, 'appeal'));
  const res = await d.submit('查询', '/api/v1/appeals/progress', 'POST');
  check(res.status() === 200, `progress: HTTP ${res.status()} ${await res.text()}`);
  await d.role('textbox', '申诉状态').waitFor({ timeout: TIMEOUT });
  await nextFrames(page, 2);
  if (shot) await d.shot(shot);
  const reason = await d.role('textbox', '驳回原因').count() ? await d.value('驳回原因') : '';
  return { status_label: await d.value('申诉状态'), reason };
}
