import type { Diagnostic, Finding, Results, Status } from '../engine/types.js';
import { InputError } from '../errors.js';
import { countByStatus, isOpen, OPEN_STATUSES } from '../engine/order.js';

/**
 * Baselines: adopt the gate on an existing stack without fixing everything first.
 *
 * A baseline is an earlier results document (`scan --format json=previous-results.json`). A finding
 * of this run is a *baseline finding* when the baseline holds a finding with the same id (the stable
 * fingerprint: policy + resource identity + source) in the same open status (fail, error or unknown).
 * A finding that changed status (unknown -> fail, waived -> fail after the waiver expired) is new.
 *
 * What happens to baseline findings:
 * - they stay in the results document, marked `baseline: true` (JSON keeps them, so this run's JSON
 *   can be the next baseline without losing anything; SARIF and GitLab SAST keep them too, because
 *   code scanning and the merge-request widget track known alerts themselves);
 * - they never decide the exit code (`--fail-on` looks at new findings only);
 * - the human-facing formats (text, markdown PR comment, JUnit) list only new findings, with a note
 *   counting the baseline findings left out.
 */

/** id -> status of the open findings of a baseline document. */
export type BaselineIndex = Map<string, Status>;

/** Read a baseline from parsed JSON (a results document). `file` names it in errors. */
export function baselineIndex(doc: unknown, file: string): BaselineIndex {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError('baseline is not a ferpa-ready results document (expected a JSON object)', file);
  const findings = (doc as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) throw new InputError('baseline is not a ferpa-ready results document (no "findings" list; write one with --format json=FILE)', file);
  const index: BaselineIndex = new Map();
  findings.forEach((f, i) => {
    const id = (f as { id?: unknown } | null)?.id;
    const status = (f as { status?: unknown } | null)?.status;
    if (typeof id !== 'string' || !id || typeof status !== 'string') throw new InputError(`baseline /findings/${i}: needs a string "id" and "status"`, file);
    if (isOpen(status as Status)) index.set(id, status as Status);
  });
  return index;
}

/** Parse a baseline file's text (JSON) into an index. */
export function parseBaseline(text: string, file: string): BaselineIndex {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError('baseline is not valid JSON', file);
  }
  return baselineIndex(doc, file);
}

/** Is this finding open in the baseline with the same status? */
export function inBaseline(f: Finding, index: BaselineIndex): boolean {
  return isOpen(f.status) && index.get(f.id) === f.status;
}

/**
 * Mark the findings open in the baseline (`baseline: true`); everything else unchanged.
 * Pure: returns a new document, the input is not modified.
 */
export function applyBaseline(results: Results, index: BaselineIndex): Results {
  return {
    ...results,
    findings: results.findings.map((f) => {
      const { baseline: _old, ...rest } = f;
      return inBaseline(f, index) ? { ...rest, baseline: true } : rest;
    }),
  };
}

/** The findings that are new relative to the baseline (all of them when none was applied). */
export function newFindings(results: Results): Finding[] {
  return results.findings.filter((f) => !f.baseline);
}

/**
 * The document the human-facing formats and the exit code see: baseline findings left out, the
 * summary recounted, and a note saying how many were left out (none when nothing was).
 */
export function newOnlyView(results: Results, baselineFile?: string): Results {
  const left = results.findings.filter((f) => f.baseline);
  if (!left.length) return results;
  const findings = newFindings(results);
  const summary = countByStatus(findings);
  const note: Diagnostic = {
    level: 'note',
    message: `${left.length} finding${left.length === 1 ? '' : 's'} already open in the baseline${baselineFile ? ` ${baselineFile}` : ''} not listed (${countText(left)})`,
  };
  if (baselineFile) note.file = baselineFile;
  return { ...results, findings, summary, diagnostics: [...(results.diagnostics ?? []), note] };
}

function countText(fs: Finding[]): string {
  const by = new Map<string, number>();
  for (const f of fs) by.set(f.status, (by.get(f.status) ?? 0) + 1);
  return OPEN_STATUSES.filter((s) => by.has(s)).map((s) => `${by.get(s)} ${s}`).join(', ');
}
