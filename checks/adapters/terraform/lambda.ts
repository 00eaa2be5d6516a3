import { isSensitive, isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, awsManagedKeyAttr, derived, isConfigured, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** environment.variables as {name, value}; a sensitive value stays a SensitiveValue, a computed one unknown. */
function environment(rec: TfRecord): { vars: Val<unknown[]>; has: Val<boolean> } {
  const raw = rawAt(rec.values, 'environment.variables');
  const loc = locOf(rec, 'environment');
  if (isUnknown(raw)) {
    // environment is Optional: a plan shows it computed only when the configuration writes it.
    if (isConfigured(rec, 'environment') === false) return { vars: { value: [], origin: 'default', loc }, has: { value: false, origin: 'default', loc } };
    return { vars: { value: undefined, origin: 'unknown', loc }, has: { value: undefined, origin: 'unknown', loc } };
  }
  // The whole map marked sensitive: variables are set, their names and values are not shown.
  if (isSensitive(raw)) return { vars: { value: undefined, origin: 'unknown', loc }, has: { value: raw.present, origin: 'explicit', loc } };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { vars: { value: [], origin: 'default', loc }, has: { value: false, origin: 'default', loc } };
  const vars = Object.entries(raw as Record<string, unknown>).map(([name, value]) => ({ name, value: isSensitive(value) || isUnknown(value) ? value : value === null ? '' : String(value) }));
  return { vars: { value: vars, origin: 'explicit', loc }, has: { value: vars.length > 0, origin: vars.length ? 'explicit' : 'default', loc } };
}

const fn: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.lambda.function', [rec.values.function_name, rec.values.qualified_arn]);
  const { vars, has } = environment(rec);
  r.attrs = {
    functionName: attr<string>(rec, 'function_name'),
    packageType: attr<string>(rec, 'package_type', { default: 'Zip' }),
    runtime: attr<string>(rec, 'runtime'),
    kmsKeyArn: attr<string>(rec, 'kms_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_arn'),
    hasEnvironment: has,
    environmentVariables: vars,
    policyStatements: { value: [], origin: 'default', loc: r.loc },
    functionUrls: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_arn', ['aws.kms.key']));
  return r;
};

/** A value for a statement field: the literal, UNKNOWN when computed, undefined when not set. */
function field(rec: TfRecord, path: string): unknown {
  const v = rawAt(rec.values, path);
  if (isUnknown(v)) return UNKNOWN;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * aws_lambda_permission: one statement of the function's resource policy, as Lambda writes it (the
 * principal, and source_arn / source_account / principal_org_id as conditions), appended to the function.
 */
const permission: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.lambda.function');
  r.identifiers = [];
  const principal = field(rec, 'principal');
  const who = isUnknown(principal) ? UNKNOWN : typeof principal === 'string' && principal.endsWith('.amazonaws.com') ? { Service: principal } : { AWS: principal ?? UNKNOWN };
  const cond: Record<string, Record<string, unknown>> = {};
  const put = (op: string, key: string, v: unknown) => {
    if (v !== undefined) (cond[op] ??= {})[key] = v;
  };
  put('ArnLike', 'AWS:SourceArn', field(rec, 'source_arn'));
  put('StringEquals', 'AWS:SourceAccount', field(rec, 'source_account'));
  put('StringEquals', 'aws:PrincipalOrgID', field(rec, 'principal_org_id'));
  put('StringEquals', 'lambda:FunctionUrlAuthType', field(rec, 'function_url_auth_type'));
  const statement = {
    Sid: field(rec, 'statement_id') ?? rec.name,
    Effect: 'Allow',
    Principal: who,
    Action: field(rec, 'action') ?? UNKNOWN,
    Resource: '*',
    ...(Object.keys(cond).length ? { Condition: cond } : {}),
  };
  r.attrs = { policyStatements: { value: [statement], origin: 'explicit', loc: locOf(rec, 'principal') } };
  r.linkRefs!.push(linkRef(rec, 'function', 'function_name', ['aws.lambda.function']));
  r.mergeInto = 'function';
  r.appendAttrs = ['policyStatements'];
  return r;
};

/** aws_lambda_function_url: a URL of the function, appended to it. */
const functionUrl: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.lambda.function');
  r.identifiers = [];
  const auth = attr<string>(rec, 'authorization_type');
  r.attrs = {
    functionUrls: derived([{ authType: auth.value, qualifier: field(rec, 'qualifier') ?? null }], [auth], auth.loc),
  };
  r.linkRefs!.push(linkRef(rec, 'function', 'function_name', ['aws.lambda.function']));
  r.mergeInto = 'function';
  r.appendAttrs = ['functionUrls'];
  return r;
};

/** Terraform resource type -> adapter. */
export const lambdaAdapters: Record<string, TfAdapter> = {
  aws_lambda_function: fn,
  aws_lambda_permission: permission,
  aws_lambda_function_url: functionUrl,
};
