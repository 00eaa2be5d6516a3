// The readiness report of the demo's scan (the reference stack, both environments, and
// examples/broken-stack) laid out by a real Chromium at desktop (1280 px), phone (375 px) and print
// width, printed to PDF and read back with pdftotext and pdftoppm: nothing clipped, no header broken
// mid-word, no horizontal scroll on a phone, page numbers and a running header on every page, no
// half-empty pages, and totals equal to the scan's. Each detector is first shown to catch the fault it
// looks for. Missing Chromium or poppler FAILS these tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Results } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { policyMeta } from '../../checks/cli/context.js';
import { countByStatus } from '../../reports/common.js';
import { buildReport, type FerpaReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { chromiumPath, launchChromium, PDF_MAX_EVIDENCE_ROWS, renderFerpaPdf } from '../../reports/ferpa/pdf.js';

const REPO = join(__dirname, '../..');
const ARTIFACTS = join(REPO, 'test-artifacts');
const NOW = new Date('2026-11-22T00:00:00Z');
const DEMO_INPUTS = ['reference-stack/terraform/environments/mvp', 'reference-stack/terraform/environments/production', 'examples/broken-stack'];
/** A remediation command longer than any line, with a token longer than the page is wide. */
const LONG_CLI = `aws rds modify-db-instance --db-instance-identifier gradebook-records --apply-immediately --storage-encrypted --kms-key-id arn:aws:kms:us-east-1:111122223333:key/${'0123456789abcdef'.repeat(12)} --tags Key=DataClassification,Value=student-data`;
const LONG_TOKEN = `arn:aws:s3:::${'student-records-export-'.repeat(14)}bucket`;

// --- detectors, run in the page ---

/** Elements of evidence, remediation and guidance whose content is wider than their box. */
const CLIPPED = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('table.evidence td, table.evidence ul.ev, .remediation, .remediation pre, .guide, table.supply td, #profile td')) {
    if (!el.getClientRects().length) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth + ': ' + el.textContent.slice(0, 60));
  }
  return out;
})()`;

/** Table header words laid out on more than one line (a break inside the word). */
const BROKEN_HEADERS = `(() => {
  const out = [];
  for (const th of document.querySelectorAll('th')) {
    if (!th.getClientRects().length) continue;
    const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (tops.size > 1) out.push(th.textContent.trim() + ' [' + m[0] + ']');
      }
    }
  }
  return out;
})()`;

const CARD_TOPS = `[...document.querySelectorAll('#summary .card')].map((c) => Math.round(c.getBoundingClientRect().top))`;

// --- PDF readers ---

function run(cmd: string, args: string[]): string {
  const out = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.error) throw new Error(`${cmd} (poppler-utils) is required for this test: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`${cmd} failed: ${out.stderr}`);
  return out.stdout;
}

/** Words whose box reaches past the right edge of the printable area (page width less the 12 mm margin): clipped text. */
function wordsPastEdge(pdf: string): string[] {
  const xml = run('pdftotext', ['-bbox', pdf, '-']);
  const out: string[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((pg, i) => {
      const right = Number(/width="([\d.]+)"/.exec(pg)![1]) - (12 * 72) / 25.4;
      for (const m of pg.matchAll(/xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)) if (Number(m[1]) > right + 0.5) out.push(`page ${i + 1}: ${m[2]}`);
    });
  return out;
}

interface PageImage {
  width: number;
  height: number;
  px: Buffer;
}

/** Grey page images (pdftoppm, PGM). */
function pageImages(pdf: string, dir: string, dpi = 36): PageImage[] {
  const prefix = join(dir, `pg-${Math.random().toString(36).slice(2)}`);
  run('pdftoppm', ['-gray', '-r', String(dpi), pdf, prefix]);
  const base = prefix.split('/').pop()!;
  return readdirSync(dir)
    .filter((f) => f.startsWith(base) && f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
      return { width: Number(m[1]), height: Number(m[2]), px: buf.subarray(m[0].length) };
    });
}

function inkRow(p: PageImage, y: number): boolean {
  for (let x = 0; x < p.width; x++) if (p.px[y * p.width + x]! < 235) return true;
  return false;
}

/** How far down (0..1) the body of each page is printed: the lowest row with ink above the footer margin. */
function bodyFill(p: PageImage, dpi = 36): number {
  const mm = dpi / 25.4;
  for (let y = Math.floor(p.height - 15 * mm); y > 16 * mm; y--) if (inkRow(p, y)) return y / p.height;
  return 0;
}

