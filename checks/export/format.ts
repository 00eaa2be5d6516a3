// The evidence bundle's format: member layout and the bundle manifest (canonical JSON with a hash of
// itself, so a changed byte in it is caught even without a signature).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json.js';

export const BUNDLE_FORMAT = 'ferpa-ready/evidence-bundle/2';
/** Bundles written before redaction proofs and the anchored head: still verified. */
export const BUNDLE_FORMAT_V1 = 'ferpa-ready/evidence-bundle/1';
export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_SIGNATURE = 'manifest.sig';
export const SIGNATURE_ALGORITHM = 'Ed25519';

/** Where things go inside the bundle. */
export const PATHS = {
  reportHtml: 'report/readiness-report.html',
  reportPdf: 'report/readiness-report.pdf',
  reportJson: 'report/readiness-report.json',
  runsDir: 'runs',
  head: 'runs/HEAD',
  chain: 'chain.json',
  attestations: 'attestations.json',
  waivers: 'waivers.json',
  snapshotsDir: 'snapshots',
} as const;

export type MemberRole = 'report' | 'run-results' | 'run-manifest' | 'run-redactions' | 'head' | 'chain' | 'snapshot' | 'attestations' | 'waivers';

/** Where a run's redaction proof goes: next to its redacted results. */
export function redactionsPath(run: string): string {
  return `${PATHS.runsDir}/${run}/redactions.json`;
}

export interface BundleFile {
  path: string;
  role: MemberRole;
  /** SHA-256 of the member's bytes as bundled. */
  sha256: string;
  size: number;
  /** True when secret values were replaced before bundling (the bytes differ from the source). */
  redacted?: boolean;
  /** SHA-256 of the source bytes before redaction (results: what the run manifest records). */
  originalSha256?: string;
  /** For a run's files: the run id. For a snapshot: the runs whose inputs list it (by original hash). */
  run?: string;
  usedBy?: string[];
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT | typeof BUNDLE_FORMAT_V1;
  createdAt: string;
  tool: { name: 'ferpa-ready'; version: string; catalogVersion?: string };
  /** The store the runs came from, as the user named it. */
  store: string;
  /** Runs the readiness report was built from. */
  reportedRuns: string[];
  chain: {
    runs: number;
    first: string | null;
    last: string | null;
    /** What the store's HEAD pointer recorded at export time. */
    headManifestSha256: string | null;
    /** Format 2: the chain's head (last run, recomputed manifest hash): signed, so it can be anchored. */
    head?: { id: string; seq: number; manifestSha256: string };
  };
  /** Runs whose results are not in the bundle because no redacted copy of them could be proven. */
  withheld?: Array<{ run: string; reason: string }>;
  /** Every member but manifest.json and manifest.sig, sorted by path. */
  files: BundleFile[];
  /** Present when the bundle is signed: the key's id (SHA-256 of its SubjectPublicKeyInfo, DER). */
  signer?: { algorithm: typeof SIGNATURE_ALGORITHM; keyId: string };
  /** SHA-256 of the canonical JSON of this manifest without this member. */
  manifestSha256: string;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function bundleManifestHash(m: Omit<BundleManifest, 'manifestSha256'> & { manifestSha256?: string }): string {
  const { manifestSha256: _drop, ...rest } = m;
  return sha256Hex(canonicalJson(rest));
}

/** The exact bytes the bundle manifest is stored (and signed) as. */
export function bundleManifestBytes(m: BundleManifest): Uint8Array {
  return Buffer.from(`${canonicalJson(m)}\n`, 'utf8');
}

/** Pretty JSON with a final newline: how JSON members other than the manifests are written. */
export function jsonBytes(v: unknown): Uint8Array {
  return Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
}
