import { defineCheck } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown } from '../model/value.js';
import { resourcePolicy, strs } from './lib/policy-doc.js';

/**
 * The bucket policy lets the S3 server access logging service write into the bucket: an Allow statement
 * for the service principal `logging.s3.amazonaws.com` with `s3:PutObject` (or `s3:*`, `*`). This is
 * how AWS recommends granting a log target bucket its permission (instead of the LogDelivery ACL
 * group), so such a bucket is a server access log target.
 */
type T = 'yes' | 'no' | 'unknown';

const LOG_DELIVERY_SERVICE = 'logging.s3.amazonaws.com';

/** Each part known on its own: a statement whose known parts already rule it out is `no`. */
function admitsLogDelivery(st: IamStatement): T {
  const effect: T = isUnknown(st.Effect) ? 'unknown' : st.Effect === 'Allow' ? 'yes' : 'no';
  let principal: T;
  if (isUnknown(st.Principal)) principal = 'unknown';
  else if (!st.Principal) principal = 'no';
  else {
    const service = strs(st.Principal.Service);
    principal = service.values.some((s) => s.toLowerCase() === LOG_DELIVERY_SERVICE) ? 'yes' : service.unknown ? 'unknown' : 'no';
  }
  const action = strs(st.Action);
  const actionOk: T = action.values.some((a) => ['*', 's3:*', 's3:putobject'].includes(a.toLowerCase())) ? 'yes' : action.unknown ? 'unknown' : 'no';
  const parts = [effect, principal, actionOk];
  return parts.includes('no') ? 'no' : parts.includes('unknown') ? 'unknown' : 'yes';
}

export const codeCheck = defineCheck({
  name: 's3-policy-admits-log-delivery',
  description: 'The bucket policy allows the S3 server access logging service (logging.s3.amazonaws.com) to put objects: the bucket is a log target.',
  kinds: ['aws.s3.bucket'],
  messages: {
    policyUnknown: 'the bucket policy is known only after apply',
    logTarget: 'the bucket policy allows logging.s3.amazonaws.com to write: a server access log target',
    partlyUnknown: 'part of the bucket policy is known only after apply',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: { sourceLink: { type: 'string' } } },
  optionRefs: { sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(r, ctx, options) {
    const look = resourcePolicy(r, ctx.model, 'policy', (options.sourceLink as string | undefined) ?? 'policySource');
    const ev = (value: unknown) => [{ path: look.path, value, loc: look.loc }];
    if (look.error) return { truth: 'error', evidence: ev(null), error: look.error, loc: look.loc };
    if (look.doc === undefined) return { truth: 'false', evidence: ev(null), loc: look.loc };
    if (isUnknown(look.doc)) return { truth: 'unknown', evidence: ev('(known after apply)'), loc: look.loc, message: { id: 'policyUnknown' } };
    let sawUnknown = false;
    for (const st of look.doc.Statement) {
      const t = isUnknown(st) ? 'unknown' : admitsLogDelivery(st);
      if (t === 'yes') return { truth: 'true', evidence: ev(look.doc), loc: look.loc, message: { id: 'logTarget' } };
      if (t === 'unknown') sawUnknown = true;
    }
    return sawUnknown
      ? { truth: 'unknown', evidence: ev(look.doc), loc: look.loc, message: { id: 'partlyUnknown' } }
      : { truth: 'false', evidence: ev(look.doc), loc: look.loc };
  },
});
