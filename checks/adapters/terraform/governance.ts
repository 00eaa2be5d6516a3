import type { Val } from '../../model/value.js';
import { isUnknown, UNKNOWN, type Location } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { locOf, rawAt, withAddress } from './helpers/index.js';

/**
 * Account-wide facts of a Terraform scan that no single resource holds: the regions in use (data
 * residency, FERPA-GOV-03). Credentials written in the configuration are judged per block (credentials.ts).
 */

/** Types that are global (not stored in the provider's region), so their provider region says nothing about residency. */
const GLOBAL_TYPE = /^aws_(iam_|route53_(?!resolver)|cloudfront_|organizations_|budgets_|ce_|shield_protection_group|account_)/;

/**
 * Copies a resource keeps in other regions than its provider's, written in its own blocks: the block list and the
 * region field of each block. A DynamoDB table's replicas and a secret's replicas hold the same data there.
 */
const REPLICA_REGIONS: Record<string, { blocks: string; region: string }> = {
  aws_dynamodb_table: { blocks: 'replica', region: 'region_name' },
  aws_dynamodb_global_table: { blocks: 'replica', region: 'region_name' },
  aws_secretsmanager_secret: { blocks: 'replica', region: 'region' },
};

/** The regions of a record's in-resource replicas: a string per known one, undefined for one known only after apply. */
function replicaRegions(rec: TfRecord): Array<{ region: string | undefined; loc: Location }> {
  const spec = REPLICA_REGIONS[rec.type];
  if (!spec) return [];
  const blocks = rawAt(rec.values, spec.blocks);
  if (isUnknown(blocks)) return [{ region: undefined, loc: locOf(rec, spec.blocks) }];
  if (!Array.isArray(blocks)) return [];
  return blocks.map((b, i) => {
    const region = isUnknown(b) || !b || typeof b !== 'object' ? undefined : (b as Record<string, unknown>)[spec.region];
    return { region: typeof region === 'string' && region ? region : undefined, loc: locOf(rec, `${spec.blocks}.${i}`) };
  });
}

/**
 * `opaqueModules`: modules whose resources could not be read; their regions are unknown, so the
 * residency verdict cannot be a pass (never a false pass on missing data).
 */
export function regionAttrs(records: TfRecord[], input: string, opaqueModules: string[] = []): { regions: Val; providerRegions: Val } {
  const byRegion = new Map<string, { count: number; example: string; loc: Location }>();
  let unknownUse: { count: number; example: string; loc: Location } | undefined;
  let any = false;
  for (const rec of records) {
    if (rec.mode !== 'managed' || !rec.type.startsWith('aws_') || GLOBAL_TYPE.test(rec.type)) continue;
    any = true;
    const loc = withAddress(rec);
    if (!rec.region) {
      unknownUse ??= { count: 0, example: rec.address, loc };
      unknownUse.count++;
      continue;
    }
    const cur = byRegion.get(rec.region) ?? { count: 0, example: rec.address, loc };
    cur.count++;
    byRegion.set(rec.region, cur);
  }
  // a replica written inside a resource puts a copy of its data in that region, whatever the provider's
  for (const rec of records) {
    if (rec.mode !== 'managed') continue;
    for (const { region, loc } of replicaRegions(rec)) {
      any = true;
      const example = `${rec.address} (replica)`;
      if (region === undefined) {
        unknownUse ??= { count: 0, example, loc };
        unknownUse.count++;
        continue;
      }
      const cur = byRegion.get(region) ?? { count: 0, example, loc };
      cur.count++;
      byRegion.set(region, cur);
    }
  }
  const loc: Location = { file: input };
  for (const m of opaqueModules) {
    any = true;
    unknownUse ??= { count: 0, example: `${m} (not read)`, loc };
    unknownUse.count++;
  }
  if (!any) return { regions: { value: [], origin: 'default', loc }, providerRegions: { value: [], origin: 'default', loc } };
  const entries = [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  const providerRegions = entries.map(([region, u]) => ({ region, resources: u.count, example: u.example, _loc: u.loc }));
  if (unknownUse) providerRegions.push({ region: UNKNOWN as unknown as string, resources: unknownUse.count, example: unknownUse.example, _loc: unknownUse.loc });
  const names: unknown[] = entries.map(([r]) => r);
  if (unknownUse) names.push(UNKNOWN);
  return { regions: { value: names, origin: 'explicit', loc }, providerRegions: { value: providerRegions, origin: 'explicit', loc } };
}
