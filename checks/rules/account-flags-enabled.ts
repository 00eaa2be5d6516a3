import { defineCheck, type Observed } from '../engine/code-check.js';
import { attrNamed } from '../model/typed.js';

/**
 * Account-level settings (on `aws.account`) are all true. A Terraform configuration that does not
 * declare the setting says nothing about the account (`complete` false): unknown, "needs live
 * verification". A live snapshot reads the whole account (`complete` true): an absent setting there is
 * the AWS default, off.
 */
export const codeCheck = defineCheck({
  name: 'account-flags-enabled',
  description: 'Every listed boolean account setting is true; not declared in a configuration = unknown, absent in a full live read = false.',
  kinds: ['aws.account'],
  messages: {
    notEnabled: '{attrs} is not enabled',
    notEnabledPlural: '{attrs} are not enabled',
    notDeclared: '{attrs} not declared in this configuration; the account setting needs live verification',
    knownAfterApply: '{attrs} known only after apply',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['attrs'],
    properties: { attrs: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  optionRefs: { attrs: 'attrs' },
  evaluate(r, _ctx, options) {
    const attrs = options.attrs as string[];
    const complete = r.attrs.complete?.value === true;
    const evidence: Observed[] = [];
    const off: string[] = [];
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const a of attrs) {
      const v = attrNamed(r, a);
      if (v?.error) return { truth: 'error', evidence: [{ path: a, value: null, loc: v.loc }], error: v.error, loc: v.loc };
      evidence.push({ path: a, value: v === undefined ? undefined : v.origin === 'unknown' ? '(known after apply)' : v.value, loc: v?.loc });
      if (v === undefined || (v.value === undefined && v.origin !== 'unknown')) (complete ? off : missing).push(a);
      else if (v.origin === 'unknown') unknown.push(a);
      else if (v.value !== true) off.push(a);
    }
    const loc = evidence.find((e) => e.loc)?.loc;
    if (off.length) return { truth: 'false', evidence, loc, message: { id: off.length === 1 ? 'notEnabled' : 'notEnabledPlural', data: { attrs: off.join(', ') } } };
    if (missing.length) return { truth: 'unknown', evidence, loc, message: { id: 'notDeclared', data: { attrs: missing.join(', ') } } };
    if (unknown.length) return { truth: 'unknown', evidence, loc, message: { id: 'knownAfterApply', data: { attrs: unknown.join(', ') } } };
    return { truth: 'true', evidence, loc };
  },
});
