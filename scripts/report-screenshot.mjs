// The README's screenshots of the readiness report, taken in real Chromium from the demo's output:
// `npm run demo && node scripts/report-screenshot.mjs [out/report.html]` writes
// docs/report-screenshot.png (the executive summary) and docs/report-evidence.png (a failing control).
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = resolve(process.argv[2] ?? 'out/report.html');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  /** A 1280-wide strip of the page from the top of `selector` (plus `dy`), `height` tall. */
  const strip = async (selector, height, path, dy = -16) => {
    const top = await page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, top + dy), width: 1280, height } });
    console.log(`wrote ${path}`);
  };
  await strip('#summary', 900, 'docs/report-screenshot.png');
  await strip('#FERPA-ENC-03 table.evidence', 520, 'docs/report-evidence.png', -40);
} finally {
  await browser.close();
}
