import type { Coverage, Finding, Results, Status } from '../checks/engine/types.js';
import { countByStatus, fileLine, joinLines, lineChunks, resourceLabel, sortFindings, STATUS_ORDER } from './common.js';
import type { PolicyMeta, RenderOptions } from './types.js';
import { undecidedLine } from './undecided.js';
import { coverageLine, dataStoreLine, inputLines } from './coverage.js';

const HEADINGS: Record<Status, string> = {
  fail: 'FAIL',
  error: 'ERROR (could not be read)',
  unknown: 'UNKNOWN (needs live verification)',
  waived: 'WAIVED',
  pass: 'PASS',
};

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
} as const;
type Colour = keyof typeof ANSI;

const STATUS_COLOUR: Record<Status, Colour> = { fail: 'red', error: 'magenta', unknown: 'yellow', waived: 'cyan', pass: 'green' };
const SEVERITY_COLOUR: Record<Finding['severity'], Colour> = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan', info: 'dim' };

/**
 * Text from the scanned inputs (addresses, messages) is made one safe line: control characters,
 * including ESC of terminal escape sequences, become visible `\xNN` / spaces, so a resource name
 * cannot move the cursor or recolour the terminal.
 */
export function oneLine(s: string): string {
  return s
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Terminal text: findings grouped by status (fail, error, unknown, waived; pass listed only when verbose), then a summary line. */
export function renderText(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  return joinLines(textLines(results, meta, opts));
}

/** `renderText` in pieces, for output that may be longer than one string. */
export function renderTextChunks(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  return lineChunks(textLines(results, meta, opts));
}

function textLines(results: Results, _meta: PolicyMeta[], opts: RenderOptions): string[] {
  const paint = (colour: Colour, s: string): string => (opts.color ? `${ANSI[colour]}${s}${ANSI.reset}` : s);
  const sorted = sortFindings(results.findings);
  const counts = countByStatus(sorted);
  const lines: string[] = [];

  const inputs = results.inputs.map((i) => `${oneLine(i.path)} (${i.kind})`).join(', ');
  lines.push(`ferpa-ready ${oneLine(results.tool.version)} results of ${oneLine(results.generatedAt)}${inputs ? ` for ${inputs}` : ''}`);

  let sevWidth = 0;
  for (const f of sorted) if (f.severity.length > sevWidth) sevWidth = f.severity.length;
  for (const status of STATUS_ORDER) {
    const group = sorted.filter((f) => f.status === status);
    if (group.length === 0) continue;
    if (status === 'pass' && !opts.verbose) continue;
    lines.push('', paint('bold', paint(STATUS_COLOUR[status], `${HEADINGS[status]} (${group.length})`)));
    for (const f of group) lines.push(`  ${findingLine(f, sevWidth, paint)}`);
  }

  const warnings = results.diagnostics ?? [];
  if (warnings.length) {
    lines.push('', paint('bold', `DIAGNOSTICS (${warnings.length})`));
    for (const d of warnings) lines.push(`  ${d.level}: ${d.file ? `${oneLine(d.file)}: ` : ''}${oneLine(d.message)}`);
  }

  if (results.coverage) {
    lines.push('');
    for (const l of coverageText(results.coverage)) lines.push(l);
  }

  const parts = STATUS_ORDER.map((s) => {
    const text = `${counts[s]} ${s}`;
    return counts[s] > 0 && s !== 'pass' ? paint(STATUS_COLOUR[s], text) : text;
  });
  const hidden = !opts.verbose && counts.pass > 0 ? ' (pass findings not listed; use --verbose)' : '';
  lines.push('');
  // why checks could not be decided, just above the summary line (which stays the last line)
  const notDecided = undecidedLine(sorted);
  if (notDecided) lines.push(paint(STATUS_COLOUR.error, oneLine(notDecided)));
  lines.push(`Summary: ${parts.join(', ')} of ${sorted.length} finding${sorted.length === 1 ? '' : 's'}${hidden}`);
  return lines;
}

function findingLine(f: Finding, sevWidth: number, paint: (c: Colour, s: string) => string): string {
  const sev = paint(SEVERITY_COLOUR[f.severity], f.severity.toUpperCase().padEnd(sevWidth));
  const where = fileLine(f);
  const label = resourceLabel(f);
  // Messages start with the resource ("<address>: ..."); the line names it once, before the location.
  const message = f.message.startsWith(`${label}: `) ? f.message.slice(label.length + 2) : f.message;
  let line = `${sev} ${oneLine(f.policyId)} ${oneLine(label)}${where ? ` (${oneLine(where)})` : ''} ${oneLine(message)}`;
  if (f.waiver) {
    const w = f.waiver;
    line += w.expired
      ? ` [waiver expired ${oneLine(w.expires)}: ${oneLine(w.reason)}]`
      : ` [waived by ${oneLine(w.owner)} until ${oneLine(w.expires)}: ${oneLine(w.reason)}]`;
  }
  return line;
}

/** "Coverage: 312 resources: 280 evaluated, 32 of 9 types not evaluated (...)", the data stores, and one line per input when there are several. */
function coverageText(c: Coverage): string[] {
  const out = [`Coverage: ${oneLine(coverageLine(c))}`];
  const stores = dataStoreLine(c);
  if (stores) out.push(`Data stores: ${stores}`);
  if (c.inputs.length > 1) for (const { input, line } of inputLines(c)) out.push(`  ${oneLine(input.input)} (${input.source}): ${oneLine(line)}`);
  return out;
}
