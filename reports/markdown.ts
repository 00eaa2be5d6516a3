import { SEVERITIES, type Coverage, type Finding, type Results, type Status } from '../checks/engine/types.js';
import { pushAll } from '../checks/util/push-all.js';
import { countByStatus, fileLine, joinLines, lineChunks, resourceLabel, sortFindings, STATUS_ORDER } from './common.js';
import type { PolicyMeta, RenderOptions } from './types.js';
import { undecidedLine } from './undecided.js';
import { coverageLine, dataStoreLine, notEvaluatedByType, reasonText } from './coverage.js';

/** Hidden marker CI looks for to update one PR comment instead of adding a new one each run. */
export const MARKDOWN_MARKER = '<!-- ferpa-ready -->';
export const DEFAULT_MAX_ROWS = 50;
const MAX_CELL = 400;

/**
 * Make text inert inside a GFM table cell: no HTML, links, emphasis, code spans or table breaks.
 * Backslash first, then HTML-significant characters as entities, then Markdown punctuation escaped,
 * newlines and control characters folded to spaces.
 */
export function mdCell(s: string): string {
  const t = fold(s);
  return escapeMd(t.length > MAX_CELL ? `${t.slice(0, MAX_CELL - 3)}...` : t);
}

/** mdCell without the length limit: for documents (the readiness report) where nothing may be cut off. */
export function mdText(s: string): string {
  return escapeMd(fold(s));
}

function fold(s: string): string {
  return s.replace(/\r\n|\r|\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

function escapeMd(t: string): string {
  return t
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[|`[\]*_~!#]/g, (c) => `\\${c}`);
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function findingRow(f: Finding): string[] {
  let message = f.message;
  if (f.waiver?.expired) message += ` (waiver expired ${f.waiver.expires})`;
  return [mdCell(f.severity), mdCell(f.policyId), mdCell(resourceLabel(f)), mdCell(fileLine(f)), mdCell(message)];
}

function capped(heading: string, intro: string | null, group: Finding[], max: number): string[] {
  if (group.length === 0) return [];
  const out = ['', `### ${heading} (${group.length})`];
  if (intro) out.push('', intro);
  out.push('');
  pushAll(out, table(['Severity', 'Policy', 'Resource', 'Location', 'Message'], group.slice(0, max).map(findingRow)));
  if (group.length > max) out.push('', `... and ${group.length - max} more.`);
  return out;
}

function headline(c: Record<Status, number>): string {
  if (c.fail === 0 && c.error === 0 && c.unknown === 0) return 'no failing findings';
  const parts: string[] = [];
  if (c.fail) parts.push(`${c.fail} failing`);
  if (c.error) parts.push(`${c.error} could not be read`);
  if (c.unknown) parts.push(`${c.unknown} need${c.unknown === 1 ? 's' : ''} live verification`);
  return parts.join(', ');
}

/**
 * A pull-request comment: marker, headline, status x severity table, failing findings (capped),
 * read errors, unknowns ("needs live verification") and waivers. Every cell from the input is escaped.
 */
export function renderMarkdown(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  return joinLines(markdownLines(results, meta, opts));
}

/** `renderMarkdown` in pieces, for output that may be longer than one string. */
export function renderMarkdownChunks(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  return lineChunks(markdownLines(results, meta, opts));
}

function markdownLines(results: Results, _meta: PolicyMeta[], opts: RenderOptions): string[] {
  const max = Math.max(1, Math.floor(opts.maxRows ?? DEFAULT_MAX_ROWS));
  const sorted = sortFindings(results.findings);
  const c = countByStatus(sorted);
  const out: string[] = [MARKDOWN_MARKER, `## FERPA readiness scan: ${headline(c)}`, ''];

  const inputs = results.inputs.map((i) => `${mdCell(i.path)} (${mdCell(i.kind)})`).join(', ');
  out.push(
    `ferpa-ready ${mdCell(results.tool.version)}${results.tool.catalogVersion ? `, catalog ${mdCell(results.tool.catalogVersion)}` : ''}, ` +
      `results of ${mdCell(results.generatedAt)}${inputs ? `; inputs: ${inputs}` : ''}.`,
  );

  out.push('');
  pushAll(out, table(
    ['Status', ...SEVERITIES, 'Total'],
    STATUS_ORDER.map((status) => {
      const g = sorted.filter((f) => f.status === status);
      return [status, ...SEVERITIES.map((s) => String(g.filter((f) => f.severity === s).length)), String(g.length)];
    }),
  ));

  if (results.coverage) pushAll(out, coverageMarkdown(results.coverage, max));

  pushAll(out, capped('Failing', null, sorted.filter((f) => f.status === 'fail'), max));
  const notDecided = undecidedLine(sorted);
  pushAll(out, capped('Could not be read', `The data these checks need could not be read; they are not passes.${notDecided ? ` ${mdCell(notDecided)}.` : ''}`, sorted.filter((f) => f.status === 'error'), max));
  pushAll(out, capped('Needs live verification', 'These values are not known from this input (known after apply, unresolved, or not readable); check them against the live account.', sorted.filter((f) => f.status === 'unknown'), max));

  const waived = sorted.filter((f) => f.status === 'waived');
  if (waived.length) {
    out.push('', `### Waived (${waived.length})`, '');
    pushAll(out, table(
      ['Severity', 'Policy', 'Resource', 'Reason', 'Owner', 'Expires'],
      waived.slice(0, max).map((f) => [
        mdCell(f.severity),
        mdCell(f.policyId),
        mdCell(resourceLabel(f)),
        mdCell(f.waiver?.reason ?? ''),
        mdCell(f.waiver?.owner ?? ''),
        mdCell(f.waiver?.expires ?? ''),
      ]),
    ));
    if (waived.length > max) out.push('', `... and ${waived.length - max} more.`);
  }

  const diagnostics = results.diagnostics ?? [];
  if (diagnostics.length) {
    out.push('', `### Diagnostics (${diagnostics.length})`, '');
    pushAll(out, table(['Level', 'File', 'Message'], diagnostics.map((d) => [mdCell(d.level), mdCell(d.file ?? ''), mdCell(d.message)])));
  }
  return out;
}

/** Coverage: the one-line count, the data stores, and the types no policy evaluated (capped). */
function coverageMarkdown(c: Coverage, max: number): string[] {
  const out = ['', '### Coverage', '', `${mdCell(coverageLine(c))}.`];
  const stores = dataStoreLine(c);
  if (stores) out.push('', `Data stores: ${mdCell(stores)}.`);
  const types = notEvaluatedByType(c);
  if (types.length) {
    out.push('');
    pushAll(out, table(['Type', 'Not evaluated', 'Why', 'Data store'], types.slice(0, max).map((t) => [mdCell(t.type), String(t.count), mdCell(reasonText(t.reasons)), mdCell(t.dataStore ?? '')])));
    if (types.length > max) out.push('', `... and ${types.length - max} more types.`);
  }
  return out;
}
