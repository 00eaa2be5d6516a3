// Build an evidence bundle for a DPA review: the readiness report (HTML, PDF, JSON) of the chosen
// runs, every run of the store (results redacted, manifests as stored), HEAD and the chain report,
// snapshots (redacted), attestations, waivers, and a manifest with the SHA-256 of every member,
// optionally signed (Ed25519). Deterministic: the same store, inputs and clock give the same zip.
import type { KeyObject } from 'node:crypto';
import type { Attestation, Results, Waiver } from '../engine/types.js';
import { InputError } from '../errors.js';
import { canonicalJson } from '../util/canonical-json.js';
import { verifyChain, type ChainReport } from '../store/chain.js';
import { parseCommitments, redactWithProof, redactablePointers } from '../store/commitments.js';
import { MANIFEST_FORMAT, type Manifest, type RunStore } from '../store/types.js';
import { buildReport, trendPointOf, type FerpaReport, type ReportFramework, type ReportInput, type ReportPolicyMeta, type TrendPoint } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaJson } from '../../reports/ferpa/json.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_MANIFEST,
  BUNDLE_SIGNATURE,
  PATHS,
  SIGNATURE_ALGORITHM,
  bundleManifestBytes,
  bundleManifestHash,
  jsonBytes,
  redactionsPath,
  sha256Hex,
  type BundleFile,
  type BundleManifest,
  type MemberRole,
} from './format.js';
import { holdsSecret, redactDeep, redactJsonBytes } from './redact.js';
import { keyId, signManifest } from './sign.js';
import { writeZip, type ZipMember } from './zip.js';
import { minOf } from '../util/push-all.js';

export interface SnapshotFile {
  /** The file as the user named it (for messages). */
  path: string;
  bytes: Uint8Array;
}

export interface BundleOptions {
  store: RunStore;
  /** The store as the user named it (recorded in the manifest). */
  storeLabel: string;
  /** Runs the report covers (`latest`, an id, a seq, ...); default the latest run. Several merge. */
  runs?: string[];
  /** The clock: report date, manifest date and every zip timestamp. */
  now: Date;
  tool: { version: string; catalogVersion?: string };
  framework: ReportFramework;
  policies: ReportPolicyMeta[];
  /** From the configuration and attestation files (the runs' own are added). */
  attestations?: Attestation[];
  /** From the configuration (the runs' own are added). */
  waivers?: Waiver[];
  profile?: Record<string, unknown>;
  snapshots?: SnapshotFile[];
  /** The report as PDF (the pdf output format's renderer); absent = no PDF in the bundle. */
  renderPdf?: (report: FerpaReport) => Promise<Uint8Array>;
  /** Ed25519 private key: writes manifest.sig. */
  signKey?: KeyObject;
  /** Earlier runs drawn in the report's trend (default 10). */
  trendRuns?: number;
}

export interface BuiltBundle {
  zip: Uint8Array;
  manifest: BundleManifest;
  chain: ChainReport;
  /** Things the user should know (a run's snapshot not given, content redacted). */
  notes: string[];
}

/** The store's chain is broken: no bundle is written (its verification would fail). */
export class BrokenChainError extends Error {
  constructor(readonly report: ChainReport) {
    super(`the store's hash chain breaks at ${report.breaksAt}; not exporting (run \`ferpa-ready verify --store\` for details)`);
    this.name = 'BrokenChainError';
  }
}

interface Pending {
  path: string;
  role: MemberRole;
  bytes: Uint8Array;
  redacted?: boolean;
  originalSha256?: string;
  run?: string;
  usedBy?: string[];
}

const SNAPSHOT_INPUT_KINDS = new Set(['live', 'snapshot']);

function safeName(path: string): string {
  const base = path.split(/[\\/]/).pop() || 'snapshot.json';
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return clean.toLowerCase().endsWith('.json') ? clean : `${clean}.json`;
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const x of items) {
    const k = canonicalJson(x);
    if (!seen.has(k)) seen.set(k, x);
  }
  return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

