// The readiness report (of any framework) as PDF: the HTML report printed by headless Chromium (playwright-core, the
// system Chromium; no browser download). Network access is refused at the page level too, so the
// printed document can only contain what the HTML carries. The PDF's dates are set from the report's
// clock so the same report gives the same bytes where Chromium allows it.
import { existsSync } from 'node:fs';
import { InputError } from '../../checks/errors.js';
import { footerTemplate, headerTemplate, readHeaderMeta } from './print-header.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: CHROMIUM_PATH, else /usr/bin/chromium. Throws a clear InputError when missing. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const p = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(p)) {
    throw new InputError(
      `Chromium not found at ${p}: PDF output needs a headless Chromium (install it with scripts/setup.sh or \`apt-get install chromium\`, or set CHROMIUM_PATH)`,
    );
  }
  return p;
}

export interface PdfOptions {
  executablePath: string;
  /** The report's clock: written as the PDF's creation and modification date. */
  now: Date;
  /** Time allowed for loading and printing (default 180 s: a 10,000-finding report is large). */
  timeoutMs?: number;
}

/** Evidence rows per control in the printed report (the HTML and JSON reports keep every row). */
export const PDF_MAX_EVIDENCE_ROWS = 25;

type Browser = import('playwright-core').Browser;

/** Launch the system Chromium with the project's flags. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    throw new InputError(`cannot start Chromium at ${executablePath}: ${String((e as Error).message).split('\n')[0]}`);
  }
}

/**
 * Print HTML to PDF (Letter, backgrounds on, a running header naming the stack, date and tool version
 * from the report's <meta> elements, "Page N of M" in the footer). Not tagged, so no bookmarks either:
 * Chromium builds both from a structure tree whose DOM node ids differ between prints of one report.
 * Opens and closes its own browser unless one is given.
 */
export async function renderFerpaPdf(htmlDoc: string, opts: PdfOptions, browser?: Browser): Promise<Buffer> {
  const own = browser ? undefined : await launchChromium(opts.executablePath);
  const b = browser ?? own!;
  try {
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // The report is self-contained; anything else it would fetch is refused.
      await page.route('**/*', (route) => route.abort());
      const timeout = opts.timeoutMs ?? 180_000;
      page.setDefaultTimeout(timeout);
      await page.setContent(htmlDoc, { waitUntil: 'load', timeout });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(readHeaderMeta(htmlDoc)),
        footerTemplate: footerTemplate(readHeaderMeta(htmlDoc)),
      });
      return fixPdfDates(Buffer.from(pdf), opts.now);
    } finally {
      await context.close();
    }
  } finally {
    if (own) await own.close();
  }
}

function pdfDate(d: Date): string {
  const iso = d.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/**
 * Replace CreationDate/ModDate (in the uncompressed Info dictionary) with the report clock, keeping
 * each string's length so the cross-reference offsets stay valid.
 */
export function fixPdfDates(pdf: Buffer, now: Date): Buffer {
  const text = pdf.toString('latin1');
  const stamp = pdfDate(now);
  const fixed = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (whole, key: string, value: string) => {
    const replacement = (stamp + "+00'00'").slice(0, value.length).padEnd(value.length, ' ');
    return `/${key} (${replacement})`;
  });
  return Buffer.from(fixed, 'latin1');
}
