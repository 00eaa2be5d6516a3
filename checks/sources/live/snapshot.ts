import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../../util/package-root.js';
import { InputError } from '../../errors.js';
import { readInputText } from '../../util/input-file.js';
import { parseJsonInput } from '../../util/json-depth.js';

/**
 * A live snapshot: what the collectors read from an AWS account, written as JSON so it can be replayed
 * offline (`ferpa-ready scan snapshot.json`) and kept as audit evidence. The live adapter reads only
 * this shape; the JSON Schema beside this file (`snapshot.schema.json`) is the published contract.
 *
 * Failed reads are data too: a facet that could not be read carries `errors[facet]`, a list call that
 * failed for a whole service and region is in `errors` with the resource types it would have produced.
 */

export const SNAPSHOT_VERSION = '1';

/** Why a read failed: the AWS error code (or a local classification), the message, and the IAM action. */
export interface SnapshotError {
  code: string;
  message: string;
  /** The call that failed, as an IAM action (`s3:GetEncryptionConfiguration`). */
  call: string;
}

/** One AWS resource, in the API's own response shape (trimmed to what the catalog reads). */
export interface SnapshotResource {
  /** CloudFormation-style type name (`AWS::RDS::DBInstance`). */
  type: string;
  arn: string;
  region: string;
  /** The account it came from (a member account in an organisation audit). */
  account: string;
  /** How it was read: the describe APIs (absent) or an AWS Config aggregator's configuration item. */
  via?: 'describe' | 'config';
  data: Record<string, unknown>;
  /** Facets that could not be read, by facet name (`encryption`, `publicAccessBlock`, `rotation`, ...). */
  errors?: Record<string, SnapshotError>;
}

/** Account-level settings of one region (`region: 'global'` for account-wide settings such as the S3 account public access block). */
export interface SnapshotAccountSettings {
  region: string;
  /** Member account (absent: the snapshot's `account`). */
  account?: string;
  data: Record<string, unknown>;
  errors?: Record<string, SnapshotError>;
}

/**
 * Every API call the collector made (after the SDK's retries), for the IAM policy and for auditors.
 * `ok` is true for an answer, including "not configured" answers (their `code` names it, e.g.
 * NoSuchBucketPolicy); false for a failed read (AccessDenied, throttled, timeout, not implemented).
 */
export interface SnapshotCall {
  /** Member account the call was made in (absent: the snapshot's `account`). */
  account?: string;
  service: string;
  operation: string;
  region: string;
  ok: boolean;
  code?: string;
}

/** A list call that failed: the resource types it would have produced are unknown in that region. */
export interface SnapshotListError extends SnapshotError {
  /** Member account (absent: the snapshot's `account`). */
  account?: string;
  service: string;
  region: string;
  resourceTypes: string[];
}

/** A member account of an organisation audit and how it was read. */
export interface SnapshotAccount {
  id: string;
  name?: string;
  access?: 'caller' | 'assumed-role' | 'config-only';
  roleArn?: string;
  regions?: string[];
  status: 'collected' | 'error';
  /** Why nothing could be read in it (the role could not be assumed, ...). */
  error?: SnapshotError;
}

export interface Snapshot {
  snapshotVersion: '1';
  tool: { name: string; version: string };
  collectedAt: string;
  account: { id: string; partition: string; callerArn?: string };
  regions: string[];
  resources: SnapshotResource[];
  accountSettings: SnapshotAccountSettings[];
  calls: SnapshotCall[];
  errors: SnapshotListError[];
  /** Organisation audits: every member account attempted (resources, settings, calls and errors name theirs). */
  accounts?: SnapshotAccount[];
  /** The AWS Config aggregator the `resourceTypes` were read from (their records have `via: 'config'`). */
  configAggregator?: { name: string; region: string; resourceTypes: string[] };
  /** Why a recorded fixture exists or anything a reader should know (free text). */
  notes?: string[];
}

let validator: ValidateFunction | undefined;

/** Path of the published JSON Schema of a snapshot. */
export const SNAPSHOT_SCHEMA_PATH = packagePath('checks/sources/live/snapshot.schema.json');

function snapshotValidator(): ValidateFunction {
  if (!validator) {
    // loaded here, not with the module: an audit reaches its first API call without the schema compiler
    const require = createRequire(import.meta.url);
    const { Ajv } = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as { default?: (a: AjvType) => void } & ((a: AjvType) => void);
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats.default ?? addFormats)(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SNAPSHOT_SCHEMA_PATH, 'utf8')));
  }
  return validator;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'invalid';
  const best = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!;
  const where = best.instancePath || '/';
  if (best.keyword === 'additionalProperties') return `${where}: unknown field "${(best.params as { additionalProperty: string }).additionalProperty}"`;
  return `${where}: ${best.message ?? 'invalid'}`;
}

/** True when parsed JSON looks like a snapshot (a top-level `snapshotVersion`); the CLI uses this to pick the source. */
export function isSnapshot(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'snapshotVersion' in data;
}

/** Validate parsed JSON as a snapshot; `file` names it in the one-line InputError. */
export function validateSnapshot(data: unknown, file = 'snapshot'): Snapshot {
  if (!isSnapshot(data)) throw new InputError('not a ferpa-ready snapshot (no top-level "snapshotVersion")', file);
  const version = (data as { snapshotVersion: unknown }).snapshotVersion;
  if (version !== SNAPSHOT_VERSION) throw new InputError(`unsupported snapshotVersion ${JSON.stringify(version)} (this tool reads "${SNAPSHOT_VERSION}")`, file);
  const validate = snapshotValidator();
  if (!validate(data)) throw new InputError(`invalid snapshot: ${describe(validate.errors)}`, file);
  return data as Snapshot;
}

/** Read and validate a snapshot file. */
export function readSnapshot(file: string, display = file): Snapshot {
  return validateSnapshot(parseJsonInput(readInputText(file, display, 'a snapshot JSON file'), display), display);
}

/** Serialise a snapshot deterministically (resources sorted by account, region, type, ARN). */
export function serializeSnapshot(s: Snapshot): string {
  const sorted: Snapshot = {
    ...s,
    resources: [...s.resources].sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region) || a.type.localeCompare(b.type) || a.arn.localeCompare(b.arn)),
    accountSettings: [...s.accountSettings].sort((a, b) => (a.account ?? '').localeCompare(b.account ?? '') || a.region.localeCompare(b.region)),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
