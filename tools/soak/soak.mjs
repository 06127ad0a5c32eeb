#!/usr/bin/env node
// Hostile soak test (issue 20): reads the server's OpenAPI document and fires malformed requests
// at every documented operation (odd path parameters, broken or mistyped JSON bodies, huge
// strings, odd headers), anonymous and signed in, from several concurrent clients that mix
// one-connection-per-request (Connection: close) with keep-alive. Every request must get a
// complete answer within the deadline and no answer may be a 5xx; each one that does not is
// reported (method, path, body) and the exit status is 1.
//
//   node tools/soak/soak.mjs --url http://127.0.0.1:8080/ [--requests 100000] [--clients 16]
//        [--deadline-ms 5000] [--linger-ms 0] [--seed 1] [--close-share 0.5]
//
// The server should run with `uia serve --dev` (the sign-in uses the dev captcha, SMS and face
// endpoints) and per-address limits lifted (tools/soak/run.sh writes such a config).
// Node's built-in modules only.
import http from 'node:http';

const args = parseArgs(process.argv.slice(2));
const base = new URL(args.url ?? 'http://127.0.0.1:8080/');
const totalRequests = Number(args.requests ?? 3000);
const clientCount = Number(args.clients ?? 8);
const deadlineMs = Number(args['deadline-ms'] ?? 5000);
const closeShare = Number(args['close-share'] ?? 0.5);
const lingerMs = Number(args['linger-ms'] ?? 0);
const random = mulberry32(Number(args.seed ?? Date.now() % 1000000));
const pick = (list) => list[Math.floor(random() * list.length)];

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
    i++;
  }
  return out;
}

// A seeded generator, so that a failing run can be repeated with the same requests.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- one HTTP exchange
// Resolves {status, body, ms} or {failure: 'no answer in N ms' | 'connection error: ...'}.
function exchange({ method, path, headers = {}, body, agent, close }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    const allHeaders = { ...headers };
    if (payload !== undefined) allHeaders['Content-Length'] = String(payload.length);
    if (close) allHeaders.Connection = 'close';
    let settled = false;
    let late = false;
    const finish = (result) => {
      if (settled) return;
      if (late && !result.failure) result = { failure: `answered only after ${Date.now() - started} ms (HTTP ${result.status})` };
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, ms: Date.now() - started });
    };
    const request = http.request({
      host: base.hostname, port: base.port, method, path, headers: allHeaders,
      agent: close ? false : agent,
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => finish({ status: response.statusCode, body: Buffer.concat(chunks).toString() }));
      response.on('error', (e) => finish({ failure: `connection error while reading: ${e.code ?? e.message}` }));
    });
    // With --linger-ms, a request past its deadline is given more time to tell a slow answer
    // from one that never comes; it fails either way.
    let timer = setTimeout(() => {
      late = true;
      timer = setTimeout(() => {
        finish({ failure: `no answer in ${deadlineMs + lingerMs} ms` });
        request.destroy();
      }, lingerMs);
    }, deadlineMs);
    request.on('error', (e) => finish({ failure: `connection error: ${e.code ?? e.message}` }));
    request.end(payload);
  });
}

// ---------------------------------------------------------------- the operations
function resolveRef(doc, schema, depth = 0) {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) return resolveRef(doc, schema.$ref.split('/').slice(1).reduce((o, k) => o?.[k], doc), depth + 1);
  return schema;
}

