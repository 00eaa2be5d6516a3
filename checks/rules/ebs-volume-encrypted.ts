import { defineCheck } from '../engine/code-check.js';
import { linkedOf } from '../model/typed.js';
import { ebsDefaultFor } from './lib/region-account.js';

/**
 * An EBS volume is encrypted when it says so, or when it does not ask for encryption and the region
 * encrypts new volumes by default (the account's `ebsEncryptionByDefault`; AWS then encrypts every new
 * volume, even one created with `encrypted = false`). A volume that is not encrypted and whose
 * account setting is not in the input is unknown; `encrypted = false` written in the configuration
 * fails unless the input shows encryption by default on (the configuration asks for plaintext).
 */
export const codeCheck = defineCheck({
  name: 'ebs-volume-encrypted',
  description: 'EBS volume encrypted, directly or by the region default',
  kinds: ['aws.ec2.ebs-volume'],
  messages: {
    notEncrypted: 'the volume is not encrypted',
    regionDefault: 'encrypted by the region default',
    encryptedFalse: 'encrypted = false',
    defaultOff: 'encrypted not set and EBS encryption by default is off',
    knownAfterApply: 'encrypted is known only after apply',
    dependsOnRegion: "encrypted not set; depends on the region's EBS encryption by default",
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource, ctx) {
    const enc = resource.attrs.encrypted;
    const loc = enc?.loc ?? resource.loc;
    if (enc?.error) return { truth: 'error', evidence: [{ path: 'encrypted', value: null, loc }], error: enc.error, loc };
    if (enc && enc.origin !== 'unknown' && enc.value === true) return { truth: 'true', evidence: [{ path: 'encrypted', value: true, loc }] };
    const account = linkedOf(ctx.model, resource, 'account')[0];
    const byDefault = ebsDefaultFor(account, resource);
    const evidence = [
      { path: 'encrypted', value: enc?.origin === 'unknown' ? '(known after apply)' : enc?.value ?? null, loc },
      { path: 'account.ebsEncryptionByDefault', value: byDefault && byDefault.origin !== 'unknown' ? byDefault.value ?? null : '(not in this input)', loc: byDefault?.loc },
    ];
    // Live: the volume's own state is the truth (the region default applies only to new volumes).
    if (resource.source === 'live' && enc && enc.origin !== 'unknown') {
      return { truth: 'false', evidence: evidence.slice(0, 1), loc, message: { id: 'notEncrypted' } };
    }
    if (byDefault && byDefault.origin !== 'unknown' && byDefault.value === true) {
      return { truth: 'true', evidence, message: { id: 'regionDefault' } };
    }
    const knownOff = byDefault && byDefault.origin !== 'unknown' && byDefault.value === false;
    if (enc?.origin === 'explicit' && enc.value === false) {
      return { truth: 'false', evidence, loc, message: { id: 'encryptedFalse' } };
    }
    if (knownOff) return { truth: 'false', evidence, loc, message: { id: 'defaultOff' } };
    return { truth: 'unknown', evidence, loc, message: { id: enc?.origin === 'unknown' ? 'knownAfterApply' : 'dependsOnRegion' } };
  },
});
