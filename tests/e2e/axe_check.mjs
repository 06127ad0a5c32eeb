// axe-core (npm, tests/e2e/package.json) over what assistive technology reads of the client: the
// accessibility mirror (#uia-a11y) and the page shell. Evaluated through the DevTools protocol,
// so the page's Content-Security-Policy (no inline script) stays as it is.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { check, log } from './centre_driver.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The critical and serious findings of axe's WCAG 2.x A/AA rules on the page as it is now;
// fails the test when there is one.
export async function expectNoSeriousAxeFindings(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  check(bad.length === 0, `${where}: axe-core finds ${JSON.stringify(bad)}`);
  log(`axe-core ${where}: no critical or serious finding` + (result.length ? ` (minor: ${result.map((v) => v.id).join(', ')})` : ''));
}
