import { canonicalJson } from '../util/canonical-json.js';
import { RESULTS_FILE, manifestHash, sha256Hex } from './store.js';
import type { Manifest, RunStore } from './types.js';

export type ProblemKind =
  | 'results-hash'
  | 'results-missing'
  | 'manifest-hash'
  | 'manifest-unreadable'
  | 'id-mismatch'
  | 'previous-link'
  | 'missing-run'
  | 'sequence-gap'
  | 'duplicate-seq'
  | 'head'
  | 'incomplete';

export interface ChainProblem {
  kind: ProblemKind;
  /** The run (folder name) where the problem is. */
  run: string;
  seq?: number;
  message: string;
  /** True when the chain breaks here; false for notes (an incomplete write, a stale HEAD). */
  breaks: boolean;
}

export interface ChainReport {
  location: string;
  /** True when nothing breaks the chain. */
  ok: boolean;
  /** Complete runs checked. */
  runs: number;
  /** First and last run of the intact part from the start of the chain. */
  first: string | null;
  holdsUpTo: string | null;
  /** The run where the chain first breaks. */
  breaksAt: string | null;
  problems: ChainProblem[];
}

/**
 * Check a store's hash chain: each run's results hash, its manifest hash and canonical form, its
 * link to the run before (id and manifest hash), sequence numbers without gaps, and HEAD. Folders
 * without a manifest are incomplete writes: reported, ignored, not a break.
 */
