import { compareFindingKeys, isOpen, type FindingOrderKey } from '../engine/order.js';
import type { Finding, Severity, Status } from '../engine/types.js';

export { isOpen };

export type DiffChange = 'new' | 'resolved' | 'reopened' | 'waived' | 'unchanged';

export interface DiffEntry {
  id: string;
  change: DiffChange;
  policyId: string;
  severity: Severity;
  /** Address, ARN or kind of the resource, as shown to a user. */
  resource: string;
  source: Finding['source'];
  /** The root module or plan it belongs to, when its run scanned several (Finding.input). */
  input?: string;
  /** Status in the older run (absent = the finding did not exist then). */
  before?: Status;
  after?: Status;
  /** For a re-open: the run where it was last open before it was resolved, and why it came back. */
  reopenedFrom?: string;
  note?: string;
}

export interface RunDiff {
  from: string;
  to: string;
  new: DiffEntry[];
  resolved: DiffEntry[];
  reopened: DiffEntry[];
  /** Open before, waived now. */
  waived: DiffEntry[];
  /** Open in both. */
  unchanged: DiffEntry[];
  counts: Record<DiffChange, number>;
}

/** A run's findings with the run id, oldest first (history for re-open detection). */
export interface RunFindings {
  id: string;
  findings: Array<Pick<Finding, 'id' | 'status'> & Partial<Finding>>;
}

function display(f: Partial<Finding>): string {
  return f.resource?.address ?? f.resource?.arn ?? f.resource?.kind ?? '';
}

function byId<T extends { id: string }>(findings: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const f of findings) m.set(f.id, f);
  return m;
}

/**
 * Compare two runs' findings by their stable id.
 * - new: open now, absent or not open before (and never open earlier)
 * - reopened: open now, not open before, but open in an earlier run of `history` and resolved or
 *   waived since; a finding whose waiver expired (waived before, open now) is a re-open too
 * - resolved: open before, pass or absent now; waived: open before, waived now
 * - unchanged: open in both
 * `history` is the chain of runs up to `to` (oldest first); runs after `to` are ignored.
 */
export function diffRuns(from: RunFindings, to: RunFindings, history: RunFindings[] = []): RunDiff {
  const before = byId(from.findings);
  const after = byId(to.findings);
  const toIdx = history.findIndex((h) => h.id === to.id);
  const past = (toIdx >= 0 ? history.slice(0, toIdx) : history.filter((h) => h.id !== to.id)).map((h) => ({ id: h.id, byId: byId(h.findings) }));
  const out: RunDiff = { from: from.id, to: to.id, new: [], resolved: [], reopened: [], waived: [], unchanged: [], counts: { new: 0, resolved: 0, reopened: 0, waived: 0, unchanged: 0 } };

  const entry = (id: string, change: DiffChange, f: Partial<Finding>, b?: Status, a?: Status): DiffEntry => ({
    id,
    change,
    policyId: f.policyId ?? '',
    severity: f.severity ?? 'info',
    resource: display(f),
    source: f.source ?? 'plan',
    ...(f.input !== undefined ? { input: f.input } : {}),
    ...(b ? { before: b } : {}),
    ...(a ? { after: a } : {}),
  });

  for (const [id, a] of after) {
    const b = before.get(id);
    if (isOpen(a.status)) {
      if (b && isOpen(b.status)) {
        out.unchanged.push(entry(id, 'unchanged', a, b.status, a.status));
        continue;
      }
      // Not open in `from`: a re-open when it was open at some earlier point and closed after it.
      let lastOpen: string | undefined;
      let closedAfter = false;
      for (const h of past) {
        const s = h.byId.get(id)?.status;
        if (isOpen(s)) {
          lastOpen = h.id;
          closedAfter = false;
        } else if (lastOpen) closedAfter = true;
      }
      if (lastOpen && closedAfter) {
        out.reopened.push({ ...entry(id, 'reopened', a, b?.status, a.status), reopenedFrom: lastOpen, ...(a.waiver?.expired ? { note: 'waiver expired' } : {}) });
      } else if (b?.status === 'waived' || a.waiver?.expired) {
        out.reopened.push({ ...entry(id, 'reopened', a, b?.status, a.status), note: 'waiver expired' });
      } else out.new.push(entry(id, 'new', a, b?.status, a.status));
    } else if (b && isOpen(b.status)) {
      if (a.status === 'waived') out.waived.push(entry(id, 'waived', a, b.status, a.status));
      else out.resolved.push(entry(id, 'resolved', a, b.status, a.status));
    }
  }
  for (const [id, b] of before) {
    if (!after.has(id) && isOpen(b.status)) out.resolved.push(entry(id, 'resolved', b, b.status, undefined));
  }
  for (const k of ['new', 'resolved', 'reopened', 'waived', 'unchanged'] as const) {
    out[k] = out[k].map((e) => ({ e, key: orderKey(e) })).sort((x, y) => compareFindingKeys(x.key, y.key)).map((x) => x.e);
    out.counts[k] = out[k].length;
  }
  return out;
}

/** A diff entry in the finding order, by the open status that put it on its list (now for new, re-opened and still open; before for resolved and waived). */
function orderKey(e: DiffEntry): FindingOrderKey {
  const status = (e.change === 'resolved' || e.change === 'waived' ? e.before : e.after) ?? 'pass';
  return { status, severity: e.severity, policyId: e.policyId, resource: e.resource, source: e.source, input: e.input, id: e.id };
}

export function formatDiff(d: RunDiff): string {
  const lines = [`diff ${d.from} -> ${d.to}: ${d.counts.new} new, ${d.counts.reopened} re-opened, ${d.counts.resolved} resolved, ${d.counts.waived} waived, ${d.counts.unchanged} still open`];
  const sections: Array<[string, DiffEntry[]]> = [
    ['new', d.new],
    ['re-opened', d.reopened],
    ['resolved', d.resolved],
    ['waived', d.waived],
  ];
  for (const [title, list] of sections) {
    if (!list.length) continue;
    lines.push('', `${title}:`);
    for (const e of list) {
      const trans = `${e.before ?? 'absent'} -> ${e.after ?? 'absent'}`;
      const extra = [e.reopenedFrom ? `last open in ${e.reopenedFrom}` : '', e.note ?? ''].filter(Boolean).join('; ');
      lines.push(`  ${e.id}  ${e.severity.padEnd(8)} ${e.policyId}  ${e.resource}  (${e.input !== undefined ? `${e.input}, ` : ''}${e.source}; ${trans}${extra ? `; ${extra}` : ''})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
