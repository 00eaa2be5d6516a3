import type { Outcome } from '../engine/evaluate.js';
import { registerCodeCheck } from './registry.js';

/**
 * An EBS volume is encrypted when it says so, or when it does not ask for encryption and the region
 * encrypts new volumes by default (the account's `ebsEncryptionByDefault`; AWS then encrypts every new
 * volume, even one created with `encrypted = false`). A volume that is not encrypted and whose
 * account setting is not in the input is unknown; `encrypted = false` written in the configuration
 * fails unless the input shows encryption by default on (the configuration asks for plaintext).
 */
registerCodeCheck({
  name: 'ebs-volume-encrypted',
  description: 'EBS volume encrypted, directly or by the region default',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource, ctx): Outcome {
    const enc = resource.attrs.encrypted;
    const loc = enc?.loc ?? resource.loc;
    if (enc?.error) return { truth: 'error', evidence: [{ path: 'encrypted', value: null, loc }], error: enc.error, loc };
    if (enc && enc.origin !== 'unknown' && enc.value === true) return { truth: 'true', evidence: [{ path: 'encrypted', value: true, loc }] };
    const account = ctx.model.linked(resource, 'account')[0];
    const byDefault = account?.attrs.ebsEncryptionByDefault;
    const evidence = [
      { path: 'encrypted', value: enc?.origin === 'unknown' ? '(known after apply)' : enc?.value ?? null, loc },
      { path: 'account.ebsEncryptionByDefault', value: byDefault && byDefault.origin !== 'unknown' ? byDefault.value ?? null : '(not in this input)', loc: byDefault?.loc },
    ];
    // Live: the volume's own state is the truth (the region default applies only to new volumes).
    if (resource.source === 'live' && enc && enc.origin !== 'unknown') {
      return { truth: 'false', evidence: evidence.slice(0, 1), loc, detail: 'the volume is not encrypted' };
    }
    if (byDefault && byDefault.origin !== 'unknown' && byDefault.value === true) {
      return { truth: 'true', evidence, detail: 'encrypted by the region default' };
    }
    const knownOff = byDefault && byDefault.origin !== 'unknown' && byDefault.value === false;
    if (enc?.origin === 'explicit' && enc.value === false) {
      return { truth: 'false', evidence, loc, detail: 'encrypted = false' };
    }
    if (knownOff) return { truth: 'false', evidence, loc, detail: 'encrypted not set and EBS encryption by default is off' };
    return {
      truth: 'unknown',
      evidence,
      loc,
      detail: enc?.origin === 'unknown' ? 'encrypted is known only after apply' : 'encrypted not set; depends on the region\'s EBS encryption by default',
    };
  },
});
