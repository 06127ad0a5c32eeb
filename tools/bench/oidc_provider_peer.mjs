// The comparison server for tools/bench/oidc_bench: oidc-provider (npm, v8, from
// tests/e2e/node_modules) configured like uia's provider, plus a control port the bench uses to
// mint authorization codes in this process (what a browser's authorize + consent would leave
// behind). Prints one line "ready <provider port> <control port> oidc-provider@<version>" when
// both listen.
//
// Configured as uia is: ID tokens ES256; authorization code with PKCE (S256, required);
// refresh tokens on every code exchange, rotated on every use; client_secret_basic; opaque
// access tokens (no resource indicators, so oidc-provider issues opaque ones); the same
// lifetimes (access 600 s, ID token 600 s, code 60 s, refresh 30 days); userinfo with the same
// claims. Storage: oidc-provider's own in-memory adapter (an LRU in this process; it has no
// SQLite adapter, and writing one would be ours, not theirs; its LRU is made big enough for a
// whole run), the account in memory too.
//   node tools/bench/oidc_provider_peer.mjs
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'e2e', 'node_modules', 'oidc-provider');
const { default: Provider } = await import(pathToFileURL(join(packageDir, 'lib', 'index.js')).href);
// Its in-memory adapter keeps 1000 entries (codes, tokens and grants together): far fewer than
// a series spends, so the bench gives it room for all of them.
const { setStorage } = await import(pathToFileURL(join(packageDir, 'lib', 'adapters', 'memory_adapter.js')).href);
const { default: QuickLRU } = await import(pathToFileURL(join(packageDir, '..', 'quick-lru', 'index.js')).href);
setStorage(new QuickLRU({ maxSize: 10_000_000 }));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const CLIENT_ID = 'bench-client';
const CLIENT_SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const REDIRECT = 'http://127.0.0.1:9/cb';
const SCOPE = 'openid profile phone';
const ACCOUNT = 'person-1';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

// The provider's issuer names its port, so the port comes first and the handler after.
let handler = null;
const providerServer = createServer((req, res) => handler(req, res));
providerServer.keepAliveTimeout = 60_000;
const port = await listen(providerServer);

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'bench-es256', alg: 'ES256', use: 'sig' };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
  }],
  jwks: { keys: [signingKey] },
  scopes: ['openid', 'profile', 'phone'],
  claims: { openid: ['sub'], profile: ['name'], phone: ['phone_number', 'phone_number_verified'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: '测试', phone_number: '13900000000', phone_number_verified: true };
      },
    };
  },
  pkce: { methods: ['S256'], required: () => true },
  issueRefreshToken: async () => true,
  rotateRefreshToken: true,
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, RefreshToken: 30 * 24 * 3600, Grant: 30 * 24 * 3600 },
  features: { devInteractions: { enabled: false }, userinfo: { enabled: true }, revocation: { enabled: true } },
  cookies: { keys: ['bench-cookie-key'] },
});
handler = provider.callback();
// A failing grant says why on stderr (the response only says "grant request is invalid").
let grantErrors = 0;
provider.on('grant.error', (ctx, error) => {
  grantErrors += 1;
  if (grantErrors <= 3) console.error(`oidc-provider: ${error.message}: ${error.error_detail ?? ''}`);
});

// One grant (the person's consent), then codes as the authorization endpoint would mint them.
const client = await provider.Client.find(CLIENT_ID);
const grant = new provider.Grant({ accountId: ACCOUNT, clientId: CLIENT_ID });
grant.addOIDCScope(SCOPE);
const grantId = await grant.save();

async function mintCodes(count, challenge) {
  const codes = [];
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < count; i += 1) {
    const code = new provider.AuthorizationCode({
      accountId: ACCOUNT, client, grantId, scope: SCOPE, redirectUri: REDIRECT,
      codeChallenge: challenge, codeChallengeMethod: 'S256', nonce: 'n-1', authTime: now,
      acr: 'urn:uia:level:1', expiresWithSession: false, sessionUid: 'bench-session', sid: 'bench-sid',
    });
    codes.push(await code.save());
  }
  return codes;
}

// GET /codes?n=N&challenge=C → {"codes": [...]}; GET /exit ends the process.
const control = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://control');
  let body = '{}';
  if (url.pathname === '/codes') {
    const n = Math.min(Number(url.searchParams.get('n') || 1), 200_000);
    body = JSON.stringify({ codes: await mintCodes(n, url.searchParams.get('challenge')) });
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
  if (url.pathname === '/exit') setImmediate(() => process.exit(0));
});
const controlPort = await listen(control);
process.stdout.write(`ready ${port} ${controlPort} oidc-provider@${version}\n`);
