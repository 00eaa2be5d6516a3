/**
 * Compact live fixtures (`live.yaml`): the AWS records that matter to a policy, grouped by snapshot type,
 * expanded into a snapshot as the collectors write it (checks/sources/live/snapshot.schema.json): the
 * envelope (version, tool, time, account, regions, calls, list errors), each record's type, region and
 * account (from its ARN where the ARN has them), and the account settings per region.
 */
import { InputError } from '../errors.js';
import { SNAPSHOT_VERSION, validateSnapshot, type Snapshot, type SnapshotAccountSettings, type SnapshotResource } from '../sources/live/snapshot.js';
import { TOOL_VERSION } from '../version.js';
import { checkCompact, isPlainObject, readCompactFile } from './compact-file.js';

export interface CompactLive {
  account?: string;
  partition?: string;
  regions?: string[];
  collectedAt?: string;
  accountSettings?: Record<string, Record<string, unknown>>;
  resources?: Record<string, Array<{ arn: string; region?: string; account?: string; via?: 'describe' | 'config'; data: Record<string, unknown>; errors?: Record<string, unknown> }>>;
  errors?: unknown[];
  calls?: unknown[];
  notes?: string[];
}

export const LIVE_FIXTURE_SCHEMA = 'live-fixture.schema.json';
export const FIXTURE_ACCOUNT = '111122223333';
export const FIXTURE_REGION = 'us-east-1';
const COLLECTED_AT = '2026-01-01T00:00:00.000Z';
/** Services whose resources are not regional: their records carry region `global`. */
const GLOBAL_SERVICES = new Set(['iam', 'organizations', 'route53', 'cloudfront']);

/** Read `live.yaml` and expand it into a snapshot. */
export function readLiveFixture(file: string, display = file): Snapshot {
  return expandCompactLive(readCompactFile(file, LIVE_FIXTURE_SCHEMA, display), display);
}

/** Expand a parsed compact live fixture into a snapshot, validated against the published snapshot schema. */
export function expandCompactLive(input: unknown, display: string): Snapshot {
  const doc = (checkCompact(input ?? {}, LIVE_FIXTURE_SCHEMA, display) ?? {}) as CompactLive;
  const account = doc.account ?? FIXTURE_ACCOUNT;
  const partition = doc.partition ?? 'aws';
  const resources: SnapshotResource[] = [];
  const seen = new Set<string>();
  for (const [type, list] of Object.entries(doc.resources ?? {})) {
    list.forEach((r, i) => {
      const pointer = `/resources/${type}/${i}`;
      if (seen.has(`${type}|${r.arn}`)) throw new InputError(`${pointer}/arn: duplicate record ${r.arn}`, display);
      seen.add(`${type}|${r.arn}`);
      const parts = r.arn.split(':');
      if (parts.length < 6) throw new InputError(`${pointer}/arn: "${r.arn}" is not an ARN (arn:partition:service:region:account:resource)`, display);
      const [, , service, arnRegion, arnAccount] = parts as [string, string, string, string, string];
      const region = r.region ?? (arnRegion || (GLOBAL_SERVICES.has(service) ? 'global' : (doc.regions?.[0] ?? FIXTURE_REGION)));
      const rec: SnapshotResource = { type, arn: r.arn, region, account: r.account ?? (arnAccount || account), ...(r.via ? { via: r.via } : {}), data: r.data };
      if (r.errors) rec.errors = r.errors as SnapshotResource['errors'];
      resources.push(rec);
    });
  }
  const regions = doc.regions ?? defaultRegions(resources);
  const accountSettings: SnapshotAccountSettings[] = Object.entries(doc.accountSettings ?? {}).map(([region, v]) => {
    const full = isPlainObject(v.data) && Object.keys(v).every((k) => k === 'data' || k === 'errors');
    return full ? ({ region, ...(v as { data: Record<string, unknown> }) } as SnapshotAccountSettings) : { region, data: v };
  });
  const snapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    tool: { name: 'ferpa-ready', version: TOOL_VERSION },
    collectedAt: doc.collectedAt ?? COLLECTED_AT,
    account: { id: account, partition, callerArn: `arn:${partition}:sts::${account}:assumed-role/ferpa-audit/ferpa-ready-audit` },
    regions,
    resources,
    accountSettings,
    calls: doc.calls ?? [],
    errors: doc.errors ?? [],
    ...(doc.notes?.length ? { notes: doc.notes } : {}),
  };
  return validateSnapshot(snapshot, display);
}

function defaultRegions(resources: SnapshotResource[]): string[] {
  const set = new Set(resources.map((r) => r.region).filter((r) => r !== 'global'));
  return set.size ? [...set].sort() : [FIXTURE_REGION];
}
