// A business system signs people in through the platform's OpenID Connect provider, the way a
// real one would: openid-client (v6, off the shelf) as the relying party, a tiny node HTTP
// server on 127.0.0.1 as its redirect URI, post-logout page and back-channel logout endpoint,
// and the web client's own 用户登录 and 授权确认 pages in headless Chromium in between.
//
//   UIA_E2E_TESTS="oidc_rp.test.mjs" tests/e2e/run.sh
//
// Needs `uia serve --dev` with "oidc": {"backchannel_logout": {"adapter": "http"}} (run.sh), and
// UIA_BIN + UIA_DB_URL for `uia admin add` (the back-office admin who registers the clients).
// Covered: client registration (POST /api/v1/admin/clients), discovery, code + PKCE through the
// login and consent pages, token exchange with the ID token's signature checked against the JWKS
// by openid-client (non-repudiation checks on), userinfo, refresh with rotation, revocation,
// RP-initiated logout and back-channel logout (also after a plain 退出登录), step-up (a higher
// real-name level than the account has), 拒绝. Negative: wrong redirect URI, reused code, code
// of another client, PKCE verifier mismatch, reused refresh token (the whole family revoked),
// tampered ID token. An expired code needs a movable clock: tests/server/rest_oidc_test.cpp.
// Desktop 1280x800, then a 375x812 phone at DPR 2. Screenshots: $UIA_SCREENSHOTS/oidc-*.png.
import crypto from 'node:crypto';
import http from 'node:http';
import * as oidc from 'openid-client';
import {
  BASE, TIMEOUT, TestFailure, check, log, call, person, maskPhone, registerActive, residentId, restSmsCode, openClient, runTest,
} from './centre_driver.mjs';
import { adminToken, registerClient } from './admin_driver.mjs';

const SHOT_PREFIX = 'oidc';
const ISSUER = new URL(BASE).origin;

// ---- The business system's own HTTP server (redirect URI, post-logout page, back-channel)
async function startBusinessSystem() {
  const logoutTokens = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/backchannel') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        logoutTokens.push(new URLSearchParams(body).get('logout_token') || '');
        res.writeHead(200, { 'Cache-Control': 'no-store' });
        res.end();
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>社保业务系统</title><p>${url.pathname}</p>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, redirect: `${origin}/cb`, bye: `${origin}/bye`, backchannel: `${origin}/backchannel`, logoutTokens,
    close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---- Back office: an admin account the way operators make one, then its bearer token
// openid-client's view of the provider: discovery over plain HTTP on loopback, and the ID
// token's JWS signature checked against the published JWKS (not only trusted because TLS).
async function relyingParty(client, extra = {}) {
  const config = await oidc.discovery(new URL(BASE), client.client_id,
    { client_secret: client.client_secret, id_token_signed_response_alg: client.id_token_signed_response_alg || 'ES256', ...extra },
    oidc.ClientSecretBasic(client.client_secret), { execute: [oidc.allowInsecureRequests] });
  oidc.enableNonRepudiationChecks(config);
  return config;
}

// What a failed openid-client call says: the OAuth error code, or the message.
async function failureOf(promise) {
  try {
    await promise;
  } catch (e) {
    return e.error || e.cause?.error || e.code || e.message;
  }
  return null;
}

// Logout tokens are JWTs signed like ID tokens: checked here with node's crypto and the JWKS.
async function verifyJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const jwks = (await call('GET', '/oidc/jwks')).body;
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  check(jwk, `no JWKS key ${header.kid}`);
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(`${h}.${p}`);
  const ok = header.alg === 'ES256' ? crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))
    : crypto.verify('sha256', data, key, Buffer.from(s, 'base64url'));
  check(ok, 'logout token signature does not verify');
  return JSON.parse(Buffer.from(p, 'base64url'));
}

async function waitFor(predicate, what, ms = TIMEOUT) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new TestFailure(`timed out waiting for ${what}`);
}

// One authorization request: the URL openid-client builds and what it must check afterwards.
async function authorization(config, rp, params = {}) {
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier();
  const expectedState = oidc.randomState(), expectedNonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: rp.redirect, scope: 'openid profile phone', state: expectedState, nonce: expectedNonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier), code_challenge_method: 'S256', ...params,
  });
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce, idTokenExpected: true } };
}

