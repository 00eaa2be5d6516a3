import type { Outcome, Observed } from '../engine/evaluate.js';
import { registerCodeCheck } from './registry.js';

/**
 * Account-level settings (on `aws.account`) are all true. A Terraform configuration that does not
 * declare the setting says nothing about the account (`complete` false): unknown, "needs live
 * verification". A live snapshot reads the whole account (`complete` true): an absent setting there is
 * the AWS default, off.
 */
registerCodeCheck({
  name: 'account-flags-enabled',
  description: 'Every listed boolean account setting is true; not declared in a configuration = unknown, absent in a full live read = false.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['attrs'],
    properties: { attrs: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  evaluate(r, _ctx, options): Outcome {
    const attrs = options.attrs as string[];
    const complete = r.attrs.complete?.value === true;
    const evidence: Observed[] = [];
    const off: string[] = [];
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const a of attrs) {
      const v = r.attrs[a];
      if (v?.error) return { truth: 'error', evidence: [{ path: a, value: null, loc: v.loc }], error: v.error, loc: v.loc };
      evidence.push({ path: a, value: v === undefined ? undefined : v.origin === 'unknown' ? '(known after apply)' : v.value, loc: v?.loc });
      if (v === undefined || (v.value === undefined && v.origin !== 'unknown')) (complete ? off : missing).push(a);
      else if (v.origin === 'unknown') unknown.push(a);
      else if (v.value !== true) off.push(a);
    }
    const loc = evidence.find((e) => e.loc)?.loc;
    if (off.length) return { truth: 'false', evidence, loc, detail: `${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} not enabled` };
    if (missing.length) {
      return { truth: 'unknown', evidence, loc, detail: `${missing.join(', ')} not declared in this configuration; the account setting needs live verification` };
    }
    if (unknown.length) return { truth: 'unknown', evidence, loc, detail: `${unknown.join(', ')} known only after apply` };
    return { truth: 'true', evidence, loc };
  },
});
