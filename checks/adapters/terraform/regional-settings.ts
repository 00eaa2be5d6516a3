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
