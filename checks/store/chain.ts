import { canonicalJson } from '../util/canonical-json.js';
import { checkAnchors, type Anchor, type AnchorResult, type ChainHead } from './anchor.js';
import { COMMITMENTS_FILE, commitmentOf, parseCommitments } from './commitments.js';
import { HEADS_DIR, HEAD_RECORD, RESULTS_FILE, RUN_NAME, headRecordKey, manifestHash, sha256Hex } from './store.js';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_V1, type Manifest, type RunStore } from './types.js';

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
  | 'head-record'
  | 'commitment'
  | 'deleted'
  | 'overwritten'
  | 'anchor'
  | 'legacy'
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
  /** False when there is no store at this location at all. */
  exists: boolean;
  /** True when nothing breaks the chain and it extends every anchor given. */
  ok: boolean;
  /** Complete runs checked. */
  runs: number;
  /** The last run and its recomputed manifest hash: what to anchor (null for an empty store). */
  head: ChainHead | null;
  /** Each anchor given, and whether the chain still extends it. */
  anchors: AnchorResult[];
  /** Runs written before redaction commitments and head records (format 1). */
  legacyRuns: number;
  /** First and last run of the intact part from the start of the chain. */
  first: string | null;
  holdsUpTo: string | null;
  /** The run where the chain first breaks. */
  breaksAt: string | null;
  problems: ChainProblem[];
}

export interface VerifyChainOptions {
  /** Heads seen earlier: the chain must still hold each of them. */
  anchors?: Anchor[];
  /**
   * The runs of an evidence bundle: no commitments (they stay in the store), no head records, no
   * object history; the bundle verifier checks redacted copies against the commitments itself.
   */
  bundle?: boolean;
}

/**
 * Check a store's hash chain: each run's results hash, its manifest hash and canonical form, its
 * link to the run before (id and manifest hash), sequence numbers without gaps, HEAD, and, for runs
 * written since format 2, the redaction commitment and the write-once head records; where the
 * storage keeps versions, deleted and overwritten objects; and every anchor given. Folders without a
 * manifest are incomplete writes: reported, ignored, not a break.
 */
export async function verifyChain(store: RunStore, opts: VerifyChainOptions = {}): Promise<ChainReport> {
  const exists = await store.exists();
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
      else if (!opts.bundle && m.format === MANIFEST_FORMAT) {
        const why = await commitmentProblem(store, r.name, bytes, m);
        if (why) problems.push({ kind: 'commitment', run: r.name, seq: m.seq, breaks: true, message: why });
      }
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

  if (!opts.bundle) {
    await checkHeadRecords(store, runs, actual, new Set(listing.corrupt.map((c) => c.name)), problems);
    await checkObjectHistory(store, problems);
    const legacy = runs.filter((r) => r.manifest.format === MANIFEST_FORMAT_V1);
    if (legacy.length) {
      const [a, b] = [legacy[0]!, legacy[legacy.length - 1]!];
      problems.push({
        kind: 'legacy', run: a.name, seq: a.manifest.seq, breaks: false,
        message: `${legacy.length === 1 ? `run ${a.name} predates` : `${legacy.length} runs (${a.name} .. ${b.name}) predate`} redaction commitments and head records (written by an earlier version): they verify by their hashes; a bundle can carry their results only unredacted`,
      });
    }
  }
  for (let i = 1; i < runs.length; i++) {
    const [prev, cur] = [runs[i - 1]!.manifest, runs[i]!.manifest];
    if (prev.format === MANIFEST_FORMAT && cur.format === MANIFEST_FORMAT_V1) {
      problems.push({ kind: 'legacy', run: runs[i]!.name, seq: cur.seq, breaks: false, message: `written in the older format 1 after a format 2 run (an earlier version of the tool appended to this store?)` });
    }
  }

  for (const inc of listing.incomplete) {
    const files = inc.files.filter((f) => !f.includes('.tmp-'));
    problems.push({ kind: 'incomplete', run: inc.name, seq: seqOfName(inc.name), breaks: false, message: `incomplete write, ignored (${files.length ? files.join(', ') : 'no files'} but no manifest.json)` });
  }

  const anchors = checkAnchors(
    runs.map((r) => ({ id: r.manifest.id, seq: r.manifest.seq, manifestSha256: actual.get(r.manifest.id)! })),
    opts.anchors ?? [],
  );
  for (const a of anchors) {
    if (!a.extended) problems.push({ kind: 'anchor', run: `anchor ${a.manifestSha256.slice(0, 12)}…`, breaks: true, message: a.message });
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
    exists,
    ok: !firstBreak,
    runs: runs.length,
    head: last ? { id: last.manifest.id, seq: last.manifest.seq, manifestSha256: actual.get(last.manifest.id)! } : null,
    anchors,
    legacyRuns: runs.filter((r) => r.manifest.format === MANIFEST_FORMAT_V1).length,
    first: runs[0]?.name ?? null,
    holdsUpTo,
    breaksAt: firstBreak ? firstBreak.run : null,
    problems,
  };
}

