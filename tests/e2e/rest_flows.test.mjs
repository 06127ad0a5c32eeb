// The natural-person flows end to end over HTTP against a running `uia serve --dev`, whatever
// database it runs on (tests/e2e/run.sh runs it on SQLite and on MariaDB): register with the face
// check, sign in, /me masked, change phone, sign out, recover the password, import + activate is
// covered by the in-process suite; here the same API is driven the way an integrator would.
import assert from 'node:assert/strict';

const base = process.env.UIA_URL ?? 'http://127.0.0.1:8080/';
const resend = Number(process.env.UIA_SMS_RESEND_SECONDS ?? '60');
const url = (path) => new URL(path, base);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, path, body, headers = {}) {
  const response = await fetch(url(path), {
    method, headers: { 'Content-Type': 'application/json', ...headers }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
async function captcha() {
  const issued = await call('GET', '/api/v1/captcha');
  assert.equal(issued.status, 200);
  assert.match(issued.body.image, /^data:image\/png;base64,/);
  const answer = await call('GET', `/api/dev/captcha/${issued.body.captcha_id}`);
  return { captcha_id: issued.body.captcha_id, captcha_answer: answer.body.answer };
}
const lastSent = new Map();
async function smsCode(phone, purpose) {
  const wait = lastSent.has(phone) ? lastSent.get(phone) + resend * 1000 + 200 - Date.now() : 0;
  if (wait > 0) await sleep(wait);
  const sent = await call('POST', '/api/v1/sms/codes', { phone, purpose, ...(await captcha()) });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  lastSent.set(phone, Date.now());
  return (await call('GET', `/api/dev/sms?phone=${phone}`)).body.messages[0].code;
}
function residentId(birth) {  // birth = 'YYYYMMDD'
  const body = '330106' + birth + String(100 + Math.floor(Math.random() * 899));
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
const unique = Date.now() % 100000000;
const phone = '139' + String(unique).padStart(8, '0');
const newPhone = '137' + String(unique).padStart(8, '0');
const idNumber = residentId('19880517');
const account = 'flow' + unique;

// Register: an adult resident waits for the face check.
const registered = await call('POST', '/api/v1/persons', {
  account, password: 'Flow2026ab', name: '欧阳娜娜', id_type: 'resident', id_number: idNumber,
  id_valid_from: '2020-03-01', id_valid_to: '2040-03-01', phone, sms_code: await smsCode(phone, 'register'), agree: true,
});
assert.equal(registered.status, 201, JSON.stringify(registered.body));
assert.equal(registered.body.status, 'pending_face');
const again = await call('POST', '/api/v1/persons', { ...registered.body, account: account + 'x', password: 'Flow2026ab', name: '欧阳娜娜',
  id_type: 'resident', id_number: idNumber, id_valid_from: '2020-03-01', id_valid_to: '2040-03-01', phone: '136' + String(unique).padStart(8, '0'),
  sms_code: '000000', agree: true });
assert.equal(again.status, 400, 'a wrong SMS code is refused before anything else');
assert.equal((await call('POST', `/api/dev/face/${registered.body.face_ticket}`, { result: 'pass' })).status, 200);

// Sign in with the ID number (lower-case x is fine) and read /me, masked.
const login = await call('POST', '/api/v1/sessions', { method: 'password', identifier: idNumber.toLowerCase(), password: 'Flow2026ab', ...(await captcha()) });
assert.equal(login.status, 201, JSON.stringify(login.body));
assert.match(login.headers.get('set-cookie'), /uia_session=.*HttpOnly.*SameSite=Lax/i);
const bearer = { Authorization: `Bearer ${login.body.token}` };
const me = await call('GET', '/api/v1/me', null, bearer);
assert.equal(me.status, 200);
assert.equal(me.body.name, '欧阳**');
assert.equal(me.body.phone, phone.slice(0, 3) + '****' + phone.slice(7));
assert.equal(me.body.id_number, idNumber.slice(0, 6) + '********' + idNumber.slice(14));
assert.equal(me.body.level, 3);

// Change the phone, then sign out: the token stops working at once.
const changed = await call('PUT', '/api/v1/me/phone', { password: 'Flow2026ab', new_phone: newPhone, sms_code: await smsCode(newPhone, 'change_phone') }, bearer);
assert.equal(changed.status, 200, JSON.stringify(changed.body));
assert.equal((await call('DELETE', '/api/v1/sessions/current', null, bearer)).status, 204);
assert.equal((await call('GET', '/api/v1/me', null, bearer)).status, 401);

// Forgotten password: name + ID number → masked new phone → SMS → new password.
const recovery = await call('POST', '/api/v1/recovery', { name: '欧阳娜娜', id_number: idNumber, ...(await captcha()) });
assert.equal(recovery.status, 201, JSON.stringify(recovery.body));
assert.equal(recovery.body.phone, newPhone.slice(0, 3) + '****' + newPhone.slice(7));
const wait = lastSent.get(newPhone) + resend * 1000 + 200 - Date.now();
if (wait > 0) await sleep(wait);
assert.equal((await call('POST', `/api/v1/recovery/${recovery.body.recovery_id}/sms`)).status, 202);
const code = (await call('GET', `/api/dev/sms?phone=${newPhone}`)).body.messages[0].code;
assert.equal((await call('POST', `/api/v1/recovery/${recovery.body.recovery_id}/password`, { sms_code: code, new_password: 'Flow2027cd' })).status, 204);
const oldPassword = await call('POST', '/api/v1/sessions', { method: 'password', identifier: account, password: 'Flow2026ab', ...(await captcha()) });
assert.equal(oldPassword.status, 401);
assert.equal(oldPassword.body.error.code, 'CREDENTIALS_INVALID');
const newLogin = await call('POST', '/api/v1/sessions', { method: 'password', identifier: newPhone, password: 'Flow2027cd', ...(await captcha()) });
assert.equal(newLogin.status, 201, JSON.stringify(newLogin.body));
console.log('rest flows: register → face → login → /me → change phone → logout → recover → login: ok');
