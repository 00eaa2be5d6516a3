import type { Resource } from '../../model/resource.js';
import type { Val } from '../../model/value.js';

/**
 * Account settings that hold per region (GuardDuty, Security Hub, AWS Config, IAM Access Analyzer, Macie,
 * EBS encryption by default). A Terraform configuration declares each with its provider's region, but the
 * synthetic account holds one value: a setting declared for us-east-1 says nothing about us-west-2.
 */
const REGIONAL = new Set([
  'ebsEncryptionByDefault',
  'ebsDefaultKmsKeyId',
  'guardDutyEnabled',
  'guardDutyS3Protection',
  'guardDutyRdsProtection',
  'securityHubEnabled',
  'securityHubStandards',
  'configRecorderAllSupported',
  'configRecorderRecording',
  'configDeliveryChannel',
  'accessAnalyzerEnabled',
  'macieEnabled',
]);

/**
 * Where the configuration uses a region (known) for which a regional setting is declared only elsewhere, the
 * setting's value is unknown for the account as a whole: the facets that declare it are made unknown before
 * they merge, so "declared in one region" never passes a configuration that also runs in another. A
 * declaration whose region is not known may be any region and is left as it is.
 */
export function regionalSettingsInUse(resources: Resource[], regions: Val): void {
  const inUse = (Array.isArray(regions.value) ? regions.value : []).filter((r): r is string => typeof r === 'string');
  if (inUse.length < 2) return;
  const declared = new Map<string, { regions: Set<string | undefined>; facets: Resource[] }>();
  for (const r of resources) {
    if (r.kind !== 'aws.account' || r.mergeInto !== 'account') continue;
    for (const attr of Object.keys(r.attrs)) {
      if (!REGIONAL.has(attr)) continue;
      let d = declared.get(attr);
      if (!d) declared.set(attr, (d = { regions: new Set(), facets: [] }));
      d.regions.add(r.region);
      d.facets.push(r);
    }
  }
  for (const [attr, d] of declared) {
    if (d.regions.has(undefined) || inUse.every((region) => d.regions.has(region))) continue;
    for (const f of d.facets) f.attrs[attr] = { value: undefined, origin: 'unknown', loc: f.attrs[attr]!.loc };
  }
}

/** The on/off settings of REGIONAL: on is what every policy over them asks for. */
const SWITCHES = [...REGIONAL].filter((a) => a !== 'ebsDefaultKmsKeyId' && a !== 'securityHubStandards');

/** false (off) below not known below true (on). */
function rank(v: Val): number {
  if (v.origin !== 'unknown' && v.value === false) return 0;
  return v.origin !== 'unknown' && v.value === true ? 2 : 1;
}

/**
 * A switch declared for several regions holds for the account only as far as its weakest region: the facets
 * all carry that region's value before they merge (the merge keeps the last facet, so a configuration that
 * turns GuardDuty off in us-west-2 and on in us-east-1 would otherwise read as on). Within one region the last
 * declaration still stands, as it does for the merge.
 */
export function weakestRegionDecides(resources: Resource[]): void {
  const facets = resources.filter((r) => r.kind === 'aws.account' && r.mergeInto === 'account');
  for (const attr of SWITCHES) {
    const byRegion = new Map<string | undefined, Val>();
    const declaring: Resource[] = [];
    for (const f of facets) {
      const v = f.attrs[attr];
      if (!v) continue;
      byRegion.set(f.region, v);
      declaring.push(f);
    }
    if (byRegion.size < 2) continue;
    const weakest = [...byRegion.values()].reduce((a, b) => (rank(b) < rank(a) ? b : a));
    for (const f of declaring) f.attrs[attr] = weakest;
  }
}
