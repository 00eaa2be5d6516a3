// The PDF's running header and footer: which stack, the report date and the tool version on every
// page, and "Page N of M". The HTML report carries the header's text in <meta> elements, so every
// caller that prints an HTML report (report, scan, export) gets the same header without passing it on.
import type { FerpaReport } from './model.js';
import { reportTitle, reviewPurpose } from './title.js';

export interface RunningHeader {
  stack: string;
  date: string;
  tool: string;
  /** "FERPA readiness report", "FedRAMP Moderate readiness report". */
  title: string;
  /** What the report is evidence for ("a data-privacy-agreement review"). */
  purpose: string;
}

const META = { stack: 'ferpa-ready:stack', date: 'ferpa-ready:date', tool: 'ferpa-ready:tool', title: 'ferpa-ready:title', purpose: 'ferpa-ready:purpose' } as const;
/** An HTML report written before the report named its framework is a FERPA report. */
const FERPA_TITLE = 'FERPA readiness report';
const FERPA_PURPOSE = 'a data-privacy-agreement review';
const MAX_STACK = 90;

function basename(p: string): string {
  const parts = p.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] || p;
}

/** What was scanned, short enough for one header line: the input paths, or their count and names. */
export function stackLabel(r: Pick<FerpaReport, 'scope'>): string {
  const scanned = r.scope.inputs.filter((i) => i.kind !== 'results').map((i) => i.path);
  const paths = [...new Set(scanned.length ? scanned : r.scope.inputs.map((i) => i.path))];
  if (!paths.length) return 'no inputs';
  const all = paths.join(', ');
  if (all.length <= MAX_STACK) return all;
  const names = paths.map(basename);
  let shown = `${paths.length} inputs: ${names.join(', ')}`;
  for (let n = names.length - 1; shown.length > MAX_STACK && n >= 1; n--) shown = `${paths.length} inputs: ${names.slice(0, n).join(', ')} and ${names.length - n} more`;
  return shown;
}

export function runningHeader(r: FerpaReport): RunningHeader {
  return {
    stack: stackLabel(r),
    date: r.generatedAt.slice(0, 10),
    tool: `ferpa-ready ${r.scope.toolVersions.join(', ') || 'unknown version'} · catalog ${r.framework.version}`,
    title: reportTitle(r),
    purpose: reviewPurpose(r),
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The <meta> elements the HTML report's head carries. */
export function headerMeta(h: RunningHeader): string {
  return (Object.keys(META) as Array<keyof RunningHeader>).map((k) => `<meta name="${META[k]}" content="${esc(h[k])}">`).join('\n');
}

function unesc(s: string): string {
  return s.replace(/&#(\d+);|&(amp|lt|gt|quot);/g, (_m, n: string | undefined, named: string | undefined) =>
    n ? String.fromCharCode(Number(n)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[named!]!,
  );
}

/** The running header written into an HTML report by headerMeta, or null for other HTML. */
export function readHeaderMeta(htmlDoc: string): RunningHeader | null {
  const head = htmlDoc.slice(0, Math.max(0, htmlDoc.indexOf('</head>')));
  const get = (name: string) => {
    const m = new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(head);
    return m ? unesc(m[1]!) : null;
  };
  const stack = get(META.stack);
  const date = get(META.date);
  const tool = get(META.tool);
  return stack !== null && date !== null && tool !== null ? { stack, date, tool, title: get(META.title) ?? FERPA_TITLE, purpose: get(META.purpose) ?? FERPA_PURPOSE } : null;
}

const BAR = 'font:8px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#59636e;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:12px';

/** Chromium header template (page.pdf headerTemplate): stack on the left, date and tool on the right. */
export function headerTemplate(h: RunningHeader | null): string {
  if (!h) return '<span></span>';
  return `<div style='${BAR}'><span>${esc(h.title)} · ${esc(h.stack)}</span><span style='white-space:nowrap'>${esc(h.date)} · ${esc(h.tool)}</span></div>`;
}

/** Chromium footer template: what the report is evidence for, and "Page N of M" on every page. */
export function footerTemplate(h: RunningHeader | null = null): string {
  return `<div style='${BAR}'><span>Evidence for ${esc(h?.purpose ?? FERPA_PURPOSE)}, not legal advice.</span><span style='white-space:nowrap'>Page <span class='pageNumber'></span> of <span class='totalPages'></span></span></div>`;
}