/** Why a format-2 run's results and commitments do not give the commitment its manifest records. */
async function commitmentProblem(store: RunStore, run: string, resultsBytes: Uint8Array, m: Manifest): Promise<string | null> {
  const bytes = await store.readCommitmentsBytes(run);
  if (!bytes) return `${COMMITMENTS_FILE} is missing (the salts of the run's redactable values)`;
  const c = parseCommitments(bytes);
  if (typeof c === 'string') return c;
  let got: string;
  try {
    got = commitmentOf(JSON.parse(Buffer.from(resultsBytes).toString('utf8')), c);
  } catch (e) {
    return `${COMMITMENTS_FILE} does not fit ${RESULTS_FILE} (${(e as Error).message})`;
  }
  return got === m.resultsCommitment ? null : `${COMMITMENTS_FILE} was altered: with ${RESULTS_FILE} it gives commitment ${got.slice(0, 12)}…, the manifest records ${m.resultsCommitment!.slice(0, 12)}…`;
}

type Run = Awaited<ReturnType<RunStore['list']>>['runs'][number];

/**
 * The write-once head records: each names a run that must still be there with the manifest hash it
 * had when it was written. A record of a run that is gone shows the newest runs were deleted, even
 * when HEAD was moved back; a run rewritten with every later hash recomputed no longer matches its
 * record. Someone who also deletes or rewrites the records is caught only by an anchor.
 */
async function checkHeadRecords(store: RunStore, runs: Run[], actual: Map<string, string>, corrupt: Set<string>, problems: ChainProblem[]): Promise<void> {
  const byId = new Map(runs.map((r) => [r.manifest.id, r] as const));
  const recorded = new Set<string>();
  for (const rec of await store.readHeadRecords()) {
    const file = `${HEADS_DIR}/${rec.name}`;
    const seq = Number(HEAD_RECORD.exec(rec.name)![1]);
    if ('error' in rec) {
      problems.push({ kind: 'head-record', run: file, seq, breaks: true, message: rec.error });
      continue;
    }
    const h = rec.record;
    recorded.add(h.id);
    if (h.seq !== seq || !RUN_NAME.test(h.id) || Number(RUN_NAME.exec(h.id)![1]) !== seq) {
      problems.push({ kind: 'head-record', run: file, seq, breaks: true, message: `${file} was altered: it records run ${h.id} with sequence number ${h.seq}` });
      continue;
    }
    if (corrupt.has(h.id)) continue;
    const run = byId.get(h.id);
    if (!run) {
      problems.push({ kind: 'missing-run', run: h.id, seq, breaks: true, message: `${file} records that run ${h.id} was written, but it is not in the store (deleted?)` });
    } else if (actual.get(h.id) !== h.manifestSha256) {
      problems.push({ kind: 'head-record', run: h.id, seq, breaks: true, message: `the run was rewritten: ${file} records manifest hash ${h.manifestSha256.slice(0, 12)}… from when it was written, it now hashes to ${actual.get(h.id)!.slice(0, 12)}…` });
    }
  }
  for (const r of runs) {
    if (r.manifest.format === MANIFEST_FORMAT && !recorded.has(r.manifest.id)) {
      problems.push({ kind: 'head-record', run: r.name, seq: r.manifest.seq, breaks: false, message: `no head record ${headRecordKey(r.manifest.seq)} (a write stopped before it, or it was deleted; the next run writes it)` });
    }
  }
}

