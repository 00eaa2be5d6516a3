import type { Outcome } from '../engine/evaluate.js';
import type { Resource } from '../model/resource.js';
import type { Model } from '../model/model.js';
import { registerCodeCheck } from './registry.js';

/**
 * The KMS key a resource encrypts with is customer-managed. Two sources of truth, in this order:
 *  1. the adapter's flag (`kmsKeyIsAwsManaged`-style attribute): true when the configuration leaves
 *     the key unset (the service's AWS-managed key applies) or names alias/aws/<service>; false when it
 *     references a managed aws_kms_key / aws_kms_alias or a customer alias;
 *  2. the linked key in the model (`customerManaged`), e.g. a live key or a key resolved by ARN.
 * A known AWS-managed key fails; a known customer-managed key passes; anything else is unknown
 * (a literal key ARN that is not in this input).
 */
function evaluate(r: Resource, model: Model, link: string, flagAttr: string): Outcome {
  const flag = r.attrs[flagAttr];
  const flagEv = { path: flagAttr, value: flag?.origin === 'unknown' ? '(known after apply)' : flag?.value, loc: flag?.loc };
  if (flag?.error) return { truth: 'error', evidence: [flagEv], error: flag.error, loc: flag.loc };
  const targets = model.linked(r, link);
  const keyEv = targets.map((t) => ({ path: `${link}.customerManaged`, value: t.attrs.customerManaged?.origin === 'unknown' ? '(known after apply)' : t.attrs.customerManaged?.value, loc: t.loc }));
  if (flag?.value === true) return { truth: 'false', evidence: [flagEv, ...keyEv], loc: flag.loc, detail: 'encrypted with the AWS-managed key, not a customer-managed key' };
  const awsKey = targets.find((t) => t.attrs.customerManaged?.value === false);
  if (awsKey) return { truth: 'false', evidence: [flagEv, ...keyEv], loc: flag?.loc, detail: `${awsKey.address ?? awsKey.id} is an AWS-managed key` };
  if (flag?.value === false) return { truth: 'true', evidence: [flagEv, ...keyEv], loc: flag.loc };
  if (targets.length && targets.every((t) => t.attrs.customerManaged?.value === true)) return { truth: 'true', evidence: [flagEv, ...keyEv], loc: flag?.loc };
  return { truth: 'unknown', evidence: [flagEv, ...keyEv], loc: flag?.loc, detail: 'the key is not in this input; verify it live' };
}

registerCodeCheck({
  name: 'kms-key-customer-managed',
  description: 'The KMS key named by a link (and the adapter flag for AWS-managed keys) is a customer-managed key.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['link', 'awsManagedAttr'],
    properties: { link: { type: 'string' }, awsManagedAttr: { type: 'string' } },
  },
  evaluate: (r, ctx, options) => evaluate(r, ctx.model, String(options.link), String(options.awsManagedAttr)),
});