export async function buildBundle(opts: BundleOptions): Promise<BuiltBundle> {
  const { store, now } = opts;
  const notes: string[] = [];
  const chain = await verifyChain(store);
  if (!chain.ok) throw new BrokenChainError(chain);
  const listing = await store.list();
  const runs = listing.runs;
  if (!runs.length) throw new InputError(`${store.location}: the store has no complete runs to export`);

  // The report's runs.
  const refs = opts.runs?.length ? opts.runs : ['latest'];
  const reported: string[] = [];
  for (const ref of refs) {
    const run = await store.resolve(ref);
    if (!reported.includes(run.id)) reported.push(run.id);
  }

  const pending: Pending[] = [];
  const results = new Map<string, { value: Results; bytes: Uint8Array; path: string }>();
  const withheld: Array<{ run: string; reason: string }> = [];
  for (const r of runs) {
    const id = r.manifest.id;
    pending.push({ path: `${PATHS.runsDir}/${id}/manifest.json`, role: 'run-manifest', bytes: r.manifestBytes, run: id });
    const raw = await store.readResultsBytes(r.name);
    if (!raw) throw new InputError(`${store.location}: run ${id} has no results.json`);
    const path = `${PATHS.runsDir}/${id}/results.json`;
    const value = parseJson(raw, `${store.location}: run ${id} results.json`);
    if (!redactablePointers(value).length) {
      pending.push({ path, role: 'run-results', bytes: raw, run: id });
      results.set(id, { value: value as Results, bytes: raw, path });
      continue;
    }
    // A redacted copy goes only with the proof that it is the original with values removed.
    const cBytes = r.manifest.format === MANIFEST_FORMAT ? await store.readCommitmentsBytes(r.name) : null;
    const commitments = cBytes ? parseCommitments(cBytes) : null;
    if (typeof commitments === 'string') throw new InputError(`${store.location}: run ${id}: ${commitments}`);
    const plan = redactWithProof(id, value, commitments);
    if (!plan.ok) {
      const reason = commitments
        ? `its results hold credential-looking values at ${plan.uncommitted.slice(0, 3).join(', ')}${plan.uncommitted.length > 3 ? ', ...' : ''} that the run did not commit as redactable, so no redacted copy of it can be proven`
        : 'its results hold credential-looking values and the run predates redaction commitments (written by an earlier version), so no redacted copy of it can be proven';
      if (reported.includes(id)) throw new InputError(`${store.location}: run ${id}: ${reason}; report on another run (--run)`);
      withheld.push({ run: id, reason });
      notes.push(`run ${id}: results withheld from the bundle (${reason}); its manifest and link stay in the chain`);
      continue;
    }
    const bytes = jsonBytes(plan.copy);
    notes.push(`run ${id}: ${plan.proof.removed.length} credential-looking value${plan.proof.removed.length === 1 ? '' : 's'} redacted in the bundle, with a proof that nothing else changed`);
    pending.push({ path, role: 'run-results', bytes, run: id, redacted: true, originalSha256: r.manifest.resultsSha256 });
    pending.push({ path: redactionsPath(id), role: 'run-redactions', bytes: jsonBytes(plan.proof), run: id });
    results.set(id, { value: plan.copy as Results, bytes, path });
  }
  const { head } = await store.readHead();
  if (head) pending.push({ path: PATHS.head, role: 'head', bytes: Buffer.from(`${canonicalJson(head)}\n`, 'utf8') });

  // The chain as verified at export time, with every link.
  pending.push({
    path: PATHS.chain,
    role: 'chain',
    bytes: jsonBytes({
      ok: chain.ok,
      runs: chain.runs,
      first: chain.first,
      holdsUpTo: chain.holdsUpTo,
      problems: chain.problems,
      head: chain.head,
      links: runs.map((r) => ({ seq: r.manifest.seq, id: r.manifest.id, manifestSha256: r.manifest.manifestSha256, resultsSha256: r.manifest.resultsSha256, previous: r.manifest.previous })),
    }),
  });

  const bySeq = new Map(runs.map((r) => [r.manifest.id, r.manifest] as const));
  reported.sort((a, b) => bySeq.get(a)!.seq - bySeq.get(b)!.seq);
  const inputOf = (id: string): ReportInput => {
    const r = results.get(id)!;
    return { results: r.value, path: r.path, sha256: sha256Hex(r.bytes) };
  };
  const extraAttestations = (opts.attestations ?? []).map((a) => redactDeep(a) as Attestation);
  const firstReportedSeq = minOf(reported.map((id) => bySeq.get(id)!.seq));
  const earlier = runs.map((r) => r.manifest).filter((m) => m.seq < firstReportedSeq && results.has(m.id));
  const trend: TrendPoint[] = [];
  for (const m of earlier.slice(Math.max(0, earlier.length - (opts.trendRuns ?? 10)))) {
    const past = buildReport([inputOf(m.id)], opts.framework, opts.policies, { now: timeOf(m), attestations: extraAttestations, profile: opts.profile });
    const p = trendPointOf(past, `run ${m.seq}`);
    if (p) trend.push(p);
  }
  const report = buildReport(reported.map(inputOf), opts.framework, opts.policies, { now, attestations: extraAttestations, history: trend, profile: opts.profile });
  pending.push({ path: PATHS.reportHtml, role: 'report', bytes: Buffer.from(renderFerpaHtml(report), 'utf8') });
  pending.push({ path: PATHS.reportJson, role: 'report', bytes: Buffer.from(renderFerpaJson(report), 'utf8') });
  if (opts.renderPdf) {
    const pdf = await opts.renderPdf(report);
    pending.push({ path: PATHS.reportPdf, role: 'report', bytes: pdf });
  }

  // Attestations and waivers: the configuration's and every bundled run's own.
  const reportedResults = reported.map((id) => results.get(id)!.value);
  const attestations = dedupe([...extraAttestations, ...reportedResults.flatMap((r) => r.attestations ?? [])]);
  const waivers = dedupe([...(opts.waivers ?? []).map((w) => redactDeep(w) as Waiver), ...reportedResults.flatMap((r) => r.waivers ?? [])]);
  pending.push({ path: PATHS.attestations, role: 'attestations', bytes: jsonBytes({ attestations }) });
  pending.push({ path: PATHS.waivers, role: 'waivers', bytes: jsonBytes({ waivers }) });

  // Snapshots, redacted; matched to the runs that scanned them by the original bytes' hash.
  const usedNames = new Set<string>();
  const givenShas = new Set<string>();
  for (const s of opts.snapshots ?? []) {
    const original = sha256Hex(s.bytes);
    if (givenShas.has(original)) continue;
    givenShas.add(original);
    let name = safeName(s.path);
    for (let i = 2; usedNames.has(name); i++) name = safeName(s.path).replace(/\.json$/, `-${i}.json`);
    usedNames.add(name);
    const red = redactJsonBytes(s.bytes, s.path);
    const usedBy = runs.filter((r) => r.manifest.inputs.some((i) => i.sha256 === original)).map((r) => r.manifest.id);
    if (!usedBy.length) notes.push(`snapshot ${s.path}: no run in the store lists it as an input (bundled anyway)`);
    pending.push({ path: `${PATHS.snapshotsDir}/${name}`, role: 'snapshot', bytes: red.bytes, originalSha256: original, usedBy, ...(red.redacted ? { redacted: true } : {}) });
  }
  for (const r of runs) {
    for (const i of r.manifest.inputs) {
      if (SNAPSHOT_INPUT_KINDS.has(i.kind) && !givenShas.has(i.sha256)) notes.push(`run ${r.manifest.id} scanned the snapshot ${i.path}; give it with --snapshot to bundle it`);
    }
  }

  // Last line of defence: nothing credential-looking leaves in a text member.
  for (const p of pending) {
    if (p.path === PATHS.reportPdf) continue;
    if (holdsSecret(p.bytes)) throw new InputError(`${p.path} would hold a credential-looking value; not exporting`);
  }

  const files: BundleFile[] = pending
    .map((p) => ({
      path: p.path,
      role: p.role,
      sha256: sha256Hex(p.bytes),
      size: p.bytes.length,
      ...(p.redacted ? { redacted: true } : {}),
      ...(p.originalSha256 ? { originalSha256: p.originalSha256 } : {}),
      ...(p.run ? { run: p.run } : {}),
      ...(p.usedBy ? { usedBy: p.usedBy } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const last = runs[runs.length - 1]!.manifest;
  const draft: Omit<BundleManifest, 'manifestSha256'> = {
    format: BUNDLE_FORMAT,
    createdAt: now.toISOString(),
    tool: { name: 'ferpa-ready', version: opts.tool.version, ...(opts.tool.catalogVersion ? { catalogVersion: opts.tool.catalogVersion } : {}) },
    store: opts.storeLabel,
    reportedRuns: reported,
    chain: { runs: runs.length, first: runs[0]!.manifest.id, last: last.id, headManifestSha256: head?.manifestSha256 ?? null, head: chain.head! },
    files,
    ...(withheld.length ? { withheld } : {}),
    ...(opts.signKey ? { signer: { algorithm: SIGNATURE_ALGORITHM, keyId: keyId(opts.signKey) } } : {}),
  };
  const manifest: BundleManifest = { ...draft, manifestSha256: bundleManifestHash(draft) };
  const mBytes = bundleManifestBytes(manifest);
  const members: ZipMember[] = [{ name: BUNDLE_MANIFEST, data: mBytes }, ...pending.map((p) => ({ name: p.path, data: p.bytes }))];
  if (opts.signKey) members.push({ name: BUNDLE_SIGNATURE, data: signManifest(mBytes, opts.signKey) });
  return { zip: writeZip(members, now), manifest, chain, notes: [...new Set(notes)] };
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, file);
  }
}

function timeOf(m: Manifest): Date {
  const d = new Date(m.time);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}