/** Where the storage keeps versions: a run object or head record deleted or overwritten. */
async function checkObjectHistory(store: RunStore, problems: ChainProblem[]): Promise<void> {
  const history = await store.objectHistory();
  if (!history) return;
  if ('error' in history) {
    problems.push({ kind: 'deleted', run: 'versions', breaks: false, message: `${history.error}: objects deleted or overwritten behind the store's back are not looked for` });
    return;
  }
  const where = (key: string) => {
    const top = key.split('/')[0]!;
    if (RUN_NAME.test(top)) return { run: top, seq: Number(RUN_NAME.exec(top)![1]) };
    const rec = top === HEADS_DIR ? HEAD_RECORD.exec(key.slice(HEADS_DIR.length + 1)) : null;
    return rec ? { run: key, seq: Number(rec[1]) } : null;
  };
  for (const d of history.deleted) {
    const w = where(d.key);
    if (w) problems.push({ kind: 'deleted', ...w, breaks: true, message: `${d.key} was deleted: a delete marker hides it, ${d.versions} earlier version${d.versions === 1 ? '' : 's'} remain${d.versions === 1 ? 's' : ''} in the bucket` });
  }
  for (const o of history.overwritten) {
    const w = where(o.key);
    if (w) problems.push({ kind: 'overwritten', ...w, breaks: true, message: `${o.key} has ${o.versions} versions: an object written once was overwritten (the earlier versions remain in the bucket)` });
  }
}

/** A human summary, one problem per line (no secrets: only ids, hashes and file names). */
export function formatChainReport(r: ChainReport): string {
  const lines: string[] = [];
  const chainBreak = r.problems.find((p) => p.breaks && p.kind !== 'anchor');
  if (r.ok) {
    lines.push(r.runs ? `chain holds: ${r.runs} run${r.runs === 1 ? '' : 's'}, ${r.first} .. ${r.holdsUpTo} (${r.location})` : `chain holds: the store is empty (${r.location})`);
  } else if (chainBreak) {
    lines.push(`chain breaks at ${chainBreak.run} (${r.location})`);
    lines.push(r.holdsUpTo ? `chain holds up to ${r.holdsUpTo}` : 'no run before the break is intact');
  } else {
    lines.push(`chain does NOT extend the anchor: runs were deleted or rewritten (${r.location})`);
  }
  if (r.head) lines.push(`head ${r.head.manifestSha256} (${r.head.seq === r.runs ? `${r.runs} run${r.runs === 1 ? '' : 's'}` : `run ${r.head.seq}, ${r.runs} in the store`})`);
  for (const a of r.anchors) if (a.extended) lines.push(`anchor ok: ${a.message}`);
  for (const p of r.problems) lines.push(`${p.breaks ? 'BROKEN' : 'note  '} ${p.run}: ${p.message}`);
  if (r.ok && r.head) {
    lines.push(
      r.anchors.length
        ? `anchor the new head elsewhere: ${r.head.manifestSha256} (${r.runs} run${r.runs === 1 ? '' : 's'})`
        : `anchor this head elsewhere: ${r.head.manifestSha256} (${r.runs} run${r.runs === 1 ? '' : 's'}); without an anchor (verify --anchor <hash>), deleting the newest runs together with their head records, or rewriting runs with every later hash recomputed, goes unnoticed`,
    );
  }
  return `${lines.join('\n')}\n`;
}