function operationsOf(doc) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveRef(doc, p));
      const schema = resolveRef(doc, op.requestBody?.content?.['application/json']?.schema);
      ops.push({
        method: method.toUpperCase(), path,
        query: params.filter((p) => p?.in === 'query').map((p) => p.name),
        schema, secured: Boolean(op.security),
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------- hostile material
const oddSegments = [
  '-1', '0', '1', '2', '99999999999999999999', '18446744073709551616', '-9223372036854775809', '1.5', '1e9',
  'abc', 'null', 'undefined', '%E4%B8%AD%E6%96%87', '%F0%9F%98%80', '%00', '%ff%fe', '%25', '%2F', '..%2F..%2Fetc%2Fpasswd',
  '%20', '%27%20OR%201%3D1--', '%3Cscript%3E', 'a'.repeat(300), '9'.repeat(4000), '%C0%AF',
];
const oddStrings = [
  '', ' ', 'a'.repeat(5000), '中'.repeat(3000), '\u0000', '\ud800', '😀'.repeat(50), "' OR 1=1 --", '<script>alert(1)</script>',
  '../../etc/passwd', '-1', '99999999999999999999', '1e400', 'null', '\r\n\r\n', '%00', '13800000000', '2026-13-45',
];
const oddValues = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 99999999999999999999, [], {}, [1, 2, 3], { a: { b: { c: 1 } } },
  ...oddStrings,
];

function valueFor(doc, schema, depth = 0) {
  schema = resolveRef(doc, schema);
  if (!schema || depth > 4) return pick(oddValues);
  if (random() < 0.35) return pick(oddValues); // the wrong type or a hostile value
  if (schema.enum) return random() < 0.7 ? pick(schema.enum) : pick(oddStrings);
  switch (schema.type) {
    case 'object': return objectFor(doc, schema, depth + 1);
    case 'array': return Array.from({ length: Math.floor(random() * 4) }, () => valueFor(doc, schema.items, depth + 1));
    case 'integer': return pick([0, 1, -1, 7, 2147483648, 99999999999999999999]);
    case 'number': return pick([0, -0.5, 1e-9, 1e308]);
    case 'boolean': return random() < 0.5;
    default: return pick(oddStrings);
  }
}

function objectFor(doc, schema, depth = 0) {
  const out = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (random() < 0.8) out[name] = valueFor(doc, property, depth);
  }
  return out;
}

// The body as bytes: most follow the operation's schema with hostile values, the rest are
// malformed JSON, the wrong top-level type, duplicate keys, deep nesting or invalid UTF-8.
function bodyFor(doc, op) {
  const shaped = () => JSON.stringify(objectFor(doc, op.schema));
  const kinds = [
    shaped, shaped, shaped, shaped,
    () => '', () => '{', () => '}', () => '{"a":', () => 'null', () => '[]', () => '"text"', () => '123', () => 'true',
    () => { const s = shaped(); return s.length > 2 ? s.slice(0, -1) + ',' + s.slice(1) : '{"a":1,"a":2}'; }, // duplicate keys
    () => '['.repeat(20000) + ']'.repeat(20000),
    () => '{"a":' + '{"b":'.repeat(3000) + '1' + '}'.repeat(3001),
    () => JSON.stringify({ x: 'y'.repeat(60000) }),
    () => JSON.stringify({ x: 'y'.repeat(70000) }), // above the default body limit
    () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
    () => '{"a":1}garbage', () => '\ufeff{}', () => '{"__proto__":{"admin":true}}',
  ];
  return pick(kinds)();
}

// Every byte percent-encoded (a lone surrogate becomes U+FFFD's bytes): never refused by Node.
const percentEncoded = (text) => [...Buffer.from(text)].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');

function pathFor(op, ids) {
  const path = op.path.replace(/\{[^}]+\}/g, () => (random() < 0.15 && ids.length ? pick(ids) : pick(oddSegments)));
  const query = [];
  for (const name of op.query) if (random() < 0.5) query.push(`${name}=${percentEncoded(pick(oddStrings))}`);
  if (random() < 0.1) query.push(pick(['a=1&a=2', '%zz=1', '=', '&&&', 'page=-1&size=99999999999']));
  return query.length ? `${path}?${query.join('&')}` : path;
}

