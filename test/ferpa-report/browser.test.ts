// The HTML report in a real headless Chromium (playwright-core + the system browser), and the PDF
// printed by it, read back with pdftotext. Missing Chromium or pdftotext FAILS these tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildReport, type FerpaReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { chromiumPath, launchChromium, renderFerpaPdf } from '../../reports/ferpa/pdf.js';
import { ATT_GOV02, ATT_PER01_EXPIRED, frameworkFromFile, input, META, mixedResults, NOW, XSS } from './sample.js';

const ARTIFACTS = join(__dirname, '../../test-artifacts');
const framework = frameworkFromFile();

function report(): FerpaReport {
  const r = mixedResults();
  r.findings.push({ ...r.findings[0]!, id: 'feedfacefeedface', resource: { ...r.findings[0]!.resource, address: `aws_db_instance.${XSS}` }, message: `bad ${XSS}` });
  return buildReport([input(r)], framework, META, {
    now: NOW,
    attestations: [ATT_GOV02, ATT_PER01_EXPIRED],
    history: [
      { at: '2026-05-01T00:00:00.000Z', label: 'May audit', counts: { 'not-ready': 9, 'needs-evidence': 28, waived: 0, attested: 0, ready: 2 } },
      { at: '2026-08-01T00:00:00.000Z', label: 'August audit', counts: { 'not-ready': 4, 'needs-evidence': 30, waived: 1, attested: 1, ready: 3 } },
    ],
  });
}

describe('HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;
  let launchError: unknown;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ferpa-report-'));
    try {
      browser = await launchChromium(chromiumPath(process.env));
    } catch (e) {
      launchError = e;
    }
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function needBrowser(): Browser {
    if (!browser) throw new Error(`headless Chromium is required for this test and could not start: ${(launchError as Error)?.message ?? 'unknown error'}`);
    return browser;
  }

  it('opens with no console errors and no network request besides the page, and shows every control id', async () => {
    const b = needBrowser();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderFerpaHtml(report()));
    const url = pathToFileURL(file).href;
    const page = await b.newPage({ viewport: { width: 1280, height: 1800 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(dialogs).toBe(0);
    const text = await page.locator('body').innerText();
    for (const c of framework.controls) expect(text, c.id).toContain(c.id);
    // Injected markup stayed text: no script element, and the text is visible as written.
    expect(await page.locator('script').count()).toBe(0);
    expect(text).toContain(XSS);
    // Charts are inline SVG with one bar row per family.
    expect(await page.locator('#summary svg g').count()).toBe(Object.keys(framework.families).length);
    expect(await page.locator('#trend svg circle').count()).toBe(3);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'ferpa-report.png') });
    await page.close();
  });

  it('prints to PDF; pdftotext finds every control id and one heading per control family', async () => {
    const b = needBrowser();
    const pdf = await renderFerpaPdf(renderFerpaHtml(report()), { executablePath: chromiumPath(process.env), now: NOW }, b);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'ferpa-report.pdf'), pdf);
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (out.error) throw new Error(`pdftotext (poppler-utils) is required for this test: ${out.error.message}`);
    expect(out.status).toBe(0);
    const text = out.stdout;
    for (const c of framework.controls) expect(text, c.id).toContain(c.id);
    for (const [id, title] of Object.entries(framework.families)) {
      const heading = new RegExp(`^\\s*${id}: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
      expect(text, `${id} heading`).toMatch(heading);
    }
    // Every page carries its number and the running header (layout.test.ts checks the layout itself).
    const pages = text.split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages.every((p) => /FERPA readiness report · plan\.json/.test(p))).toBe(true);
    // Dates come from the report clock, so printing twice gives the same bytes.
    const again = await renderFerpaPdf(renderFerpaHtml(report()), { executablePath: chromiumPath(process.env), now: NOW }, b);
    expect(Buffer.compare(again, pdf)).toBe(0);
  });
});
