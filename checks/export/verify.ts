// Verify an evidence bundle offline: the manifest is intact (canonical, its own hash), every member's
// SHA-256 and size match it, nothing is missing or extra, the runs' hash chain holds inside the
// bundle, every redacted copy is proven to be its original with values removed, the signed head is
// the chain's, the chain extends every anchor given, and, given the vendor's public key, manifest.sig
// is a valid Ed25519 signature of it.
import type { KeyObject } from 'node:crypto';
import type { Anchor, AnchorResult, ChainHead } from '../store/anchor.js';
import { verifyChain } from '../store/chain.js';
import { commitmentOfRedacted, parseProof } from '../store/commitments.js';
import { Store } from '../store/store.js';
import { MANIFEST_FORMAT, type Manifest, type StoreBackend } from '../store/types.js';
import { canonicalJson } from '../util/canonical-json.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V1, BUNDLE_MANIFEST, BUNDLE_SIGNATURE, PATHS, bundleManifestHash, redactionsPath, sha256Hex, type BundleFile, type BundleManifest } from './format.js';
import { checkSignature, keyId } from './sign.js';
import { readZip, type ZipMember } from './zip.js';

export type BundleProblemKind = 'manifest' | 'missing' | 'extra' | 'duplicate' | 'unreadable' | 'hash' | 'size' | 'chain' | 'redaction' | 'anchor' | 'signature';

export interface BundleProblem {
  kind: BundleProblemKind;
  /** The member at fault (a path inside the zip). */
  member: string;
  message: string;
}

export type SignatureState = 'valid' | 'invalid' | 'unsigned' | 'not-checked';

export interface BundleVerdict {
  ok: boolean;
  bundle: string;
  /** The first member at fault (null when ok). */
  failingMember: string | null;
  members: number;
  runs: number;
  chain: { first: string | null; last: string | null };
  /** The last bundled run and its recomputed manifest hash: what to anchor. */
  head: ChainHead | null;
  /** Each anchor given, and whether the bundled chain extends it. */
  anchors: AnchorResult[];
  signature: SignatureState;
  signerKeyId: string | null;
  problems: BundleProblem[];
  notes: string[];
}

export interface VerifyOptions {
  /** The vendor's Ed25519 public key: the signature must be there and valid. */
  publicKey?: KeyObject;
  /** Heads seen earlier (a hash or an earlier bundle's): the bundled chain must extend each. */
  anchors?: Anchor[];
}

const SHA = /^[0-9a-f]{64}$/;

function isFolderEntry(m: ZipMember): boolean {
  return m.name.endsWith('/') && m.data.length === 0;
}

