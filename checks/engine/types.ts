import type { SourceKind } from '../model/resource.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export type Category = 'encryption' | 'network' | 'retention' | 'audit' | 'access' | 'secrets' | 'resilience' | 'governance';
export type Status = 'pass' | 'fail' | 'unknown' | 'waived' | 'error';
/** Outcome of evaluating a condition: four-valued (error = the data needed could not be read). */
export type Truth = 'true' | 'false' | 'unknown' | 'error';

/** Parameter profile: per-DPA thresholds (defaults in policies/profile.default.yaml). */
export interface Profile {
  approvedRegions: string[];
  securityLogMinDays: number;
  piiLogMaxDays: number;
  backupMinDays: number;
  dispositionDays: number;
  tlsPolicies: string[];
  breachNoticeHours: number;
  [extra: string]: unknown;
}

export interface Waiver {
  policy: string;
  /** Terraform address, ARN or glob (`*`) the waiver covers; absent = every resource. */
  resource?: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD; the waiver stops waiving after this day. */
  expires: string;
  /** Where the waiver was declared (config file, or file:line of an inline comment). */
  origin?: string;
}

export interface Attestation {
  control: string;
  statement: string;
  attestedBy: string;
  date: string;
  document: string;
  expires?: string;
}

export interface FindingResource {
  kind: string;
  address: string | null;
  arn: string | null;
  /**
   * HCL: relative to the scanned directory (with several root modules, the folder holding them all:
   * `prod/main.tf`); plan and snapshot: the input file as given.
   */
  file: string | null;
  line: number | null;
  /**
   * Not in the results document: the scanned directory `file` is relative to, as given (relative to the
   * working directory), so SARIF, GitLab SAST and JUnit can name the file from the repository root.
   */
  root?: string;
}

export interface Finding {
  /** Stable fingerprint: policy + resource identity (+ source), independent of messages and line numbers. */
  id: string;
  policyId: string;
  status: Status;
  severity: Severity;
  category: Category;
  controls: string[];
  /** With `--framework`: the selected frameworks' control ids this finding evidences, by framework id. */
  frameworks?: Record<string, string[]>;
  resource: FindingResource;
  message: string;
  /** Attribute values that decided the verdict (sensitive values and credentials redacted). */
  evidence: Record<string, unknown>;
  source: SourceKind;
  account?: string | null;
  region?: string | null;
  /** Present when a waiver applied (status waived) or matched but expired (status unchanged). */
  waiver?: Waiver & { expired: boolean };
  /** Open in the `--baseline` results with the same status: kept, but not new (checks/pipeline/baseline.ts). */
  baseline?: boolean;
  /**
   * The input this finding comes from (its `inputs[].path`: a root module directory or a plan), set
   * when one scan read several inputs of the same source, where one address can be in more than one.
   */
  input?: string;
}

export interface ResultsInput {
  kind: 'hcl' | 'plan' | 'live' | 'snapshot' | 'app' | 'results';
  path: string;
  sha256: string;
  time?: string;
  /** The input could not be read (an unparsable file in one root module): nothing in it was checked. */
  error?: string;
}

export interface Diagnostic {
  /** `error`: an input could not be read, and the other inputs were scanned without it (exit 2). */
  level: 'error' | 'warning' | 'note';
  message: string;
  file?: string;
}

/** One difference between what a plan declares and what is live (checks/pipeline/drift.ts). */
export interface DriftItem {
  drift: 'missing' | 'changed' | 'unmanaged';
  kind: string;
  /** Terraform address (missing, changed). */
  address: string | null;
  /** Live ARN (changed, unmanaged). */
  arn: string | null;
  attribute?: string;
  planned?: unknown;
  live?: unknown;
  message: string;
}

/** The results document (contract; reports/schema/results.schema.json). */
export interface Results {
  schemaVersion: '1';
  tool: { name: 'ferpa-ready'; version: string; catalogVersion?: string };
  generatedAt: string;
  inputs: ResultsInput[];
  findings: Finding[];
  summary: Record<'pass' | 'fail' | 'unknown' | 'waived' | 'error', number>;
  profile?: Profile;
  /** With `--framework`: the frameworks this scan was judged against (their merged profile is `profile`). */
  frameworks?: Array<{ id: string; title: string; version: string }>;
  diagnostics?: Diagnostic[];
  attestations?: Attestation[];
  waivers?: Waiver[];
  /** Where live differs from the plan, when a scan had both (see checks/pipeline/drift.ts). */
  drift?: DriftItem[];

}
