// A business system that authenticates with private_key_jwt (OIDC Core §9), the way a real one
// would: openid-client (v6, off the shelf) with PrivateKeyJwt and an ES256 key made with Web
// Crypto, whose public half back-office registers (POST /api/v1/admin/clients, "jwks"). No
// browser: the person signs in and consents over REST (the pages are oidc_rp.test.mjs's), then
// openid-client exchanges the code, refreshes, introspects and revokes, each time with a fresh
// signed assertion. Negative: the same assertion sent twice, and a secret instead of one.
//
//   UIA_E2E_TESTS="oidc_private_key_jwt.test.mjs" tests/e2e/run.sh
//
// Needs UIA_BIN + UIA_DB_URL for `uia admin add` (run.sh sets them). Every case of a bad
// assertion is in tests/server/rest_oidc_private_key_jwt_test.cpp (it has a movable clock).
import * as oidc from 'openid-client';
import { BASE, TestFailure, check, log, call, person, registerActive, captchaAnswer, started } from './centre_driver.mjs';
import { adminToken } from './admin_driver.mjs';

const REDIRECT = 'http://127.0.0.1:9/cb';  // never contacted: the test reads the redirect itself

// Signs in over REST: the session token (the uia_session cookie's value) and its CSRF token.
async function signIn(p) {
  const c = await call('GET', '/api/v1/captcha');
  const r = await call('POST', '/api/v1/sessions', { method: 'password', identifier: p.account, password: p.password,
    captcha_id: c.body.captcha_id, captcha_answer: await captchaAnswer(c.body.captcha_id) });
  check(r.status === 201 && r.body.token, `sign-in: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return { cookie: `uia_session=${r.body.token}`, csrf: r.body.csrf_token };
}

// What a browser would do: /oidc/authorize with the session cookie, 同意授权 on the consent
// request, and the redirect back to the system with the code.
async function consentedCallback(url, browser) {
  const answer = await fetch(url, { redirect: 'manual', headers: { Cookie: browser.cookie } });
  const location = answer.headers.get('location') || '';
  check(answer.status === 302 && location.startsWith('/#/consent?oidc='), `authorize: HTTP ${answer.status} to ${location}`);
  const id = new URLSearchParams(location.split('?')[1]).get('oidc');
  const decided = await call('POST', `/api/v1/oidc/requests/${id}/decision`, { approve: true },
    { Cookie: browser.cookie, 'X-CSRF-Token': browser.csrf });
  check(decided.status === 200 && decided.body.redirect_to, `decision: HTTP ${decided.status} ${JSON.stringify(decided.body)}`);
  return new URL(decided.body.redirect_to);
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (e) {
    return e.error || e.cause?.error || e.code || e.message;
  }
  return null;
}

async function main() {
  const admin = await adminToken();
  const { privateKey, publicKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = { ...(await crypto.subtle.exportKey('jwk', publicKey)), kid: 'rp-es256-1', alg: 'ES256', use: 'sig' };
  delete jwk.key_ops;
  delete jwk.ext;
  const registered = await call('POST', '/api/v1/admin/clients', { name: '不动产登记系统', redirect_uris: [REDIRECT],
    token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } }, { Authorization: `Bearer ${admin}` });
  check(registered.status === 201 && !registered.body.client_secret, `register: HTTP ${registered.status} ${JSON.stringify(registered.body)}`);
  const clientId = registered.body.client_id;
  log('registered', clientId, 'with its ES256 public key');

  const config = await oidc.discovery(new URL(BASE), clientId, { token_endpoint_auth_method: 'private_key_jwt' },
    oidc.PrivateKeyJwt({ key: privateKey, kid: jwk.kid }), { execute: [oidc.allowInsecureRequests] });
  oidc.enableNonRepudiationChecks(config);
  const meta = config.serverMetadata();
  check(meta.token_endpoint_auth_methods_supported.includes('private_key_jwt'), 'discovery: private_key_jwt');
  check(meta.token_endpoint_auth_signing_alg_values_supported.includes('ES256'), 'discovery: ES256 assertions');

  const p = person('司马相如');
  await registerActive(p);
  const browser = await signIn(p);
  const verifier = oidc.randomPKCECodeVerifier(), state = oidc.randomState(), nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid profile phone', state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
  const callback = await consentedCallback(url, browser);

  // Intercept one assertion on its way out, to send it again afterwards.
  let assertion = '';
  const watching = { [oidc.customFetch]: (u, options) => {
    assertion = new URLSearchParams(options.body?.toString() || '').get('client_assertion') || assertion;
    return fetch(u, options);
  } };
  Object.assign(config, watching);
  const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state,
    expectedNonce: nonce, idTokenExpected: true });
  check(tokens.access_token && tokens.refresh_token, 'tokens');
  check(tokens.claims().aud === clientId, `id token aud ${tokens.claims().aud}`);
  check(assertion.split('.').length === 3, 'the assertion was seen');
  log('code exchanged with a private_key_jwt assertion');

  const renewed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
  check(renewed.access_token && renewed.access_token !== tokens.access_token, 'refresh');
  const info = await oidc.tokenIntrospection(config, renewed.access_token);
  check(info.active === true && info.client_id === clientId, `introspection ${JSON.stringify(info)}`);
  await oidc.tokenRevocation(config, renewed.refresh_token);
  check((await oidc.tokenIntrospection(config, renewed.access_token)).active === false, 'revoked family: inactive');
  log('refresh, introspection and revocation with fresh assertions');

  // The intercepted assertion (still unexpired) again: its jti was used.
  const replay = await fetch(new URL('/oidc/introspect', BASE), { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: tokens.access_token, client_assertion: assertion,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' }) });
  const replayBody = await replay.json();
  check(replay.status === 401 && replayBody.error === 'invalid_client', `replay: HTTP ${replay.status} ${JSON.stringify(replayBody)}`);
  // A secret instead of an assertion is no proof for this client.
  const secretConfig = await oidc.discovery(new URL(BASE), clientId, {}, oidc.ClientSecretPost('guessed'),
    { execute: [oidc.allowInsecureRequests] });
  const refusal = await failureOf(oidc.tokenIntrospection(secretConfig, tokens.access_token));
  check(refusal === 'invalid_client', `secret for a private_key_jwt client: ${refusal}`);
  log('a replayed assertion and a guessed secret are refused');
}

main().then(() => {
  console.log(`oidc_private_key_jwt: PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}).catch((e) => {
  console.error('oidc_private_key_jwt: FAIL:', e instanceof TestFailure ? e.message : (e.stack || e));
  process.exit(1);
});
