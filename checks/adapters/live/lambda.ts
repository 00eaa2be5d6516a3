import { UNKNOWN } from '../../model/value.js';
import { CREDENTIAL_MARKER } from '../../util/credentials.js';
import { normalizeIamDocument } from '../../model/iam-document.js';
import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** Marker for a literal the collector withheld (no secret is ever in it). */
const WITHHELD_LITERAL = '(redacted: literal value)';

/** A withheld value as the collector describes it: flags and references verbatim, other literals as markers. */
function envValue(e: unknown): unknown {
  if (typeof e === 'string') return e; // a snapshot written without redaction: the check judges the value itself
  if (!e || typeof e !== 'object') return UNKNOWN;
  const { shape, value, valueLength } = e as { shape?: string; value?: string; valueLength?: number };
  if (shape === 'empty' || shape === 'flag' || shape === 'reference') return value ?? '';
  if (shape === 'credential') return CREDENTIAL_MARKER;
  if (shape === 'text') return WITHHELD_LITERAL;
  return valueLength === 0 ? '' : UNKNOWN;
}

/**
 * A function as ListFunctions describes it, with its resource policy (facet `policy`, the GetPolicy JSON or
 * null), function URLs (`functionUrls`) and tags.
 */
const fn: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.lambda.function', ctx, [dataAt(rec, 'FunctionName')]);
  const key = dataAt(rec, 'KMSKeyArn') as string | undefined;
  const vars = Object.entries((dataAt(rec, 'Environment.Variables') as Record<string, unknown> | undefined) ?? {}).map(([name, v]) => ({ name, value: envValue(v) }));
  const doc = normalizeIamDocument(dataAt(rec, 'policy'));
  const statements = doc && 'Statement' in doc ? doc.Statement : [];
  const urls = ((dataAt(rec, 'functionUrls') as Array<Record<string, unknown>> | null | undefined) ?? []).map((u) => ({ authType: u.AuthType, qualifier: null }));
  r.attrs = {
    functionName: liveAttr(rec, ctx, 'FunctionName'),
    packageType: liveAttr(rec, ctx, 'PackageType', { default: 'Zip' }),
    runtime: liveAttr(rec, ctx, 'Runtime'),
    kmsKeyArn: liveAttr(rec, ctx, 'KMSKeyArn'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'KMSKeyArn', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    hasEnvironment: liveDerived(rec, ctx, 'Environment', vars.length > 0, [], vars.length ? 'explicit' : 'default'),
    environmentVariables: liveDerived(rec, ctx, 'Environment.Variables', vars, [], vars.length ? 'explicit' : 'default'),
    policyStatements: liveDerived(rec, ctx, 'policy', statements, ['policy'], statements.length ? 'explicit' : 'default'),
    functionUrls: liveDerived(rec, ctx, 'functionUrls', urls, ['functionUrls'], urls.length ? 'explicit' : 'default'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KMSKeyArn' }));
  return r;
};

export const lambdaLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Lambda::Function': fn };
