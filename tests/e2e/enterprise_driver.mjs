// Enterprise (法人) helpers shared by the browser tests: valid USCCs, a company's details, 法人注册
// through the page, the legal representative's face check, 法人登录.
import { TIMEOUT, check, call, rnd, randomPhone } from './centre_driver.mjs';

// A valid GB 32100 code: 9 (market regulation) 1 (enterprise), region 220100 (长春), a GB 11714
// organisation code with its check character, the MOD 31 check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function orgCheck(body8) {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8[i]) * w[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
function usccCheck(first17) {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * w[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}
export function makeUscc() {
  const body = String(10000000 + rnd(89999999)).padStart(8, '0');
  const first17 = '91220100' + body + orgCheck(body);
  return first17 + usccCheck(first17);
}
export const wrongCheck = (u) => u.slice(0, 17) + (u[17] === '0' ? '1' : '0');

export function company(name) {
  return { name, uscc: makeUscc(), phone: randomPhone(), account: 'qy' + Date.now().toString(36) + rnd(1000), password: 'Qy2026#abc' };
}

// 法人注册 through the page, up to the face page; returns the POST /api/v1/enterprises answer.
export async function registerThroughPage(d, page, c, rep, shotName) {
  const { role, mirror } = d;
  await d.heading('用户登录');
  await d.tab('法人登录');
  await d.press(role('button', '法人注册'));
  await d.heading('法人注册');
  // The types are the profile's (dev server: jilin, whose manual offers 企业法人 only).
  check(await role('radio', '企业法人').count() === 1, 'legal-person type 企业法人 missing');
  check(await role('radio', '社会团体').count() === 0, 'jilin offers no 社会团体');
  check(await role('radio', '企业法人').getAttribute('aria-checked') === 'true', '企业法人 is not the default type');
  await d.shot(shotName.replace("-filled", "-empty"));
  await d.fill('法人名称', c.name);
  // The USCC is checked live with the shared rule, like the server's.
  await d.fill('统一社会信用代码', wrongCheck(c.uscc));
  await d.fieldAlert('uscc', '统一社会信用代码校验位不正确');
  await d.fill('统一社会信用代码', c.uscc);
  await d.fill('法定代表人姓名', rep.name);
  await d.fill('法定代表人证件号码', rep.id);
  await d.press(role('radio', '长期有效'));
  await d.fill('有效期开始日期', rep.validFrom);
  await d.fill('手机号码', c.phone);
  await d.captcha();
  const code = await d.requestCode(c.phone, 'enterprise_register');
  await d.fill('短信验证码', code);
  await d.fill('法人账号', c.account);
  await d.fill('设置密码', 'abcdefgh', { secret: true });
  await mirror.locator('[role=status]').filter({ hasText: '密码强度：弱' }).first().waitFor({ timeout: TIMEOUT });
  await d.fill('设置密码', c.password, { secret: true });
  await mirror.locator('[role=status]').filter({ hasText: /密码强度：[中强]/ }).first().waitFor({ timeout: TIMEOUT });
  await d.fill('确认密码', c.password, { secret: true });
  await d.press(mirror.locator('[role=checkbox]').first());
  await page.waitForFunction(() => document.querySelector('#uia-a11y [role=checkbox]')?.getAttribute('aria-checked') === 'true', null, { timeout: TIMEOUT });
  check((await d.alerts()).every((a) => a === ''), `registration form still shows messages: ${JSON.stringify(await d.alerts())}`);
  await d.shot(shotName);
  const res = await d.submit('注册', '/api/v1/enterprises', 'POST');
  check(res.status() === 201, `法人注册: HTTP ${res.status()} ${await res.text()}`);
  return res.json();
}

// The face page after 法人注册: the ticket is shown, the dev route passes it, the outcome shows.
export async function passFace(d, page, answer) {
  await d.heading('人脸识别认证');
  check(answer.face_ticket, 'a resident-ID representative gets a face check');
  await page.waitForFunction((t) => document.querySelector('#uia-a11y [role=textbox][aria-label="核验编号"]')?.getAttribute('data-value') === t,
    answer.face_ticket, { timeout: TIMEOUT });
  check((await call('POST', `/api/dev/face/${answer.face_ticket}`, { result: 'pass' })).status === 200, 'face pass');
}

export async function enterpriseSignIn(d, identifier, password) {
  await d.heading('用户登录');
  await d.tab('法人登录');
  await d.fill('法人账号', identifier);
  await d.fill('密码', password, { secret: true });
  await d.captcha();
  return d.submit('法人登录', '/api/v1/sessions', 'POST');
}
