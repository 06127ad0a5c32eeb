// axe-core (npm) over the page: the accessibility mirror is what assistive technology reads, so
// its roles, names and states must pass. Injected through the DevTools protocol (page.evaluate),
// which the page's Content-Security-Policy does not govern, so the page itself stays unchanged.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { check } from './centre_driver.mjs';

const require = createRequire(import.meta.url);
const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The findings of impact critical or serious; fails the test when there is any.
export async function axeCheck(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    // Two deviations the accessibility mirror's contract makes on purpose (API-CONTRACT.md), let
    // through by name and nothing else:
    // - textboxes and comboboxes carry aria-valuetext (the value tests read; screen readers read
    //   the text content, which holds the same value); ARIA allows it on range widgets only;
    // - 获取验证码 keeps its name while its text counts down (59秒后重发), so a test or a screen
    //   reader finds one button.
    const valueTextOnly = (n) => /role="(textbox|combobox)"/.test(n.html) && n.any.concat(n.all, n.none).every((c) =>
      c.id === 'aria-allowed-attr' && [].concat(c.data?.values ?? c.data ?? []).every((a) => String(a).startsWith('aria-valuetext=')));
    const countdown = (n) => n.html.includes('aria-label="获取验证码"');
    const known = (v, n) => (v.id === 'aria-allowed-attr' && valueTextOnly(n)) || (v.id === 'label-content-name-mismatch' && countdown(n));
    return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !known(v, n)) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120)).join(', ')}`);
  });
  check(violations.length === 0, `${where}: axe-core found ${violations.length} critical/serious issue(s): ${violations.join('; ')}`);
}
