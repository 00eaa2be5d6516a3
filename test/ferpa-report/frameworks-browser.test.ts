// The readiness report of every framework in a real headless Chromium and printed to PDF (read back
// with pdftotext), from a real scan: the Patriot variant of the reference stack, judged against NIST SP
// 800-53, FedRAMP and SOC 2 with its own configuration. Missing Chromium or pdftotext FAILS these tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadContext, policyMeta } from '../../checks/cli/context.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import type { Results } from '../../checks/engine/types.js';
import { buildReport, crosswalkFrameworks, type FerpaReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { chromiumPath, launchChromium, PDF_MAX_EVIDENCE_ROWS, renderFerpaPdf } from '../../reports/ferpa/pdf.js';

const REPO = join(__dirname, '../..');
const PATRIOT = join(REPO, 'reference-stack/terraform/environments/patriot');
const ARTIFACTS = join(REPO, 'test-artifacts');
const NOW = new Date('2026-11-22T00:00:00Z');
const FRAMEWORKS = [
  ['ferpa', 'FERPA'],
  ['nist-800-53-moderate', 'NIST SP 800-53 Moderate'],
  ['fedramp-moderate', 'FedRAMP Moderate'],
  ['soc2', 'SOC 2'],
] as const;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('readiness report of each framework in headless Chromium and as PDF', () => {
  const { config, catalog, frameworks } = loadContext({ config: join(PATRIOT, '.ferpa-ready.yaml'), frameworks: ['nist-800-53-moderate', 'fedramp-moderate', 'soc2'] });
  const meta = policyMeta(catalog.policies);
  let results: Results;
  let browser: Browser | undefined;
  let launchError: unknown;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-report-'));
    ({ results } = await scanPaths([PATRIOT], { config, catalog, now: NOW, hcl: { env: {} }, cwd: REPO, frameworks: frameworks! }));
    try {
      browser = await launchChromium(chromiumPath(process.env));
    } catch (e) {
      launchError = e;
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function needBrowser(): Browser {
    if (!browser) throw new Error(`headless Chromium is required for this test and could not start: ${(launchError as Error)?.message ?? 'unknown error'}`);
    return browser;
  }

  function report(id: string): FerpaReport {
    return buildReport([{ results, path: 'reference-stack/terraform/environments/patriot', sha256: 'f'.repeat(64) }], catalog.frameworks.get(id)!, meta, {
      now: NOW,
      attestations: config.attestations,
      crosswalk: crosswalkFrameworks(catalog.frameworks),
    });
  }

  it('the scan it renders is the one the tests below need: judged with FedRAMP, no fail, one waiver', () => {
    expect(results.frameworks!.map((f) => f.id)).toEqual(['nist-800-53-moderate', 'fedramp-moderate', 'soc2']);
    expect(results.summary.fail).toBe(0);
    expect(results.summary.waived).toBe(1);
    expect(results.summary.pass).toBeGreaterThan(150);
  });

  it.each(FRAMEWORKS)('%s: opens with no console error and no request besides the page, titled by the framework, every control id shown', async (id, name) => {
    const b = needBrowser();
    const r = report(id);
    const file = join(dir, `${id}.html`);
    writeFileSync(file, renderFerpaHtml(r));
    const url = pathToFileURL(file).href;
    const page = await b.newPage({ viewport: { width: 1280, height: 1800 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe(`${name} readiness report`);
    expect(await page.locator('h1').innerText()).toBe(`${name} readiness report`);
    const text = await page.locator('body').innerText();
    const controls = catalog.frameworks.get(id)!.controls;
    for (const c of controls) expect(text, c.id).toContain(c.id);
    // one article per control, each reachable by its id (ids such as SC-8(1) and CC6.1 included)
    expect(await page.locator('article.control').count()).toBe(controls.length);
    for (const c of controls.slice(0, 40)) expect(await page.locator(`article.control[id="${c.id}"]`).count(), c.id).toBe(1);
    // the crosswalk table: one row per control, FERPA and 800-53 columns
    expect(await page.locator('#crosswalk tbody tr').count()).toBe(controls.length);
    expect(await page.locator('#crosswalk thead th').allInnerTexts()).toEqual(['Control', 'Policies', 'Findings', id === 'ferpa' ? 'Other FERPA controls' : 'FERPA controls', id === 'nist-800-53-moderate' ? 'Other NIST SP 800-53 Moderate controls' : 'NIST SP 800-53 Moderate controls']);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `readiness-${id}.png`) });
    await page.close();
  }, 120_000);

  it.each(FRAMEWORKS)('%s: prints to PDF; pdftotext finds every control id, every family heading and the framework in the running header', async (id, name) => {
    const b = needBrowser();
    const r = report(id);
    const pdf = await renderFerpaPdf(renderFerpaHtml(r, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS }), { executablePath: chromiumPath(process.env), now: NOW }, b);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, `${id}.pdf`);
    writeFileSync(file, pdf);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `readiness-${id}.pdf`), pdf);
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (out.error) throw new Error(`pdftotext (poppler-utils) is required for this test: ${out.error.message}`);
    expect(out.status).toBe(0);
    const text = out.stdout;
    const fw = catalog.frameworks.get(id)!;
    for (const c of fw.controls) expect(text, c.id).toMatch(new RegExp(`(^|[^A-Za-z0-9.(-])${escapeRe(c.id)}($|[^A-Za-z0-9(])`, 'm'));
    for (const [fam, title] of Object.entries(fw.families)) {
      if (!fw.controls.some((c) => c.family === fam)) continue;
      expect(text, `${fam} heading`).toMatch(new RegExp(`^\\s*${fam}: ${escapeRe(title)}\\s*$`, 'm'));
    }
    const pages = text.split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages.every((p) => p.includes(`${name} readiness report · reference-stack/terraform/environments/patriot`)), 'running header').toBe(true);
    expect(text).toContain(id === 'ferpa' ? 'Evidence for a data-privacy-agreement review' : `Evidence for a ${name} readiness review`);
  }, 300_000);
});
