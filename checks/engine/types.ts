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
  /** Oldest evidence (live collection, or the results themselves) the readiness report accepts for Ready, in days. */
  maxEvidenceAgeDays?: number;
  /** Tag keys that carry a resource's data classification, first present wins. */
  classificationTagKeys?: string[];
  /** The classifications a data store may carry; another value fails aws-data-store-classified. */
  classificationValues?: string[];
  /** A data store without a classification tag is judged as if it held student data (default true). */
  unclassifiedIsStudentData?: boolean;
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
  /** The framework whose control this attests; absent = ferpa. */
  framework?: string;
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
  /**
   * Not in the results document (not enumerable; copies of the finding drop it): `<check>/<messageId>`
   * of the code-check message whose text is in `message`, for tests and callers of the engine to match
   * on instead of the text.
   */
  messageId?: string;
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

/**
 * Why a resource of an input was evaluated by no policy (results `coverage`): its type is unknown to
 * the model; no policy of the catalog covers its kind for its source; its policies are excluded by
 * configuration (`disable:`, a policy filter); every policy of its kind excluded it by its scope (for
 * example its classification); or it configures a resource that is not in the input.
 */
export type CoverageReason = 'unmodelled' | 'no-policy' | 'disabled' | 'out-of-scope' | 'outside-input' | 'forgotten' | 'unread';

export const COVERAGE_REASON_TEXT: Record<CoverageReason, string> = {
  unmodelled: 'type unknown to the model',
  'no-policy': 'no policy for this resource type',
  disabled: 'its policies are excluded by configuration',
  'out-of-scope': 'outside the scope of every policy for its type',
  'outside-input': 'configures a resource that is not in this input',
  forgotten: 'the plan stops managing it without destroying it (removed, destroy = false): it stays in the account, unjudged',
  unread: 'a module whose source could not be read (run terraform init): whatever it creates is unseen',
};

/** One resource of an input: how many policies evaluated it, or why none did. */
export interface CoverageRow {
  /** Terraform address (hcl, plan) or ARN (live). */
  resource: string;
  /** Terraform resource type or live (CloudFormation-style) type. */
  type: string;
  /** The model kind it maps to (absent: the model does not know the type). */
  kind?: string;
  file: string | null;
  line: number | null;
  /** Policies that evaluated it (any verdict; the inventory policies of FERPA-GOV-01 not counted). */
  policies: number;
  reason?: CoverageReason;
  /** A split resource (`aws_s3_bucket_versioning`, ...) judged as part of the resource it configures. */
  partOf?: string;
  /** Data-store category (policies/data-stores.yaml) when the type can hold or carry student records. */
  dataStore?: string;
}

export interface CoverageTypeCount {
  type: string;
  reason: CoverageReason;
  count: number;
  dataStore?: string;
}

export interface CoverageCounts {
  total: number;
  evaluated: number;
  notEvaluated: number;
  dataStores: number;
  dataStoresNotEvaluated: number;
  /** Data stores that carry no classification tag (unknown tags not counted). */
  dataStoresUnclassified: number;
}

export interface InputCoverage extends CoverageCounts {
  /** The input as listed in `inputs` (a root module, a plan, a snapshot). */
  input: string;
  source: SourceKind;
  /** Resources no policy evaluated, grouped by type and reason, most first. */
  notEvaluatedTypes: CoverageTypeCount[];
  resources: CoverageRow[];
}

/** Every resource of every input, accounted for (results `coverage`). */
export interface Coverage extends CoverageCounts {
  inputs: InputCoverage[];
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
  /** Every resource of every input: evaluated by how many policies, or why not (checks/pipeline/coverage.ts). */
  coverage?: Coverage;
  /** A fan-out audit: the shard this run audited, or every shard a merge expected (merged or missing). */
  shards?: ShardStatus[];
}

/** One account and region of a fan-out audit, as the results record it. */
export interface ShardStatus {
  id: string;
  account: string;
  regions: string[];
  status: 'audited' | 'merged' | 'missing';
  input?: string;
}
