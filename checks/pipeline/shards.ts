import { InputError } from '../errors.js';
import type { ShardStatus } from '../engine/types.js';
import type { Snapshot } from '../sources/live/snapshot.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';

/**
 * A fan-out audit: one shard per account and region (checks/pipeline/shards.schema.json). The manifest
 * is what the Step Functions map iterates and what a merge holds its inputs to: a shard listed there
 * whose snapshot or results never arrived is reported as an error in every policy over it.
 */
export interface Shard {
  shard: string;
  account: string;
  region: string;
  roleArn: string;
  name?: string;
  /** Every region the manifest audits in this account (comma-separated): the shard's audit records them as the run's. */
  accountRegions: string;
}

export const SHARD_SCHEMA = 'checks/pipeline/shards.schema.json';

export function shardId(account: string, region: string): string {
  return `${account}-${region}`;
}

/** Every account x region, in a stable order, each with the auditor role of its account. */
export function planShards(accounts: Array<{ id: string; name?: string }>, regions: string[], roleName: string, partition = 'aws'): Shard[] {
  const out: Shard[] = [];
  const seen = new Set<string>();
  for (const a of [...accounts].sort((x, y) => x.id.localeCompare(y.id))) {
    for (const region of regions) {
      const id = shardId(a.id, region);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ shard: id, account: a.id, region, roleArn: `arn:${partition}:iam::${a.id}:role/${roleName}`, accountRegions: [...new Set(regions)].join(','), ...(a.name ? { name: a.name } : {}) });
    }
  }
  return out;
}

/** A manifest as read from a file or S3: schema-checked, no shard twice. */
export function parseShardManifest(data: unknown, display: string): Shard[] {
  const validate = schemaValidator(SHARD_SCHEMA);
  if (!validate(data)) throw new InputError(`not a ferpa-ready shard manifest: ${describeAjvError(validate.errors)}`, display);
  const shards = data as Shard[];
  const ids = new Set<string>();
  for (const s of shards) {
    if (s.shard !== shardId(s.account, s.region)) throw new InputError(`shard "${s.shard}" is not named <account>-<region> (${shardId(s.account, s.region)})`, display);
    if (ids.has(s.shard)) throw new InputError(`shard "${s.shard}" is listed twice`, display);
    if (!s.accountRegions.split(',').includes(s.region)) throw new InputError(`shard "${s.shard}": accountRegions (${s.accountRegions}) leaves out its own region`, display);
    ids.add(s.shard);
  }
  if (!shards.length) throw new InputError('the shard manifest lists no shard', display);
  return shards;
}

/** What one merged input covers: its account and the regions it audited (a snapshot, or a shard's results). */
export interface Covered {
  account: string;
  regions: string[];
  input: string;
}

/** Each expected shard, merged (an input covers its account and region) or missing. */
export function shardStatuses(expected: Shard[], covered: Covered[]): ShardStatus[] {
  const by = new Map<string, string>();
  for (const c of covered) for (const r of c.regions) if (!by.has(shardId(c.account, r))) by.set(shardId(c.account, r), c.input);
  return expected.map((s) => {
    const input = by.get(s.shard);
    return { id: s.shard, account: s.account, regions: [s.region], status: input ? 'merged' : 'missing', ...(input ? { input } : {}) };
  });
}

/** The accounts and regions a snapshot read (an organisation snapshot: each collected member). */
export function coveredBySnapshot(s: Snapshot, input: string): Covered[] {
  if (!s.accounts) return [{ account: s.account.id, regions: s.regions, input }];
  return s.accounts.filter((a) => a.status === 'collected').map((a) => ({ account: a.id, regions: a.regions ?? s.regions, input }));
}

/**
 * A shard that produced nothing, as a snapshot in which its account could not be read in its region:
 * scanned with the rest, every policy over that account and region reports error with this reason.
 */
export function missingShardSnapshot(s: Shard, collectedAt: string, why: string): Snapshot {
  return {
    snapshotVersion: '1',
    tool: { name: 'ferpa-ready', version: 'fan-out merge' },
    collectedAt,
    account: { id: s.account, partition: partitionOf(s.roleArn) },
    regions: [s.region],
    resources: [],
    accountSettings: [],
    calls: [],
    errors: [],
    accounts: [{ id: s.account, ...(s.name ? { name: s.name } : {}), access: 'assumed-role', roleArn: s.roleArn, regions: [s.region], status: 'error', error: { code: 'ShardMissing', message: `shard ${s.shard} (account ${s.account}, ${s.region}) produced no snapshot or results: ${why}`, call: 'ferpa-ready:audit' } }],
    notes: [`stands for the missing shard ${s.shard} of a fan-out audit: nothing of account ${s.account} in ${s.region} was seen`],
  };
}

function partitionOf(arn: string): string {
  return /^arn:([a-z-]+):/.exec(arn)?.[1] ?? 'aws';
}
