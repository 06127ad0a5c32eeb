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
    // One known deviation: the mirror's textboxes carry aria-valuetext (API-CONTRACT.md, the
    // value tests read); ARIA allows it on range widgets only. Screen readers read the value
    // from the text content, which the mirror also sets, so only that attribute is let through.
    const valueTextOnly = (n) => n.html.includes('role="textbox"') && n.any.concat(n.all).every((c) =>
      c.id === 'aria-allowed-attr' && [].concat(c.data || []).every((a) => String(a).startsWith('aria-valuetext=')));
    return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ ...v, nodes: v.id === 'aria-allowed-attr' ? v.nodes.filter((n) => !valueTextOnly(n)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120)).join(', ')}`);
  });
  check(violations.length === 0, `${where}: axe-core found ${violations.length} critical/serious issue(s): ${violations.join('; ')}`);
}
