// The client runs under the production browser policy (issue 20, server/http/browser_policy.h):
// the page shell has no inline script or style, the wasm compiles under
// script-src 'self' 'wasm-unsafe-eval', captcha images (data: URLs) still show, a person signs in,
// and Chromium reports no Content-Security-Policy violation on the way. Another site cannot
// frame the sign-in page (frame-ancestors 'none'): a framing page gets an empty frame.
//
//   UIA_E2E_TESTS="browser_policy.test.mjs" tests/e2e/run.sh
import {
  BASE, check, log, person, registerActive, openClient, runTest, checkNoPolicyViolations, watchPolicyViolations,
} from './centre_driver.mjs';

runTest('browser_policy', async (browser) => {
  // The document's own answer carries the policy.
  const shell = await fetch(BASE);
  const csp = shell.headers.get('content-security-policy') || '';
  check(/script-src 'self' 'wasm-unsafe-eval';/.test(csp), `page CSP: ${csp}`);
  check(/frame-ancestors 'none'/.test(csp), `page CSP frame-ancestors: ${csp}`);
  check(!/unsafe-inline/.test(csp), `page CSP allows inline code: ${csp}`);
  check(shell.headers.get('x-frame-options') === 'DENY', 'X-Frame-Options');
  const html = await shell.text();
  check(!/<script>|<script\s+type="text\/javascript">|<style>|\son[a-z]+=/.test(html), 'the shell still has inline script or style');
  // Same request headers (fetch asks for gzip), so the same entity: HEAD gives GET's length.
  const head = await fetch(BASE, { method: 'HEAD' });
  check(head.headers.get('content-length') === shell.headers.get('content-length') && Number(head.headers.get('content-length')) > 0,
    `HEAD / Content-Length ${head.headers.get('content-length')} vs GET ${shell.headers.get('content-length')}`);

  // Start, draw a captcha (a data: image), sign in: no violation at any step.
  const { context, page, errors, d } = await openClient(browser, 'policy', { viewport: { width: 1280, height: 800 } }, 'browser-policy');
  try {
    const a = person('林晓峰');
    await registerActive(a);
    await d.heading('用户登录');
    await d.tab('密码登录');
    await d.fill('用户账号', a.account);
    await d.fill('密码', a.password, { secret: true });
    await d.captcha();
    const signedIn = await d.submit('登录', '/api/v1/sessions');
    check(signedIn.status() === 201, `sign-in under the policy: HTTP ${signedIn.status()}`);
    await d.heading('个人中心');
    await d.shot('signed-in');
    await checkNoPolicyViolations(page, 'after sign-in');
    const refused = errors.filter((e) => /Content Security Policy/i.test(e));
    check(refused.length === 0, `console reports policy refusals: ${refused.join(' | ')}`);
    log('started, drew a captcha and signed in without a policy violation');
  } finally {
    await context.close();
  }

  // Framing by another site: the frame stays empty and Chromium says why.
  const framer = await browser.newContext();
  await watchPolicyViolations(framer);
  const page2 = await framer.newPage();
  const console2 = [];
  page2.on('console', (m) => console2.push(m.text()));
  await page2.setContent(`<iframe id="f" src="${BASE}" width="800" height="600"></iframe>`);
  await page2.waitForTimeout(1500);
  const frame = page2.frames().find((f) => f !== page2.mainFrame());
  let status = 'no frame';
  if (frame) status = await frame.evaluate(() => window.uiaStatus ?? 'not run').catch(() => 'blocked');
  check(status !== 'ready' && status !== 'loading', `the sign-in page ran inside another site's frame: ${status}`);
  check(console2.some((t) => /frame-ancestors|Refused to frame/i.test(t)), `no framing refusal reported: ${console2.join(' | ')}`);
  log('framing refused:', status);
  await framer.close();
});