function headersFor(session, secured) {
  const headers = {};
  const auth = random();
  if (session && auth < 0.35) headers.Authorization = `Bearer ${session.token}`;
  else if (session && auth < 0.6) {
    headers.Cookie = `uia_session=${session.token}`;
    headers['X-CSRF-Token'] = pick([session.csrf ?? 'x', 'wrong', '']);
  } else if (secured && auth < 0.75) headers.Authorization = pick(['Bearer ', 'Bearer x', 'Basic YTpi', 'Bearer ' + 'A'.repeat(3000)]);
  const odd = random();
  if (odd < 0.1) headers.Cookie = pick(['uia_session', '=', ';;;', 'a=b; a=c; uia_session=', 'x'.repeat(4000) + '=1']);
  else if (odd < 0.2) headers['X-Forwarded-For'] = pick(['', 'not-an-ip', '1.1.1.1, 2.2.2.2', '::1', '999.999.999.999']);
  else if (odd < 0.3) headers['Content-Type'] = pick(['text/plain', 'application/json; charset=gbk', 'multipart/form-data', '']);
  else if (odd < 0.35) headers['Accept-Encoding'] = 'gzip, deflate, br';
  else if (odd < 0.4) headers['X-Unknown-' + Math.floor(random() * 100)] = 'v'.repeat(Math.floor(random() * 2000));
  if (!headers['Content-Type'] && random() < 0.9) headers['Content-Type'] = 'application/json';
  return headers;
}

// ---------------------------------------------------------------- a signed-in person
async function call(method, path, body, headers = {}) {
  const result = await exchange({
    method, path, headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body), close: true,
  });
  if (result.failure) throw new Error(`${method} ${path}: ${result.failure}`);
  return { status: result.status, body: result.body ? JSON.parse(result.body) : null };
}

async function captcha() {
  const issued = await call('GET', '/api/v1/captcha');
  const answer = await call('GET', `/api/dev/captcha/${issued.body.captcha_id}`);
  return { captcha_id: issued.body.captcha_id, captcha_answer: answer.body.answer };
}