export async function verifyChain(store: RunStore): Promise<ChainReport> {
  const listing = await store.list();
  const problems: ChainProblem[] = [];
  const seqOfName = (n: string) => Number(/^(\d+)/.exec(n)?.[1] ?? 0);

  for (const c of listing.corrupt) {
    problems.push({ kind: 'manifest-unreadable', run: c.name, seq: seqOfName(c.name), breaks: true, message: `${c.reason}` });
  }

  const runs = listing.runs;
  const ids = new Set(runs.map((r) => r.manifest.id));
  /** Manifest hash as recomputed from the stored content, by run id. */
  const actual = new Map<string, string>();
  const selfBroken = new Set<string>();

  for (const r of runs) {
    const m = r.manifest;
    const recomputed = manifestHash(m);
    actual.set(m.id, recomputed);
    const canonical = `${canonicalJson(m)}\n`;
    if (recomputed !== m.manifestSha256) {
      problems.push({ kind: 'manifest-hash', run: r.name, seq: m.seq, breaks: true, message: `manifest.json was altered: its content hashes to ${recomputed.slice(0, 12)}…, it records ${m.manifestSha256.slice(0, 12)}…` });
      selfBroken.add(m.id);
    } else if (Buffer.from(r.manifestBytes).toString('utf8') !== canonical) {
      problems.push({ kind: 'manifest-hash', run: r.name, seq: m.seq, breaks: true, message: 'manifest.json was altered: its bytes are not the canonical form it was written in' });
      selfBroken.add(m.id);
    }
    if (m.id !== r.name) {
      problems.push({ kind: 'id-mismatch', run: r.name, seq: m.seq, breaks: true, message: `the folder is named ${r.name} but its manifest says ${m.id}` });
    }
    const bytes = await store.readResultsBytes(r.name);
    if (!bytes) problems.push({ kind: 'results-missing', run: r.name, seq: m.seq, breaks: true, message: `${RESULTS_FILE} is missing` });
    else {
      const h = sha256Hex(bytes);
      if (h !== m.resultsSha256) problems.push({ kind: 'results-hash', run: r.name, seq: m.seq, breaks: true, message: `${RESULTS_FILE} was altered: it hashes to ${h.slice(0, 12)}…, the manifest records ${m.resultsSha256.slice(0, 12)}…` });
    }
  }

  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const m = r.manifest;
    const prev: Manifest | undefined = runs[i - 1]?.manifest;
    const p = (kind: ProblemKind, message: string) => problems.push({ kind, run: r.name, seq: m.seq, breaks: true, message });
    if (!prev) {
      if (m.previous) {
        p('missing-run', `it links to run ${m.previous.id}, which is not in the store (deleted?)`);
      } else if (m.seq !== 1) p('sequence-gap', `the first run has sequence number ${m.seq}, not 1`);
      continue;
    }
    if (m.seq === prev.seq) {
      p('duplicate-seq', `run ${prev.id} has the same sequence number ${m.seq} (two writers forked the chain?)`);
      continue;
    }
    if (!m.previous) {
      p('previous-link', 'it has no link to a previous run, but runs come before it');
      continue;
    }
    if (m.previous.id !== prev.id) {
      if (!ids.has(m.previous.id)) p('missing-run', `it links to run ${m.previous.id}, which is not in the store (deleted?)`);
      else p('previous-link', `it links to run ${m.previous.id}, but the run before it is ${prev.id}`);
      continue;
    }
    if (m.seq !== prev.seq + 1) {
      p('sequence-gap', `sequence number ${m.seq} follows ${prev.seq}`);
      continue;
    }
    if (!selfBroken.has(prev.id) && m.previous.manifestSha256 !== actual.get(prev.id)) {
      p('previous-link', `run ${prev.id}'s manifest changed after this run was written (the hash this run links to does not match)`);
    }
  }

  const last = runs[runs.length - 1];
  const { head, error } = await store.readHead();
  if (error) problems.push({ kind: 'head', run: 'HEAD', breaks: true, message: error });
  else if (!head) {
    if (last) problems.push({ kind: 'head', run: 'HEAD', breaks: false, message: `HEAD is missing; the last complete run is ${last.name} (a write stopped before HEAD?)` });
  } else {
    const target = runs.find((r) => r.manifest.id === head.id);
    if (!target) problems.push({ kind: 'missing-run', run: head.id, seq: head.seq, breaks: true, message: `HEAD points to run ${head.id}, which is not in the store (deleted?)` });
    else if (target.manifest.manifestSha256 !== head.manifestSha256 || target.manifest.seq !== head.seq) {
      problems.push({ kind: 'head', run: target.name, seq: target.manifest.seq, breaks: true, message: `HEAD records another manifest hash or sequence number for run ${head.id}` });
    } else if (last && target !== last) {
      problems.push({ kind: 'head', run: last.name, seq: last.manifest.seq, breaks: false, message: `HEAD points to ${head.id}, runs after it are complete (a write stopped before HEAD was updated)` });
    }
  }

  for (const inc of listing.incomplete) {
    const files = inc.files.filter((f) => !f.includes('.tmp-'));
    problems.push({ kind: 'incomplete', run: inc.name, seq: seqOfName(inc.name), breaks: false, message: `incomplete write, ignored (${files.length ? files.join(', ') : 'no files'} but no manifest.json)` });
  }

  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || Number(b.breaks) - Number(a.breaks) || a.run.localeCompare(b.run));
  const firstBreak = problems.find((x) => x.breaks);
  let holdsUpTo: string | null = null;
  for (const r of runs) {
    if (firstBreak?.seq !== undefined && r.manifest.seq >= firstBreak.seq) break;
    holdsUpTo = r.name;
  }
  return {
    location: store.location,
    ok: !firstBreak,
    runs: runs.length,
    first: runs[0]?.name ?? null,
    holdsUpTo,
    breaksAt: firstBreak ? firstBreak.run : null,
    problems,
  };
}

/** A human summary, one problem per line (no secrets: only ids, hashes and file names). */
export function formatChainReport(r: ChainReport): string {
  const lines: string[] = [];
  if (r.ok) {
    lines.push(r.runs ? `chain holds: ${r.runs} run${r.runs === 1 ? '' : 's'}, ${r.first} .. ${r.holdsUpTo} (${r.location})` : `chain holds: the store is empty (${r.location})`);
  } else {
    lines.push(`chain breaks at ${r.breaksAt} (${r.location})`);
    lines.push(r.holdsUpTo ? `chain holds up to ${r.holdsUpTo}` : 'no run before the break is intact');
  }
  for (const p of r.problems) lines.push(`${p.breaks ? 'BROKEN' : 'note  '} ${p.run}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}