/** Whether the header band (top margin) and the footer band (bottom margin) carry ink. */
function bands(p: PageImage, dpi = 36): { header: boolean; footer: boolean } {
  const mm = dpi / 25.4;
  const any = (from: number, to: number) => {
    for (let y = Math.floor(from); y < to; y++) if (inkRow(p, y)) return true;
    return false;
  };
  return { header: any(2 * mm, 14 * mm), footer: any(p.height - 13 * mm, p.height - 2 * mm) };
}

function withLongValues(results: Results): Results {
  const broken = results.findings.find((f) => f.status === 'fail' && f.policyId === 'aws-rds-instance-storage-encrypted')!;
  const extra = {
    ...broken,
    id: 'ffffffffffffffff',
    policyId: 'aws-s3-sse-kms',
    resource: { ...broken.resource, kind: 'aws.s3.bucket', address: `aws_s3_bucket.${'very_long_bucket_name_'.repeat(6)}` },
    evidence: { bucketArn: LONG_TOKEN, 'tags.Owner': 'records team', replicationDestinations: [LONG_TOKEN, `${LONG_TOKEN}-replica`] },
    message: `not met: ${LONG_TOKEN} has no default encryption`,
  };
  const findings = [...results.findings, extra];
  return { ...results, findings, summary: countByStatus(findings) };
}

