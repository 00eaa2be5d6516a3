import { defineCheck, type CheckOutcome, type Observed } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import { linkedOf, type KindResource } from '../model/typed.js';
import { isUnknown } from '../model/value.js';
import { ebsDefaultFor } from './lib/region-account.js';

const messages = {
  encryptedFalse: '{devices}: encrypted = false and EBS encryption by default is not shown on',
  defaultOff: '{devices}: encrypted not set and EBS encryption by default is off',
  regionDefault: 'encrypted by the region default',
  dependsOnRegion: "{devices}: encrypted not set; depends on the region's EBS encryption by default",
  noMappings: "the template names no EBS volume: the AMI's block devices decide, and EBS encryption by default is not shown on",
  knownAfterApply: 'the block device mappings are known only after apply',
} as const;

/**
 * Every EBS volume a launch template adds is encrypted: `encrypted = true` on its mapping, or the region
 * encrypts new volumes by default (the account's `ebsEncryptionByDefault`, which AWS applies even to a
 * mapping written `encrypted = false`). A mapping that does not set it, in an input that does not show the
 * region default, is unknown; with the default shown off it fails. A template that names no EBS volume
 * passes only when the region default is on (otherwise the AMI decides: unknown). Snapshot-based volumes
 * without a flag inherit the snapshot's encryption, which this check does not read (unknown).
 */
function evaluate(r: KindResource<'aws.ec2.launch-template'>, model: Model): CheckOutcome<typeof messages> {
  const bdm = r.attrs.blockDeviceMappings;
  const loc = bdm?.loc ?? r.loc;
  if (bdm?.error) return { truth: 'error', evidence: [{ path: 'blockDeviceMappings', value: null, loc }], loc, error: `block device mappings: ${bdm.error}` };
  const account = linkedOf(model, r, 'account')[0];
  const byDefault = ebsDefaultFor(account, r);
  const defaultShown = byDefault && byDefault.origin !== 'unknown' && !byDefault.error ? (byDefault.value as boolean | undefined) : undefined;
  const defaultEvidence: Observed = { path: 'account.ebsEncryptionByDefault', value: defaultShown ?? '(not in this input)', loc: byDefault?.loc };
  if (!bdm || bdm.origin === 'unknown' || !Array.isArray(bdm.value)) {
    if (defaultShown === true) return { truth: 'true', evidence: [defaultEvidence], message: { id: 'regionDefault' } };
    return { truth: 'unknown', evidence: [{ path: 'blockDeviceMappings', value: '(known after apply)', loc }], loc, message: { id: 'knownAfterApply' } };
  }
  const evidence: Observed[] = [];
  const explicitFalse: string[] = [];
  const unset: string[] = [];
  let unknown = false;
  let ebsCount = 0;
  (bdm.value as unknown[]).forEach((m, i) => {
    if (isUnknown(m)) return void (unknown = true);
    const e = m as Record<string, unknown>;
    if (e.ebs === false) return;
    ebsCount++;
    const name = typeof e.deviceName === 'string' ? e.deviceName : `mapping ${i}`;
    evidence.push({ path: `blockDeviceMappings[${i}].encrypted`, value: isUnknown(e.encrypted) ? '(known after apply)' : (e.encrypted as boolean | null), loc });
    if (isUnknown(e.ebs) || isUnknown(e.encrypted)) unknown = true;
    else if (e.encrypted === false) explicitFalse.push(name);
    else if (e.encrypted !== true) unset.push(name);
  });
  if (defaultShown === true) return { truth: 'true', evidence: [...evidence, defaultEvidence], message: explicitFalse.length || unset.length || !ebsCount ? { id: 'regionDefault' } : undefined };
  evidence.push(defaultEvidence);
  if (explicitFalse.length) return { truth: 'false', evidence, loc, message: { id: 'encryptedFalse', data: { devices: explicitFalse.join(', ') } } };
  if (unset.length && defaultShown === false) return { truth: 'false', evidence, loc, message: { id: 'defaultOff', data: { devices: unset.join(', ') } } };
  if (unknown) return { truth: 'unknown', evidence, loc, message: { id: 'knownAfterApply' } };
  if (unset.length) return { truth: 'unknown', evidence, loc, message: { id: 'dependsOnRegion', data: { devices: unset.join(', ') } } };
  if (!ebsCount) return { truth: 'unknown', evidence, loc, message: { id: 'noMappings' } };
  return { truth: 'true', evidence };
}

export const codeCheck = defineCheck({
  name: 'launch-template-volumes-encrypted',
  description: "Every EBS volume of a launch template is encrypted, by its mapping or by the region's EBS encryption by default",
  kinds: ['aws.ec2.launch-template'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) => evaluate(r, ctx.model),
});
