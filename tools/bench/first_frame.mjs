// First frame of the web client from a cold load, in headless Chromium on this machine: the
// time from navigation start until the client has drawn its first frame (window.uiaFirstFrameMs,
// set by the page shell), and the bytes that went over the wire. Target: < 1500 ms on localhost.
//
//   UIA_URL=http://127.0.0.1:8080/ node tools/bench/first_frame.mjs      (UIA_FIRST_FRAME_RUNS=5)
//   UIA_E2E_TESTS=none UIA_FIRST_FRAME_BENCH=1 tests/e2e/run.sh          (starts its own server)
//
// "Cold", two ways: a new browser process per load (its GPU process and software GL start as
// well), and a new context (empty HTTP cache, no cookies) in a running browser; either way
// everything is downloaded, compiled and started again. It
// prints numbers and exits 1 only when the page never draws: timings are not asserted (they
// depend on the machine's load), they are read.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const URL_ = process.env.UIA_URL || 'http://127.0.0.1:8080/';
const RUNS = Number(process.env.UIA_FIRST_FRAME_RUNS || 5);  // per series
const TARGET_MS = 1500;

function launch() {
  return chromium.launch({
    executablePath: process.env.UIA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

async function coldLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(URL_, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.uiaStatus === 'ready' || window.uiaStatus === 'error', null, { timeout: 60_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const wire = resources.reduce((n, r) => n + (r.transferSize || 0), nav ? nav.transferSize || 0 : 0);
      const of = (name) => resources.find((r) => r.name.endsWith(name));
      return {
        status: window.uiaStatus,
        error: window.uiaError || '',
        firstFrame: window.uiaFirstFrameMs,
        wire,
        downloaded: Math.max(...resources.filter((r) => /uia(\.wasm|\.js|-font\.ttf)$/.test(r.name)).map((r) => r.responseEnd)),
        wasm: of('uia.wasm')?.transferSize || 0,
        font: of('uia-font.ttf')?.transferSize || 0,
        js: of('uia.js')?.transferSize || 0,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Coldest: a new browser process per load (its GPU process and software GL start too).
// Cold page: a new context (empty cache) in a browser that is already running.
async function series(label, freshBrowser) {
  const frames = [];
  let shared = freshBrowser ? null : await launch();
  let last = null;
  for (let i = 0; i < RUNS; i++) {
    const browser = shared || await launch();
    try {
      last = await coldLoad(browser);
    } finally {
      if (!shared) await browser.close();
    }
    if (last.status !== 'ready') {
      if (shared) await shared.close();
      throw new Error(`the client did not start: ${last.error}`);
    }
    frames.push(last.firstFrame);
    console.log(`first_frame: ${label} ${i + 1}: first frame ${last.firstFrame.toFixed(0)} ms ` +
      `(downloads done at ${last.downloaded.toFixed(0)} ms), ${(last.wire / 1024).toFixed(0)} KiB over the wire`);
  }
  if (shared) await shared.close();
  const worst = Math.max(...frames);
  console.log(`first_frame: ${label}: median ${median(frames).toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${RUNS} ` +
    `(target < ${TARGET_MS} ms: ${worst < TARGET_MS ? 'met' : median(frames) < TARGET_MS ? 'met by the median' : 'NOT met'})`);
  return last;
}

async function main() {
  const last = await series('new browser', true);
  await series('new context', false);
  console.log(`first_frame: wasm ${last.wasm} B, font ${last.font} B, js ${last.js} B (transfer sizes, gzip where served so)`);
}

main().catch((e) => {
  console.error('first_frame: FAIL:', e.stack || e);
  process.exit(1);
});
