// Browser test of 其他登录方式: sign-in through the 国家政务服务平台 (an upstream OpenID Connect
// provider). The upstream is a real, off-the-shelf provider (oidc-provider, its development
// login and consent pages) started here on the port tests/e2e/run.sh configured for it; our
// server only knows it from its config. Desktop (1280x800) and phone (375x812, DPR 2, touch):
//   - the login page lists the provider as a button "国家政务服务平台登录" (mirror: a button);
//   - pressing it navigates to the upstream's authorize URL with state, nonce and PKCE S256,
//     and our server set the short-lived uia_upstream cookie (HttpOnly, SameSite=Lax);
//   - signing in there (as the upstream account whose verified ID number is this citizen's)
//     brings the browser back to 个人中心, signed in (the first time linked by ID number, the
//     second time by the link);
//   - an upstream account whose ID number nobody here has comes back to the login page with
//     upstream_error=ACCOUNT_NOT_LINKED, shown as an alert with the catalogue's text;
//   - a business system's pending request (/#/login?oidc=ID) survives the detour: back on its
//     授权确认 page; refused upstream, back on its login page with the message.
//
//   UIA_E2E_TESTS="upstream_login.test.mjs" tests/e2e/run.sh
//
// Screenshots: $UIA_SCREENSHOTS/upstream-<viewport>-<step>.png.
import Provider from 'oidc-provider';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import {
  BASE, TIMEOUT, check, log, person, registerActive, call, driver, openClient, runTest, nextFrames,
} from './centre_driver.mjs';

const SHOT_PREFIX = 'upstream';
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const UPSTREAM = process.env.UIA_UPSTREAM_URL;
const CALLBACK = new URL('/api/v1/upstream/national/callback', BASE).href;

