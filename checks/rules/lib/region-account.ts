import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';

/** The account resource holding a resource's region settings: live, by account and region; Terraform, the input's synthetic account. */
export function settingsAccount(accounts: Resource[], r: Resource): Resource | undefined {
  if (r.source !== 'live') return accounts.find((a) => a.source === r.source);
  return accounts.find((a) => a.account === r.account && a.region === r.region && a.attrs.settingsScope?.value !== 'account');
}

/**
 * The values a per-region list (entries `{ region, ... }`, as Terraform appends one per declaration) holds
 * for a resource's region: an entry whose region or the resource's is not known applies too.
 */
export function valuesForRegion(entries: unknown, r: Resource, field: string): Set<unknown> {
  const said = new Set<unknown>();
  for (const e of Array.isArray(entries) ? (entries as Array<Record<string, unknown> | undefined>) : []) {
    if (typeof e?.region === 'string' && r.region && e.region !== r.region) continue;
    said.add(e?.[field]);
  }
  return said;
}

/**
 * The EBS encryption-by-default that applies to a resource: live, its region's account setting; Terraform, the
 * aws_ebs_encryption_by_default of its provider region (valuesForRegion). A configuration that declares the
 * setting only for other regions says nothing about this one (unknown), and declarations that disagree leave
 * it unknown.
 */
export function ebsDefaultFor(account: Resource | undefined, r: Resource): Val | undefined {
  const byDefault = account?.attrs.ebsEncryptionByDefault;
  const regional = account?.attrs.ebsEncryptionByDefaultRegions;
  if (!account || account.source === 'live' || !regional || !Array.isArray(regional.value) || !regional.value.length) return byDefault;
  const said = valuesForRegion(regional.value, r, 'enabled');
  const loc = byDefault?.loc ?? regional.loc;
  if (said.size !== 1 || [...said].some((v) => isUnknown(v) || v === undefined)) return { value: undefined, origin: 'unknown', loc };
  return { value: [...said][0], origin: 'explicit', loc };
}