// A browser that already consented (and is signed in) goes straight back to the system.
async function silentCode(page, config, rp, params = {}) {
  const auth = await authorization(config, rp, params);
  await page.goto(auth.url.href);
  await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
  return { ...auth, callback: new URL(page.url()) };
}

// Opens the authorization URL: /oidc/authorize sends the browser to the web client's page.
async function openAuthorization(page, d, auth, hashPage) {
  await page.goto(auth.url.href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
  check(await page.evaluate(() => window.uiaStatus) === 'ready', 'client did not start');
  check(new URL(page.url()).hash.startsWith(`#/${hashPage}?oidc=`), `expected /#/${hashPage}?oidc=..., at ${page.url()}`);
}

// A child under 16: registered without a face check or validity dates, so 二级实名 (level 2).
async function registerChild(name) {
  const year = new Date().getFullYear() - 12;
  const p = { ...person(name), id: residentId(`${year}0301`) };
  const code = await restSmsCode(p.phone, 'register');
  const r = await call('POST', '/api/v1/persons', { account: p.account, password: p.password, name: p.name, id_type: 'resident',
    id_number: p.id, phone: p.phone, sms_code: code, agree: true });
  check(r.status === 201 && r.body.status === 'active', `register child: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return p;
}

async function passwordSignIn(d, p) {
  await d.heading('用户登录');
  await d.fill('用户账号', p.account);
  await d.fill('密码', p.password, { secret: true });
  await d.captcha();
  return d.submit('登录', '/api/v1/sessions');
}

async function consentShows(d, systemName) {
  await d.heading('授权确认');
  await d.role('button', '同意授权').waitFor({ timeout: TIMEOUT })  // the request is read after the page opens
    .catch(async () => { throw new TestFailure(`consent: no 同意授权; alerts ${JSON.stringify(await d.alerts())}`); });
  for (const item of ['实名等级（账号标识与实名认证等级）', '基本信息（姓名）', '手机号码'])
    check(await d.role('listitem', item).count() === 1, `consent: ${item} not listed`);
  check(await d.value('业务系统') === systemName, `consent: system ${await d.value('业务系统')}`);
  for (const b of ['同意授权', '拒绝']) check(await d.role('button', b).count() === 1, `consent: button ${b}`);
}

async function desktop(browser, admin, rp) {
  const label = 'desktop';
  const opts = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
  console.log(`[${label}] 1280x800`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  const { role } = d;
  try {
    const a = person('欧阳娜娜');
    await registerActive(a);
    log('registered', a.account, 'over REST');
    const social = await registerClient(admin, { name: '社保业务系统', redirect_uris: [rp.redirect], post_logout_redirect_uris: [rp.bye],
      backchannel_logout_uri: rp.backchannel });
    const fund = await registerClient(admin, { name: '公积金业务系统', redirect_uris: [rp.redirect], id_token_signed_response_alg: 'RS256',
      backchannel_logout_uri: rp.backchannel });
    const config = await relyingParty(social);
    const fundConfig = await relyingParty(fund);
    check(config.serverMetadata().issuer === ISSUER, `issuer ${config.serverMetadata().issuer}`);
    check(config.serverMetadata().code_challenge_methods_supported.includes('S256'), 'discovery: S256');
    log('clients registered, discovery done');

    // ---- Code + PKCE through the login page (names the system) and the consent page
    const first = await authorization(config, rp);
    await openAuthorization(page, d, first, 'login');
    await d.heading('用户登录');
    await d.mirror.locator('[role=status]').filter({ hasText: '「社保业务系统」请求使用您的统一身份认证账号登录' }).first()
      .waitFor({ timeout: TIMEOUT }).catch(() => { throw new TestFailure('login: the asking system is not named'); });
    await d.shot('login');
    const signedIn = await passwordSignIn(d, a);
    check(signedIn.status() === 201, `sign-in: HTTP ${signedIn.status()}`);
    await consentShows(d, '社保业务系统');
    check(await d.value('当前账号') === `欧阳**  ${maskPhone(a.phone)}`, `consent: account ${await d.value('当前账号')}`);
    check(await d.value('实名等级') === '三级实名', `consent: level ${await d.value('实名等级')}`);
    await d.shot('consent');
    await d.press(role('button', '同意授权'));
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), first.checks);
    const claims = tokens.claims();
    check(claims.iss === ISSUER && claims.aud === social.client_id && claims.nonce === first.checks.expectedNonce, 'ID token claims');
    check(claims.acr === 'urn:uia:level:3' && claims.uia_level === 3 && claims.sid && claims.auth_time, `ID token: ${JSON.stringify(claims)}`);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    check(info.name === '欧阳娜娜' && info.phone_number === a.phone, `userinfo: ${JSON.stringify(info)}`);
    log('code + PKCE through 用户登录 and 授权确认; ID token verified against the JWKS; userinfo');

    // ---- Refresh with rotation; the old refresh token again revokes the whole family
    const rotated = await oidc.refreshTokenGrant(config, tokens.refresh_token);
    check(rotated.refresh_token && rotated.refresh_token !== tokens.refresh_token, 'refresh: a new refresh token');
    check(rotated.claims()?.sub === claims.sub, 'refresh: a new ID token for the same subject');
    check(await failureOf(oidc.refreshTokenGrant(config, tokens.refresh_token)) === 'invalid_grant', 'old refresh token refused');
    check(await failureOf(oidc.refreshTokenGrant(config, rotated.refresh_token)) === 'invalid_grant', 'reuse revokes the rotated token too');
    check(!(await oidc.tokenIntrospection(config, rotated.access_token)).active, 'reuse revokes the family\'s access token');
    log('refresh rotation; reuse revoked the family');

    // ---- Reused code: refused, and what it gave is revoked
    const second = await silentCode(page, config, rp);
    const t2 = await oidc.authorizationCodeGrant(config, second.callback, second.checks);
    check(await failureOf(oidc.authorizationCodeGrant(config, second.callback, second.checks)) === 'invalid_grant', 'reused code');
    check(!(await oidc.tokenIntrospection(config, t2.access_token)).active, 'reused code revokes its tokens');
    // ---- Code of another client, PKCE verifier mismatch
    const third = await silentCode(page, config, rp);
    check(await failureOf(oidc.authorizationCodeGrant(fundConfig, third.callback, third.checks)) === 'invalid_grant', 'code of another client');
    const fourth = await silentCode(page, config, rp);
    const wrongPkce = { ...fourth.checks, pkceCodeVerifier: oidc.randomPKCECodeVerifier() };
    check(await failureOf(oidc.authorizationCodeGrant(config, fourth.callback, wrongPkce)) === 'invalid_grant', 'PKCE mismatch');
    // ---- Wrong redirect URI: an error from the provider, never a redirect to it
    const evil = await authorization(config, rp, { redirect_uri: `${rp.origin}/evil` });
    const refused = await page.goto(evil.url.href);
    check(refused.status() === 400 && new URL(page.url()).origin === ISSUER, `wrong redirect URI: ${refused.status()} at ${page.url()}`);
    check((await refused.json()).error === 'invalid_request', 'wrong redirect URI: invalid_request');
    // ---- Tampered ID token: openid-client refuses it (signature against the JWKS)
    const tamperedConfig = await relyingParty(social);
    tamperedConfig[oidc.customFetch] = async (url, options) => {
      const res = await fetch(url, options);
      if (new URL(url).pathname !== '/oidc/token') return res;
      const body = await res.json();
      const [h, p, s] = body.id_token.split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url'));
      payload.sub = `${payload.sub}0`;  // passing as someone else (same header and signature)
      body.id_token = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
      return new Response(JSON.stringify(body), { status: res.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    };
    const fifth = await silentCode(page, config, rp);
    // openid-client answers OAUTH_INVALID_RESPONSE; its cause names the failed check.
    const tamper = await oidc.authorizationCodeGrant(tamperedConfig, fifth.callback, fifth.checks).then(() => null, (e) => `${e.code}: ${e.cause?.message}`);
    check(tamper === 'OAUTH_INVALID_RESPONSE: JWT signature verification failed', `tampered ID token accepted or wrong error: ${tamper}`);
    log('negative: reused code, other client, PKCE mismatch, wrong redirect URI, tampered ID token');

    // ---- Revocation (RFC 7009)
    const sixth = await silentCode(page, config, rp);
    const t6 = await oidc.authorizationCodeGrant(config, sixth.callback, sixth.checks);
    await oidc.tokenRevocation(config, t6.refresh_token);
    check(await failureOf(oidc.refreshTokenGrant(config, t6.refresh_token)) === 'invalid_grant', 'revoked refresh token');
    check(!(await oidc.tokenIntrospection(config, t6.access_token)).active, 'revocation ends the access token too');
    log('revocation');

    // ---- A system never consented to, with the session already there: straight to 授权确认
    const fundAuth = await authorization(fundConfig, rp);
    await openAuthorization(page, d, fundAuth, 'consent');
    await consentShows(d, '公积金业务系统');
    await d.press(role('button', '同意授权'));
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    const tf = await oidc.authorizationCodeGrant(fundConfig, new URL(page.url()), fundAuth.checks);
    check(tf.claims().aud === fund.client_id, 'RS256 ID token of the second system verified');

    // ---- RP-initiated logout: the browser goes to the post-logout page, both systems hear it
    const seventh = await silentCode(page, config, rp);
    const t7 = await oidc.authorizationCodeGrant(config, seventh.callback, seventh.checks);
    const before = rp.logoutTokens.length;
    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: t7.id_token, post_logout_redirect_uri: rp.bye, state: 'bye-1' }).href);
    await page.waitForURL((u) => u.href === `${rp.bye}?state=bye-1`, { timeout: TIMEOUT });
    await waitFor(() => rp.logoutTokens.length >= before + 2, 'two back-channel logout tokens');
    const notices = await Promise.all(rp.logoutTokens.slice(before).map(verifyJwt));
    const toSocial = notices.find((n) => n.aud === social.client_id);
    check(toSocial && toSocial.sid === t7.claims().sid && toSocial.sub === claims.sub, `logout token: ${JSON.stringify(notices)}`);
    check(toSocial.events['http://schemas.openid.net/event/backchannel-logout'] && !toSocial.nonce, 'logout token events, no nonce');
    check(notices.some((n) => n.aud === fund.client_id), 'the second system is told too');
    check(!(await oidc.tokenIntrospection(config, t7.access_token)).active, 'logout revokes the session\'s tokens');
    log('RP-initiated logout + back-channel logout to both systems');

    // ---- Signed out now: the login page again; a consented system continues without 授权确认
    const eighth = await authorization(config, rp);
    await openAuthorization(page, d, eighth, 'login');
    const again = await passwordSignIn(d, a);
    check(again.status() === 201, `sign-in again: HTTP ${again.status()}`);
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    const t8 = await oidc.authorizationCodeGrant(config, new URL(page.url()), eighth.checks);
    // ---- A plain 退出登录 in the personal centre tells the system too (back-channel)
    await page.goto(BASE);
    await page.waitForFunction(() => window.uiaStatus === 'ready', null, { timeout: 60_000 });
    await d.heading('个人中心');
    // ---- 已授权系统 lists both systems; 取消授权 of one ends its tokens (the other keeps its own)
    await d.tab('已授权系统');
    await role('listitem', '社保业务系统').waitFor({ timeout: TIMEOUT });
    await role('listitem', '公积金业务系统').waitFor({ timeout: TIMEOUT });
    await d.shot('authorized-clients');
    const listed = await d.mirror.locator('[role=listitem]').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    const unauthorized = page.waitForResponse((r) => r.request().method() === 'DELETE' &&
      new URL(r.url()).pathname.startsWith('/api/v1/me/authorized-clients/'), { timeout: TIMEOUT });
    await d.press(role('button', '取消授权').nth(listed.indexOf('公积金业务系统')));
    const gone = await unauthorized;
    check(gone.ok(), `取消授权: HTTP ${gone.status()}`);
    await d.banner('已取消授权');
    await page.waitForFunction(() => !document.querySelector('#uia-a11y [role=listitem][aria-label="公积金业务系统"]'), null, { timeout: TIMEOUT });
    check(await failureOf(oidc.refreshTokenGrant(fundConfig, tf.refresh_token)) === 'invalid_grant', '取消授权 ends the system\'s refresh token');
    check((await oidc.tokenIntrospection(config, t8.access_token)).active, 'the other system keeps its tokens');
    log('已授权系统: both listed; 取消授权 of one revoked its tokens only');
    await d.tab('基本信息');
    const before8 = rp.logoutTokens.length;
    const out = await d.submit('退出登录', '/api/v1/sessions/current', 'DELETE');
    check(out.status() === 204, `退出登录: HTTP ${out.status()}`);
    await d.heading('用户登录');
    await waitFor(() => rp.logoutTokens.length > before8, 'a back-channel logout after 退出登录');
    const plain = await verifyJwt(rp.logoutTokens[before8]);
    check(plain.aud === social.client_id && plain.sid === t8.claims().sid, `logout token after 退出登录: ${JSON.stringify(plain)}`);
    check(!(await oidc.tokenIntrospection(config, t8.access_token)).active, '退出登录 revokes the session\'s tokens');
    log('退出登录 → back-channel logout');

    // ---- Step-up: the system requires 三级实名; a 12-year-old's account (no face check) has 二级
    const child = await registerChild('欧阳小娜');
    const strict = await authorization(config, rp, { acr_values: 'urn:uia:level:3' });
    await openAuthorization(page, d, strict, 'login');
    await d.mirror.locator('[role=status]').filter({ hasText: '要求三级实名及以上' }).first()
      .waitFor({ timeout: TIMEOUT }).catch(() => { throw new TestFailure('login: the required level is not said'); });
    check((await passwordSignIn(d, child)).status() === 201, 'step-up sign-in');
    check(await d.value('实名等级') === '二级实名', `step-up: level ${await d.value('实名等级')}`);
    await d.heading('授权确认');
    await d.role('button', '同意授权').waitFor({ timeout: TIMEOUT });
    await d.banner('暂不能授权登录');
    check(await role('button', '同意授权').getAttribute('aria-disabled') === 'true', 'step-up: 同意授权 must be disabled');
    await d.shot('consent-step-up');
    await d.press(role('button', '拒绝'));
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    check(new URL(page.url()).searchParams.get('error') === 'access_denied', `拒绝: ${page.url()}`);
    check(await failureOf(oidc.authorizationCodeGrant(config, new URL(page.url()), strict.checks)) === 'access_denied',
      'openid-client sees access_denied');
    log('step-up shown, 拒绝 → access_denied');
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

async function phone(browser, admin, rp) {
  const label = 'phone';
  const opts = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
  console.log(`[${label}] 375x812 @2x`);
  const { context, page, errors, d } = await openClient(browser, label, opts, SHOT_PREFIX);
  try {
    const b = person('王芳');
    await registerActive(b);
    const health = await registerClient(admin, { name: '医疗保障信息平台', redirect_uris: [rp.redirect] });
    const config = await relyingParty(health);
    const auth = await authorization(config, rp);
    await openAuthorization(page, d, auth, 'login');
    await d.heading('用户登录');
    await d.mirror.locator('[role=status]').filter({ hasText: '「医疗保障信息平台」' }).first().waitFor({ timeout: TIMEOUT });
    await d.shot('login');
    check((await passwordSignIn(d, b)).status() === 201, 'phone sign-in');
    await consentShows(d, '医疗保障信息平台');
    await d.shot('consent');
    // 拒绝: the system hears access_denied, nothing is granted.
    await d.press(d.role('button', '拒绝'));
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    check(new URL(page.url()).searchParams.get('error') === 'access_denied', `phone 拒绝: ${page.url()}`);
    // Asked again, the person agrees this time.
    const again = await authorization(config, rp);
    await openAuthorization(page, d, again, 'consent');
    await consentShows(d, '医疗保障信息平台');
    await d.press(d.role('button', '同意授权'));
    await page.waitForURL((u) => u.href.startsWith(rp.redirect + '?'), { timeout: TIMEOUT });
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), again.checks);
    check(tokens.claims().sub && tokens.claims().aud === health.client_id, 'phone: tokens');
    log('phone: 拒绝 then 同意授权');
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

runTest('oidc_rp', async (browser) => {
  const rp = await startBusinessSystem();
  try {
    const admin = await adminToken();
    await desktop(browser, admin, rp);
    await phone(browser, admin, rp);
  } finally {
    await rp.close();
  }
});