describe('the demo scan in a real browser and printed', () => {
  let browser: Browser | undefined;
  let launchError: unknown;
  let results: Results;
  let report: FerpaReport;
  let layoutReport: FerpaReport;
  let htmlFile: string;
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-layout-'));

  beforeAll(async () => {
    const catalog = loadCatalog();
    const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
    ({ results } = await scanPaths(
      DEMO_INPUTS.map((p) => join(REPO, p)),
      { config, catalog, now: NOW, cwd: REPO } as Parameters<typeof scanPaths>[1],
    ));
    const meta = policyMeta(catalog.policies).map((m) => (m.id === 'aws-s3-sse-kms' ? { ...m, remediation: { ...m.remediation, cli: LONG_CLI } } : m));
    const opts = { now: NOW, attestations: [], profile: config.profile };
    report = buildReport([{ results, path: 'out/results.json', sha256: 'a'.repeat(64) }], catalog.framework, meta, opts);
    layoutReport = buildReport([{ results: withLongValues(results), path: 'out/results.json', sha256: 'a'.repeat(64) }], catalog.framework, meta, opts);
    htmlFile = join(dir, 'report.html');
    writeFileSync(htmlFile, renderFerpaHtml(layoutReport));
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

  async function open(width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
    const page = await needBrowser().newPage({ viewport: { width, height: 900 } });
    await page.emulateMedia({ media });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    return page;
  }

  it('the report totals equal the scan: per status, in the model and in the HTML', () => {
    expect(results.inputs.map((i) => i.path)).toEqual(DEMO_INPUTS);
    expect(results.summary.fail).toBeGreaterThan(0);
    expect(results.summary.pass).toBeGreaterThan(300);
    expect(report.summary.findingTotals).toEqual(results.summary);
    const html = renderFerpaHtml(report);
    const shown = Object.fromEntries([...html.matchAll(/data-total="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
    expect(shown).toEqual(results.summary);
    // Every evidence row names its root, and the failing ones are the broken stack's.
    const rows = report.controls.flatMap((c) => c.evidence);
    expect(rows.every((e) => DEMO_INPUTS.includes(e.input ?? ''))).toBe(true);
    expect(new Set(rows.filter((e) => e.status === 'fail').map((e) => e.input))).toEqual(new Set(['examples/broken-stack']));
    expect(report.controls.filter((c) => c.status === 'not-ready').length).toBeGreaterThan(0);
  });

  it('the detectors catch what they look for: a header broken mid-word, a clipped code block', async () => {
    const page = await needBrowser().newPage({ viewport: { width: 400, height: 400 } });
    await page.setContent(
      `<table style="width:120px"><tr><th style="overflow-wrap:anywhere">Source</th><th style="overflow-wrap:anywhere">approvedRegions</th><th>x</th></tr></table>` +
        `<div class="remediation" style="width:200px;overflow:hidden"><pre style="white-space:pre">${LONG_CLI}</pre></div>`,
    );
    expect(((await page.evaluate(BROKEN_HEADERS)) as string[]).length).toBeGreaterThan(0);
    expect(((await page.evaluate(CLIPPED)) as string[]).length).toBeGreaterThan(0);
    await page.close();
  });

  it('desktop (1280 px): nothing clipped, no header broken mid-word, the five summary cards on one row', async () => {
    const page = await open(1280);
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    expect(await page.evaluate(BROKEN_HEADERS)).toEqual([]);
    expect(new Set((await page.evaluate(CARD_TOPS)) as number[]).size).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'ferpa-report-desktop.png') });
    await page.close();
  });

  it('phone (375 px): the page never scrolls sideways, nothing clipped, cards on one row', async () => {
    const page = await open(375);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    expect(new Set((await page.evaluate(CARD_TOPS)) as number[]).size).toBe(1);
    // The evidence is there, stacked: a labelled block per row.
    expect(await page.locator('table.evidence td[data-label="Decisive values"]').first().isVisible()).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#FERPA-ENC-03 table.evidence tr').nth(1).screenshot({ path: join(ARTIFACTS, 'ferpa-report-phone-row.png') });
    await page.close();
  });

  it('print layout (Letter, 12 mm margins): no header broken mid-word, nothing clipped', async () => {
    // Letter is 215.9 mm wide; 191.9 mm is left between the margins: 725 CSS px.
    const page = await open(725, 'print');
    expect(await page.evaluate(BROKEN_HEADERS)).toEqual([]);
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    expect(new Set((await page.evaluate(CARD_TOPS)) as number[]).size).toBe(1);
    await page.close();
  });

  it('PDF: "Page N of M" and the running header on every page, contents, no half-empty pages, nothing past the printable edge, commands whole', async () => {
    const pdf = await renderFerpaPdf(renderFerpaHtml(layoutReport, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS }), { executablePath: chromiumPath(process.env), now: NOW }, needBrowser());
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'ferpa-report-demo.pdf'), pdf);

    const pages = run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(20);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text, `page ${i + 1}`).toMatch(/FERPA readiness report · 3 inputs: broken-stack, mvp, production/);
      expect(text, `page ${i + 1}`).toContain('2026-11-22 · ferpa-ready 0.1.0 · catalog');
    });
    expect(pages[0]).toMatch(/^\s*Contents\s*$/m);
    for (const f of report.summary.families) expect(pages[0]).toContain(`${f.id}: ${f.title}`);

    // Page images: the header and footer are printed on every page, and no page but the last and the
    // one before the control details (which start a page) is less than half full.
    const images = pageImages(file, dir);
    expect(images).toHaveLength(pages.length);
    images.forEach((img, i) => expect(bands(img), `page ${i + 1}`).toEqual({ header: true, footer: true }));
    const firstFamily = pages.findIndex((t) => /^\s*GOV: Governance\s*$/m.test(t));
    expect(firstFamily).toBeGreaterThan(0);
    const sparse = images.map((img, i) => ({ page: i + 1, fill: bodyFill(img) })).filter((p) => p.fill < 0.5 && p.page !== pages.length && p.page !== firstFamily);
    expect(sparse).toEqual([]);

    // Nothing clipped at the right edge of the printable area.
    expect(wordsPastEdge(file)).toEqual([]);

    // Remediation commands and long values arrive whole (wrapped, not cut).
    const squeezed = run('pdftotext', ['-raw', file, '-']).replace(/\s+/g, '');
    expect(squeezed).toContain(LONG_CLI.replace(/\s+/g, ''));
    expect(squeezed).toContain(LONG_TOKEN);
  });

  it('the PDF detectors catch a line cut off at the page edge and a half-empty page', async () => {
    const pdf = await renderFerpaPdf(
      `<!DOCTYPE html><html><head><style>@page{size:Letter;margin:16mm 12mm}</style></head><body><p>ok</p><pre style="white-space:pre;font-size:14px">${LONG_CLI}</pre><p style="break-before:page">next</p></body></html>`,
      { executablePath: chromiumPath(process.env), now: NOW },
      needBrowser(),
    );
    const file = join(dir, 'overflow.pdf');
    writeFileSync(file, pdf);
    expect(wordsPastEdge(file).length).toBeGreaterThan(0);
    expect(run('pdftotext', ['-raw', file, '-']).replace(/\s+/g, '')).not.toContain(LONG_CLI.replace(/\s+/g, ''));
    expect(bodyFill(pageImages(file, dir)[0]!)).toBeLessThan(0.5);
  });
});
