import type { Val } from '../../model/value.js';
import { UNKNOWN, type Location } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { withAddress } from './helpers/index.js';

/**
 * Account-wide facts of a Terraform scan that no single resource holds: the regions in use (data
 * residency, FERPA-GOV-03). Credentials written in the configuration are judged per block (credentials.ts).
 */

/** Types that are global (not stored in the provider's region), so their provider region says nothing about residency. */
const GLOBAL_TYPE = /^aws_(iam_|route53_(?!resolver)|cloudfront_|organizations_|budgets_|ce_|shield_protection_group|account_)/;

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