/** Shape-check a bundle manifest; a reason string when it is not one. */
function parseBundleManifest(bytes: Uint8Array): BundleManifest | string {
  let m: unknown;
  try {
    m = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return 'not an object';
  const r = m as Record<string, unknown>;
  if (r.format !== BUNDLE_FORMAT && r.format !== BUNDLE_FORMAT_V1) return `format is not "${BUNDLE_FORMAT}" (or "${BUNDLE_FORMAT_V1}")`;
  if (typeof r.manifestSha256 !== 'string' || !SHA.test(r.manifestSha256)) return 'manifestSha256 is not a SHA-256';
  if (!Array.isArray(r.files)) return 'files is not a list';
  for (const [i, f] of (r.files as unknown[]).entries()) {
    const x = f as Record<string, unknown>;
    if (!x || typeof x.path !== 'string' || typeof x.sha256 !== 'string' || !SHA.test(x.sha256) || !Number.isInteger(x.size)) return `files[${i}] is not {path, sha256, size}`;
  }
  if (!Array.isArray(r.reportedRuns) || !r.chain || typeof r.chain !== 'object') return 'reportedRuns or chain is missing';
  return m as BundleManifest;
}

/** The bundle's runs/ folder as a read-only store backend, so the store's own chain check runs on it. */
class BundleBackend implements StoreBackend {
  constructor(
    private readonly files: Map<string, Uint8Array>,
    readonly location: string,
  ) {}
  async listFolders(): Promise<string[]> {
    const out = new Set<string>();
    for (const k of this.files.keys()) {
      const parts = k.split('/');
      if (parts.length === 2) out.add(parts[0]!);
    }
    return [...out].sort();
  }
  async listFiles(folder: string): Promise<string[]> {
    return [...this.files.keys()].filter((k) => k.startsWith(`${folder}/`)).map((k) => k.slice(folder.length + 1)).sort();
  }
  async read(key: string): Promise<Uint8Array | null> {
    return this.files.get(key) ?? null;
  }
  async exists(): Promise<boolean> {
    return true;
  }
  async create(): Promise<void> {
    throw new Error('an evidence bundle is read-only');
  }
  async replace(): Promise<void> {
    throw new Error('an evidence bundle is read-only');
  }
}

function verdict(bundle: string, problems: BundleProblem[], rest: Partial<BundleVerdict>): BundleVerdict {
  const order: BundleProblemKind[] = ['manifest', 'signature', 'duplicate', 'unreadable', 'missing', 'extra', 'hash', 'size', 'chain', 'redaction', 'anchor'];
  problems.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
  return {
    ok: problems.length === 0,
    bundle,
    failingMember: problems[0]?.member ?? null,
    members: 0,
    runs: 0,
    chain: { first: null, last: null },
    head: null,
    anchors: [],
    signature: 'unsigned',
    signerKeyId: null,
    notes: [],
    ...rest,
    problems,
  };
}

/**
 * Verify bundle bytes. Throws `NotAZip` (from ./zip.js) when the bytes are not a zip; everything
 * else is a problem in the verdict.
 */
export async function verifyBundle(bytes: Uint8Array, bundle: string, opts: VerifyOptions = {}): Promise<BundleVerdict> {
  const zip = readZip(bytes);
  const problems: BundleProblem[] = [];
  const notes: string[] = [];
  const byName = new Map<string, ZipMember>(zip.members.map((m) => [m.name, m]));
  for (const d of zip.duplicates) problems.push({ kind: 'duplicate', member: d, message: 'the zip holds this member more than once' });
  for (const u of zip.unreadable) problems.push({ kind: 'unreadable', member: u.name, message: `cannot be decompressed (${u.reason})` });

  const mm = byName.get(BUNDLE_MANIFEST);
  const base = { members: zip.members.length };
  if (!mm) {
    problems.push({ kind: 'missing', member: BUNDLE_MANIFEST, message: 'the bundle manifest is missing' });
    return verdict(bundle, problems, base);
  }
  const parsed = parseBundleManifest(mm.data);
  if (typeof parsed === 'string') {
    problems.push({ kind: 'manifest', member: BUNDLE_MANIFEST, message: `not a bundle manifest: ${parsed}` });
    return verdict(bundle, problems, base);
  }
  const manifest = parsed;
  const recomputed = bundleManifestHash(manifest);
  if (recomputed !== manifest.manifestSha256) {
    problems.push({ kind: 'manifest', member: BUNDLE_MANIFEST, message: `was altered: its content hashes to ${recomputed.slice(0, 12)}…, it records ${manifest.manifestSha256.slice(0, 12)}…` });
  } else if (Buffer.from(mm.data).toString('utf8') !== `${canonicalJson(manifest)}\n`) {
    problems.push({ kind: 'manifest', member: BUNDLE_MANIFEST, message: 'was altered: its bytes are not the canonical form it was written in' });
  }

  // Signature.
  let signature: SignatureState = 'unsigned';
  const sig = byName.get(BUNDLE_SIGNATURE);
  const signerKeyId = manifest.signer?.keyId ?? null;
  if (opts.publicKey) {
    const given = keyId(opts.publicKey);
    if (!sig) {
      signature = 'unsigned';
      problems.push({ kind: 'signature', member: BUNDLE_SIGNATURE, message: 'a public key was given but the bundle is not signed' });
    } else if (checkSignature(mm.data, sig.data, opts.publicKey)) {
      signature = 'valid';
      if (signerKeyId && signerKeyId !== given) notes.push(`the manifest names signer key ${signerKeyId.slice(0, 16)}…, the signature is valid for the given key ${given.slice(0, 16)}…`);
    } else {
      signature = 'invalid';
      const why = signerKeyId && signerKeyId !== given ? ` (the bundle names signer key ${signerKeyId.slice(0, 16)}…, the given key is ${given.slice(0, 16)}…)` : '';
      problems.push({ kind: 'signature', member: BUNDLE_SIGNATURE, message: `is not a valid signature of manifest.json by the given public key${why}` });
    }
  } else if (sig) {
    signature = 'not-checked';
    notes.push(`the bundle is signed${signerKeyId ? ` (key ${signerKeyId.slice(0, 16)}…)` : ''}; give --public-key to check the signature`);
  } else if (manifest.signer) {
    problems.push({ kind: 'missing', member: BUNDLE_SIGNATURE, message: 'the manifest says the bundle is signed, but manifest.sig is missing' });
  }

  // Members against the manifest.
  const listed = new Map<string, BundleFile>();
  for (const f of manifest.files) listed.set(f.path, f);
  for (const f of manifest.files) {
    const m = byName.get(f.path);
    if (!m) {
      if (!zip.unreadable.some((u) => u.name === f.path)) problems.push({ kind: 'missing', member: f.path, message: 'listed in manifest.json but not in the bundle' });
      continue;
    }
    const h = sha256Hex(m.data);
    if (h !== f.sha256) problems.push({ kind: 'hash', member: f.path, message: `was altered: it hashes to ${h.slice(0, 12)}…, the manifest records ${f.sha256.slice(0, 12)}…` });
    else if (m.data.length !== f.size) problems.push({ kind: 'size', member: f.path, message: `is ${m.data.length} bytes, the manifest records ${f.size}` });
  }
  for (const m of zip.members) {
    if (m.name === BUNDLE_MANIFEST || m.name === BUNDLE_SIGNATURE || listed.has(m.name)) continue;
    // Folder entries that zip tools add when re-packing carry no content: noted, not a problem.
    if (isFolderEntry(m)) {
      notes.push(`${m.name}: a folder entry, ignored`);
      continue;
    }
    problems.push({ kind: 'extra', member: m.name, message: 'is in the bundle but not listed in manifest.json' });
  }

  // The hash chain of the bundled runs, checked by the store's own verifier.
  const runFiles = new Map<string, Uint8Array>();
  const prefix = `${PATHS.runsDir}/`;
  for (const m of zip.members) if (m.name.startsWith(prefix) && !isFolderEntry(m)) runFiles.set(m.name.slice(prefix.length), m.data);
  const bundleStore = new Store(new BundleBackend(runFiles, `${bundle}:${PATHS.runsDir}`));
  const chain = await verifyChain(bundleStore, { bundle: true, anchors: opts.anchors });
  const runManifests = new Map((await bundleStore.list()).runs.map((r) => [r.name, r.manifest] as const));
  const withheld = new Map((manifest.withheld ?? []).map((w) => [w.run, w.reason] as const));
  const memberOf = (run: string, kind: string) =>
    run === 'HEAD' ? PATHS.head : `${PATHS.runsDir}/${run}/${kind === 'results-hash' || kind === 'results-missing' ? 'results.json' : 'manifest.json'}`;
  for (const p of chain.problems) {
    if (p.kind === 'anchor') continue;
    const member = memberOf(p.run, p.kind);
    if (p.kind === 'results-hash') {
      // A redacted copy: its bytes differ from the original's by design; its proof must show that is all.
      const f = listed.get(member);
      const runManifest = runManifests.get(p.run);
      if (f?.redacted && runManifest) {
        const verdictOf = checkRedactedCopy(p.run, runManifest, byName, f);
        if (verdictOf.ok) notes.push(`${member}: ${verdictOf.message}`);
        else problems.push({ kind: 'redaction', member: verdictOf.member, message: verdictOf.message });
        continue;
      }
    }
    if (p.kind === 'results-missing' && withheld.has(p.run)) {
      if (manifest.reportedRuns.includes(p.run)) problems.push({ kind: 'missing', member, message: 'the report covers this run, but its results are withheld' });
      else notes.push(`${member}: withheld (${withheld.get(p.run)}); the run's manifest and its link are checked`);
      continue;
    }
    if (!p.breaks) {
      notes.push(`${member}: ${p.message}`);
      continue;
    }
    problems.push({ kind: 'chain', member, message: `chain: ${p.message}` });
  }
  if (chain.runs !== manifest.chain.runs) problems.push({ kind: 'chain', member: BUNDLE_MANIFEST, message: `chain: the manifest records ${manifest.chain.runs} runs, the bundle holds ${chain.runs}` });
  const signedHead = manifest.chain.head;
  if (signedHead) {
    const h = chain.head;
    if (!h || h.manifestSha256 !== signedHead.manifestSha256 || h.seq !== signedHead.seq || h.id !== signedHead.id) {
      problems.push({ kind: 'chain', member: BUNDLE_MANIFEST, message: `chain: the manifest records head ${signedHead.manifestSha256.slice(0, 12)}… (run ${signedHead.seq}), the bundled runs end at ${h ? `${h.manifestSha256.slice(0, 12)}… (run ${h.seq})` : 'no run'}` });
    }
  } else if (manifest.format === BUNDLE_FORMAT) {
    problems.push({ kind: 'manifest', member: BUNDLE_MANIFEST, message: 'chain.head is missing (a format 2 bundle records the head it was exported at)' });
  } else notes.push(`${BUNDLE_MANIFEST}: a format 1 bundle: it records no head of its own (the head below is the bundled runs')`);
  for (const a of chain.anchors) if (!a.extended) problems.push({ kind: 'anchor', member: `anchor ${a.source}`, message: a.message });
  for (const f of manifest.files) {
    if (f.role === 'snapshot' && f.redacted) notes.push(`${f.path}: a redacted copy of the snapshot with SHA-256 ${f.originalSha256?.slice(0, 12) ?? '?'}…; snapshots carry no commitments, so nothing proves the copy differs from it only by what was redacted`);
  }
  for (const id of manifest.reportedRuns) {
    if (!runFiles.has(`${id}/results.json`) && !withheld.has(id)) problems.push({ kind: 'missing', member: `${PATHS.runsDir}/${id}/results.json`, message: 'the report covers this run, but its results are not in the bundle' });
  }
  const dedup = new Map<string, BundleProblem>();
  for (const p of problems) dedup.set(`${p.kind}\u0000${p.member}\u0000${p.message}`, p);
  return verdict(bundle, [...dedup.values()], {
    members: zip.members.filter((m) => !isFolderEntry(m)).length,
    runs: chain.runs,
    chain: { first: chain.first, last: [...runManifests.keys()].pop() ?? null },
    head: chain.head,
    anchors: chain.anchors,
    signature,
    signerKeyId,
    notes,
  });
}

/**
 * A redacted copy of a run's results: only a format-2 run has the commitment that can prove it, and
 * only with its proof (runs/<id>/redactions.json). The copy plus the digests of what was removed
 * must give the very commitment the run's manifest records.
 */
function checkRedactedCopy(run: string, m: Manifest, byName: Map<string, ZipMember>, f: BundleFile): { ok: true; message: string } | { ok: false; member: string; message: string } {
  if (f.originalSha256 !== m.resultsSha256) return { ok: false, member: f.path, message: `a redacted copy that names another original (${f.originalSha256?.slice(0, 12) ?? 'none'}…) than the run records (${m.resultsSha256.slice(0, 12)}…)` };
  if (m.format !== MANIFEST_FORMAT || !m.resultsCommitment) {
    return { ok: false, member: f.path, message: 'a redacted copy of a run that predates redaction commitments: nothing proves it differs from the original only by what was redacted' };
  }
  const proofPath = redactionsPath(run);
  const proofMember = byName.get(proofPath);
  if (!proofMember) return { ok: false, member: proofPath, message: 'the redaction proof of this redacted copy is missing' };
  const proof = parseProof(proofMember.data);
  if (typeof proof === 'string') return { ok: false, member: proofPath, message: `not a redaction proof: ${proof}` };
  if (proof.run !== run) return { ok: false, member: proofPath, message: `the proof is for run ${proof.run}` };
  let copy: unknown;
  try {
    copy = JSON.parse(Buffer.from(byName.get(f.path)!.data).toString('utf8'));
  } catch {
    return { ok: false, member: f.path, message: 'a redacted copy that is not JSON' };
  }
  const got = commitmentOfRedacted(copy, proof);
  if ('error' in got) return { ok: false, member: f.path, message: `is not the original with values removed: ${got.error}` };
  if (got.commitment !== m.resultsCommitment) {
    return { ok: false, member: f.path, message: `is not the original with values removed: with its proof it gives commitment ${got.commitment.slice(0, 12)}…, the run records ${m.resultsCommitment.slice(0, 12)}… (a value other than the redacted ones differs)` };
  }
  const n = proof.removed.length;
  return { ok: true, message: `a redacted copy, proven: the original with ${n} value${n === 1 ? '' : 's'} removed and nothing else changed (commitment ${m.resultsCommitment.slice(0, 12)}…)` };
}

/** A human verdict: the first line says ok or names the failing member; one problem per line. */
export function formatVerdict(v: BundleVerdict): string {
  const sig =
    v.signature === 'valid'
      ? `signature valid (key ${v.signerKeyId ? v.signerKeyId.slice(0, 16) : '?'}…)`
      : v.signature === 'invalid'
        ? 'signature INVALID'
        : v.signature === 'not-checked'
          ? 'signature not checked'
          : 'unsigned';
  const lines: string[] = [];
  if (v.ok) lines.push(`bundle verified: ${v.members} members match the manifest; chain holds over ${v.runs} run${v.runs === 1 ? '' : 's'}${v.runs ? ` (${v.chain.first} .. ${v.chain.last})` : ''}; ${sig} (${v.bundle})`);
  else lines.push(`bundle FAILED at ${v.failingMember}: ${v.problems[0]!.message} (${v.bundle})`);
  if (v.head) lines.push(`head ${v.head.manifestSha256} (${v.head.seq} run${v.head.seq === 1 ? '' : 's'})`);
  for (const a of v.anchors) if (a.extended) lines.push(`anchor ok: ${a.message}`);
  for (const p of v.problems) lines.push(`BROKEN ${p.member}: ${p.message}`);
  for (const n of v.notes) lines.push(`note   ${n}`);
  if (v.ok && v.head && !v.anchors.length) lines.push(`no anchor given: a bundle re-made from a truncated or rewritten store verifies on its own; compare this head with one kept elsewhere (verify --anchor <hash|earlier bundle.zip>)`);
  return `${lines.join('\n')}\n`;
}