function residentId(birth) {
  const body = '330106' + birth + String(100 + Math.floor(Math.random() * 899)).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

let registered = 0;
async function registerAndSignIn() {
  const unique = (Date.now() * 10 + registered++) % 100000000;
  const phone = '139' + String(unique).padStart(8, '0');
  const account = 'soak' + unique;
  const password = 'Soak2026ab';
  const sent = await call('POST', '/api/v1/sms/codes', { phone, purpose: 'register', ...(await captcha()) });
  if (sent.status !== 202) throw new Error(`sms code: ${sent.status} ${JSON.stringify(sent.body)}`);
  const code = (await call('GET', `/api/dev/sms?phone=${phone}`)).body.messages[0].code;
  const person = await call('POST', '/api/v1/persons', {
    account, password, name: '测试', id_type: 'resident',
    id_number: residentId(`19${80 + Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}${10 + Math.floor(Math.random() * 18)}`),
    id_valid_from: '2020-03-01', id_valid_to: '2040-03-01', phone, sms_code: code, agree: true,
  });
  if (person.status !== 201) throw new Error(`registration: ${person.status} ${JSON.stringify(person.body)}`);
  await call('POST', `/api/dev/face/${person.body.face_ticket}`, { result: 'pass' });
  const login = await call('POST', '/api/v1/sessions', { method: 'password', identifier: account, password, ...(await captcha()) });
  if (login.status !== 201) throw new Error(`sign-in: ${login.status} ${JSON.stringify(login.body)}`);
  return { token: login.body.token, csrf: login.body.csrf_token, id: String(person.body.person_id ?? person.body.id ?? '') };
}

// Hostile requests may sign the session out (DELETE /sessions/current): after a 401 on a
// signed-in request, the session is checked in the background and renewed if it really ended.
let session = null;
let checking = null;
function checkSession() {
  const checked = session;
  checking ??= call('GET', '/api/v1/me', undefined, { Authorization: `Bearer ${checked.token}` })
    .then(async (me) => { if (me.status === 401 && session === checked) session = await registerAndSignIn(); })
    .catch((e) => {
      // The renewal's own requests are held to the same standard.
      if (/no answer|answered only after|connection error|: 5\d\d /.test(e.message)) failures.push(`renewing the session: ${e.message}`);
      else console.log(`soak: renewing the session failed: ${e.message}`);
    })
    .finally(() => { checking = null; });
}

// ---------------------------------------------------------------- the run
const failures = [];
const statusCounts = new Map();
let done = 0;
let answered = 0;
let slowest = 0;
const timeByOperation = new Map(); // "GET /api/v1/x/{id}" → [requests, total ms]

async function client(doc, ops, share) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < share; i++) {
    const op = pick(ops);
    const signed = session && random() < 0.5 ? session : null;
    const path = pathFor(op, session?.id ? [session.id] : []);
    const body = op.method === 'GET' && random() < 0.8 ? undefined : bodyFor(doc, op);
    const close = random() < closeShare;
    const headers = headersFor(signed, op.secured);
    const result = await exchange({ method: op.method, path, headers, body, agent, close });
    done++;
    slowest = Math.max(slowest, result.ms);
    const timing = timeByOperation.get(`${op.method} ${op.path}`) ?? [0, 0];
    timeByOperation.set(`${op.method} ${op.path}`, [timing[0] + 1, timing[1] + result.ms]);
    if (result.failure || result.status >= 500) {
      const shown = body === undefined ? '' : Buffer.from(body).toString().slice(0, 200);
      failures.push(`${result.failure ?? `HTTP ${result.status} ${result.body.slice(0, 200)}`}: ${op.method} ${path.slice(0, 300)}` +
        ` (${close ? 'Connection: close' : 'keep-alive'}, ${signed ? 'signed in' : 'anonymous'}) body ${JSON.stringify(shown)}`);
    } else {
      answered++;
      statusCounts.set(result.status, (statusCounts.get(result.status) ?? 0) + 1);
      if (signed && result.status === 401 && signed === session) checkSession();
    }
  }
  agent.destroy();
}

const openapi = await call('GET', '/api/v1/openapi.json');
if (openapi.status !== 200) throw new Error(`GET /api/v1/openapi.json: ${openapi.status}`);
const ops = operationsOf(openapi.body);
session = await registerAndSignIn();
console.log(`soak: ${ops.length} operations, ${totalRequests} requests from ${clientCount} clients against ${base.origin}, deadline ${deadlineMs} ms`);
const started = Date.now();
const progress = setInterval(() => {
  const s = (Date.now() - started) / 1000;
  console.log(`soak: ${done} requests in ${s.toFixed(0)} s (${(done / s).toFixed(0)}/s), ${failures.length} failed`);
}, 10000);
const shares = Array.from({ length: clientCount }, (_, i) =>
  Math.floor(totalRequests / clientCount) + (i < totalRequests % clientCount ? 1 : 0));
await Promise.all(shares.map((share) => client(openapi.body, ops, share)));
clearInterval(progress);
const seconds = (Date.now() - started) / 1000;

for (const failure of failures.slice(0, 50)) console.log(`FAIL ${failure}`);
if (failures.length > 50) console.log(`... and ${failures.length - 50} more`);
const statuses = [...statusCounts.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(' ');
console.log(`soak: ${done} requests in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(0)} requests/s; ` +
  `${answered} answered below 500, ${failures.length} without an answer in ${deadlineMs} ms or 5xx; slowest ${slowest} ms`);
console.log(`soak: statuses ${statuses}`);
const costly = [...timeByOperation.entries()].sort((a, b) => b[1][1] - a[1][1]).slice(0, 5);
console.log(`soak: most time spent on ${costly.map(([op, [n, ms]]) => `${op} (${n} × ${(ms / n).toFixed(0)} ms)`).join(', ')}`);
process.exit(failures.length ? 1 : 0);
