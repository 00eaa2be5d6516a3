import { defineCheck } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown } from '../model/value.js';
import { and, denies, insecureTransport, wholeService, type T } from './lib/tls-deny.js';
import { resourcePolicy, strs } from './lib/policy-doc.js';

/**
 * The bucket policy refuses plain-HTTP requests: a statement with Effect Deny, Principal `*`, Action
 * `s3:*` (or `*`), Condition `Bool` (or `BoolIfExists`) `aws:SecureTransport = false`, and Resource
 * covering both the bucket and its objects (`arn:aws:s3:::b` and `arn:aws:s3:::b/*`, or a wildcard
 * that covers both). A deny on `s3:TlsVersion` alone does not count: a plain-HTTP request has no TLS
 * version, so a NumericLessThan condition on it does not match.
 */
function everyone(st: IamStatement): T {
  if (st.NotPrincipal !== undefined && !isUnknown(st.NotPrincipal)) return 'no';
  const p = st.Principal;
  if (p === undefined) return 'no';
  // A NotPrincipal known only after apply may exclude callers from the deny.
  const notPrincipal: T = isUnknown(st.NotPrincipal) ? 'unknown' : 'yes';
  if (isUnknown(p)) return 'unknown';
  const aws = strs(p.AWS);
  if (aws.values.includes('*')) return notPrincipal;
  return aws.unknown ? 'unknown' : 'no';
}

function glob(pattern: string, s: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(s);
}

function coversBucketAndObjects(st: IamStatement, bucketName: string | undefined): T {
  if (st.Resource === undefined) return 'no';
  const r = strs(st.Resource);
  const bucketArn = bucketName ? `arn:aws:s3:::${bucketName}` : undefined;
  const sample = bucketArn ? [bucketArn, `${bucketArn}/some/object`] : undefined;
  let bucket = false;
  let objects = false;
  for (const res of r.values) {
    if (res === '*') return 'yes';
    if (sample) {
      if (glob(res, sample[0]!)) bucket = true;
      if (glob(res, sample[1]!)) objects = true;
    } else {
      // Bucket name not known: accept a bucket ARN and an object wildcard of the same bucket.
      const m = /^arn:aws[a-z-]*:s3:::([^/]+)(\/\*)?$/.exec(res);
      if (m && !m[2]) bucket ||= r.values.includes(`${res}/*`);
      if (m && m[2]) objects ||= r.values.includes(res.slice(0, -2));
    }
  }
  if (bucket && objects) return 'yes';
  return r.unknown ? 'unknown' : 'no';
}

export const codeCheck = defineCheck({
  name: 's3-tls-only-policy',
  description: 'The bucket policy denies every request made without TLS (aws:SecureTransport = false) on the bucket and its objects.',
  kinds: ['aws.s3.bucket'],
  messages: {
    noPolicy: 'the bucket has no policy, so plain-HTTP requests are not denied',
    policyUnknown: 'the bucket policy is known only after apply',
    partlyUnknown: 'part of the bucket policy is known only after apply',
    noTlsDeny: 'no Deny statement for Principal "*" on s3:* with aws:SecureTransport = false covering the bucket and its objects',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: { sourceLink: { type: 'string' } } },
  optionRefs: { sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(r, ctx, options) {
    const look = resourcePolicy(r, ctx.model, 'policy', (options.sourceLink as string | undefined) ?? 'policySource');
    const ev = (value: unknown) => [{ path: look.path, value, loc: look.loc }];
    if (look.error) return { truth: 'error', evidence: ev(null), error: look.error, loc: look.loc };
    if (look.doc === undefined) return { truth: 'false', evidence: ev(null), loc: look.loc, message: { id: 'noPolicy' } };
    if (isUnknown(look.doc)) return { truth: 'unknown', evidence: ev('(known after apply)'), loc: look.loc, message: { id: 'policyUnknown' } };
    const nameVal = r.attrs.bucketName;
    const name = nameVal && nameVal.origin !== 'unknown' && typeof nameVal.value === 'string' ? nameVal.value : undefined;
    let sawUnknown = false;
    for (const st of look.doc.Statement) {
      if (isUnknown(st)) {
        sawUnknown = true;
        continue;
      }
      const t = and(denies(st), everyone(st), wholeService(st, 's3'), insecureTransport(st), coversBucketAndObjects(st, name));
      if (t === 'yes') return { truth: 'true', evidence: ev(look.doc), loc: look.loc };
      if (t === 'unknown') sawUnknown = true;
    }
    if (sawUnknown) return { truth: 'unknown', evidence: ev(look.doc), loc: look.loc, message: { id: 'partlyUnknown' } };
    return {
      truth: 'false',
      evidence: ev(look.doc),
      loc: look.loc,
      message: { id: 'noTlsDeny' },
    };
  },
});