// The national platform: who may sign in there, with the verified ID number it releases
// under the "uia_id" scope (only at userinfo, as oidc-provider does by default).
const accounts = new Map();  // upstream login name (its sub) -> ID number
function startUpstream() {
  check(UPSTREAM, 'UIA_UPSTREAM_URL is not set (run through tests/e2e/run.sh)');
  const provider = new Provider(UPSTREAM, {
    clients: [{
      client_id: process.env.UIA_UPSTREAM_CLIENT_ID, client_secret: process.env.UIA_UPSTREAM_CLIENT_SECRET,
      redirect_uris: [CALLBACK], grant_types: ['authorization_code'], response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    scopes: ['openid', 'uia_id'],
    claims: { openid: ['sub'], uia_id: ['id_number', 'id_type'] },
    pkce: { required: () => true },
    async findAccount(ctx, sub) {
      if (!accounts.has(sub)) return undefined;
      return { accountId: sub, claims: async () => ({ sub, id_number: accounts.get(sub), id_type: 'resident' }) };
    },
  });
  const port = Number(new URL(UPSTREAM).port);
  return new Promise((resolve) => { const server = provider.listen(port, '127.0.0.1', () => resolve(server)); });
}

// At the upstream (oidc-provider's development pages): sign in as `login`, then consent.
async function signInUpstream(page, login) {
  await page.waitForURL((u) => u.href.startsWith(UPSTREAM + '/interaction/'), { timeout: TIMEOUT });
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  // Then its consent page (the first time for this client in this browser), or straight back.
  const consent = page.locator('input[name=prompt][value=consent]');
  const home = (u) => u.href.startsWith(BASE);
  await Promise.race([consent.waitFor({ state: 'attached', timeout: TIMEOUT }), page.waitForURL(home, { timeout: TIMEOUT })]);
  if (!home(new URL(page.url()))) {
    await page.click('button[type=submit]');
    await page.waitForURL(home, { timeout: TIMEOUT });
  }
  log('signed in at the upstream as', login);
}

// Presses 国家政务服务平台登录 and checks the authorize request it leads to.
async function pressUpstreamButton(client) {
  const { d, page, context } = client;
  const leaving = page.waitForRequest((r) => r.url().startsWith(UPSTREAM + '/auth?'), { timeout: TIMEOUT });
  await d.press(d.role('button', '国家政务服务平台登录'));
  const authorize = new URL((await leaving).url());
  const q = authorize.searchParams;
  check(q.get('response_type') === 'code', `response_type ${q.get('response_type')}`);
  check(q.get('client_id') === process.env.UIA_UPSTREAM_CLIENT_ID, `client_id ${q.get('client_id')}`);
  check(q.get('redirect_uri') === CALLBACK, `redirect_uri ${q.get('redirect_uri')}`);
  check(q.get('scope') === 'openid uia_id', `scope ${q.get('scope')}`);
  check((q.get('state') || '').length >= 32, 'state');
  check((q.get('nonce') || '').length >= 32, 'nonce');
  check(q.get('code_challenge_method') === 'S256' && (q.get('code_challenge') || '').length === 43, 'PKCE S256');
  // Scoped to /api/v1/upstream/: only the callback gets it back.
  const bound = (await context.cookies(CALLBACK)).find((c) => c.name === 'uia_upstream');
  check(!(await context.cookies(BASE)).some((c) => c.name === 'uia_upstream'), 'uia_upstream is sent to every path');
  check(bound && bound.httpOnly && bound.sameSite === 'Lax' && bound.path === '/api/v1/upstream/', `uia_upstream cookie ${JSON.stringify(bound)}`);
  log('authorize request: state, nonce, PKCE S256; uia_upstream cookie set');
  return q;
}

async function expectCentre(client, name) {
  const { d, page } = client;
  await page.waitForURL((u) => u.href.startsWith(BASE), { timeout: TIMEOUT });
  await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await d.heading('个人中心');
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
  check(me.name && me.name.startsWith(name[0]), `signed in as ${JSON.stringify(me.name)}`);
}

async function walk(browser, label, options, p, upstreamLogin, stranger) {
  console.log(`[${label}] ${options.viewport.width}x${options.viewport.height}`);
  const client = await openClient(browser, label, options, SHOT_PREFIX);
  const { d, page } = client;
  await d.heading('用户登录');
  await d.role('button', '国家政务服务平台登录').waitFor({ timeout: TIMEOUT });
  await d.shot('login');

  // The round trip: button → upstream sign-in and consent → back signed in.
  await pressUpstreamButton(client);
  await signInUpstream(page, upstreamLogin);
  await expectCentre(client, p.name);
  await d.shot('signed-in');
  log('back signed in on 个人中心');

  // Someone the upstream knows but we do not (a fresh browser): back on the login page with
  // the message.
  const fresh = await openClient(browser, label + '-stranger', options, SHOT_PREFIX);
  await fresh.d.heading('用户登录');
  await pressUpstreamButton(fresh);
  await signInUpstream(fresh.page, stranger);
  await fresh.page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await fresh.d.banner('本平台尚无与该证件号码对应的账号，请先注册');
  check(!fresh.page.url().includes('upstream_error'), `the code stays in the address: ${fresh.page.url()}`);
  await fresh.d.shot('not-linked');
  log('ACCOUNT_NOT_LINKED shown as an alert');
  check(client.errors.length === 0 && fresh.errors.length === 0, `page errors: ${[...client.errors, ...fresh.errors].join('; ')}`);
  await fresh.context.close();
  await client.context.close();
}

runTest('upstream_login', async (browser) => {
  const server = await startUpstream();
  try {
    const p = person('欧阳华');
    await registerActive(p);
    log('registered', p.account, 'over REST');
    accounts.set('national-ouyang', p.id);
    const stranger = person('司马青');  // registered at the upstream only
    accounts.set('national-sima', stranger.id);

    const providers = await call('GET', '/api/v1/upstream/providers');
    check(providers.status === 200 && providers.body.providers[0]?.display_name === '国家政务服务平台',
      `providers: ${JSON.stringify(providers.body)}`);

    await walk(browser, 'desktop', DESKTOP, p, 'national-ouyang', 'national-sima');  // linked by ID number
    await walk(browser, 'phone', PHONE, p, 'national-ouyang', 'national-sima');      // by the link

    await pendingRequestSurvives(browser, p);

    // A code in the address straight away (e.g. a bookmarked failure): the catalogue's text.
    const direct = await openClientAt(browser, 'phone-error', PHONE, '#/login?upstream_error=UPSTREAM_ISSUER_MISMATCH');
    await direct.d.banner('第三方平台的授权响应来源不符，请重新登录');
    await direct.d.shot('issuer-mismatch');
    await direct.context.close();
  } finally {
    server.close();
  }
});

// A business system sent the browser here (/oidc/authorize → /#/login?oidc=ID); the citizen
// chooses 国家政务服务平台登录 and, back from the upstream, is on that system's 授权确认 page.
async function pendingRequestSurvives(browser, p) {
  console.log('[desktop] a business system\'s pending request');
  const bin = process.env.UIA_BIN, db = process.env.UIA_DB_URL;
  const username = 'upadmin' + Date.now().toString(36), password = 'Upstream-Admin-2026-x';
  let added = false;
  for (let attempt = 0; attempt < 3 && !added; attempt++)  // the server may hold SQLite's write lock a moment
    added = spawnSync(bin, ['admin', 'add', '--db', db, '--username', username, '--role', 'admin'], { input: password + '\n' }).status === 0;
  check(added, 'uia admin add failed');
  const staff = await call('POST', '/api/v1/admin/sessions', { username, password });
  check(staff.status === 201, `staff sign-in: HTTP ${staff.status}`);
  const redirect = 'http://127.0.0.1:9/cb';
  const client = await call('POST', '/api/v1/admin/clients', { name: '不动产登记系统', redirect_uris: [redirect] },
    { Authorization: `Bearer ${staff.body.token}` });
  check(client.status === 201, `register client: HTTP ${client.status} ${JSON.stringify(client.body)}`);

  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL('/oidc/authorize', BASE);
  for (const [k, v] of Object.entries({ client_id: client.body.client_id, redirect_uri: redirect, response_type: 'code',
    scope: 'openid profile', state: 'st-up', nonce: 'n-up', code_challenge: challenge, code_challenge_method: 'S256' }))
    authorize.searchParams.set(k, v);
  // A browser sent by the system to its login page (/#/login?oidc=ID), the system named there.
  const atSystemLogin = async (label) => {
    const c = await openClientAt(browser, label, DESKTOP, '/');
    await c.page.goto(authorize.href, { waitUntil: 'domcontentloaded' });
    await c.page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
    const id = new URL(c.page.url()).hash.match(/oidc=([\w-]+)/)?.[1];
    check(id, `not on the login page of a request: ${c.page.url()}`);
    await c.d.heading('用户登录');
    await c.d.mirror.locator('[role=status]').filter({ hasText: '不动产登记系统' }).first().waitFor({ timeout: TIMEOUT });
    return { c, id };
  };

  // Refused upstream (nobody here with that ID number): the message, and still that system's
  // login page, so another way of signing in continues the request.
  const refused = (await atSystemLogin('desktop-oidc-stranger')).c;
  await pressUpstreamButton(refused);
  await signInUpstream(refused.page, 'national-sima');
  await refused.page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await refused.d.banner('本平台尚无与该证件号码对应的账号，请先注册');
  await refused.d.mirror.locator('[role=status]').filter({ hasText: '不动产登记系统' }).first().waitFor({ timeout: TIMEOUT });
  await refused.d.shot('oidc-not-linked');
  log('refused upstream: the message, still on the system\'s login page');
  await refused.context.close();

  const { c, id } = await atSystemLogin('desktop-oidc');
  const started = c.page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/upstream/national/login', { timeout: TIMEOUT });
  await pressUpstreamButton(c);
  const returnTo = new URL((await started).url()).searchParams.get('return_to');
  check(returnTo === `/#/consent?oidc=${id}`, `return_to ${returnTo}`);
  await signInUpstream(c.page, 'national-ouyang');
  await c.page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await c.d.heading('授权确认').catch(async (e) => {
    await c.page.screenshot({ path: `${process.env.UIA_SCREENSHOTS || 'build/screenshots'}/upstream-desktop-oidc-failed.png` });
    const headings = await c.d.mirror.getByRole('heading').allTextContents();
    const statuses = await c.d.mirror.getByRole('status').allTextContents();
    throw new Error(`${e.message}; at ${c.page.url()}; headings ${JSON.stringify(headings)}; status ${JSON.stringify(statuses)}`);
  });
  check(new URL(c.page.url()).hash === '' || new URL(c.page.url()).hash.includes(id), `address ${c.page.url()}`);
  await c.d.mirror.getByText('不动产登记系统').first().waitFor({ timeout: TIMEOUT });
  await c.d.shot('consent');
  log('back on 授权确认 for the pending request');
  await c.context.close();
}

// openClient, at BASE + hash.
async function openClientAt(browser, label, options, hash) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(hash, BASE).href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
  await nextFrames(page, 3);
  return { context, page, errors, d: driver(page, label, options, SHOT_PREFIX) };
}
