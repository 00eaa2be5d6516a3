import type { Resource } from '../../model/resource.js';
import { UNKNOWN, isSensitive, isUnknown } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { scheduleDays } from '../shared/rotation-schedules.js';
import { asNumber, attr, awsManagedKeyAttr, isConfigured, jsonAttr, linkRef, locOf, policyDocumentRef, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** Rotation attributes from a rotation_rules block (the rotation resource, or the legacy inline block). */
function rotationAttrs(rec: TfRecord, r: Resource): void {
  const rules = rawAt(rec.values, 'rotation_rules');
  const loc = locOf(rec, 'rotation_rules');
  if (isUnknown(rules)) {
    r.attrs.rotationEnabled = { value: undefined, origin: 'unknown', loc };
    r.attrs.rotationDays = { value: undefined, origin: 'unknown', loc };
    return;
  }
  const days = attr<number>(rec, 'rotation_rules.automatically_after_days', { map: asNumber });
  const expr = attr<string>(rec, 'rotation_rules.schedule_expression');
  r.attrs.rotationEnabled = { value: true, origin: 'explicit', loc };
  r.attrs.rotationScheduleExpression = expr;
  if (days.origin === 'unknown' || expr.origin === 'unknown') r.attrs.rotationDays = { value: undefined, origin: 'unknown', loc: days.loc };
  else if (typeof days.value === 'number') r.attrs.rotationDays = days;
  else if (typeof expr.value === 'string') {
    const n = scheduleDays(expr.value);
    r.attrs.rotationDays = n === undefined ? { value: undefined, origin: 'unknown', loc: expr.loc } : { value: n, origin: 'explicit', loc: expr.loc };
  } else r.attrs.rotationDays = { value: undefined, origin: 'unknown', loc };
  r.attrs.rotationLambdaArn = attr<string>(rec, 'rotation_lambda_arn');
}

function hasRules(rec: TfRecord): boolean {
  const rules = rawAt(rec.values, 'rotation_rules');
  return isUnknown(rules) || (Array.isArray(rules) ? rules.length > 0 : !!rules && typeof rules === 'object');
}

const secret: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.secretsmanager.secret', [rec.values.name]);
  r.attrs.name = attr<string>(rec, 'name');
  r.attrs.kmsKeyId = attr<string>(rec, 'kms_key_id');
  r.attrs.kmsKeyIsAwsManaged = awsManagedKeyAttr(rec, 'kms_key_id');
  r.attrs.recoveryWindowDays = attr<number>(rec, 'recovery_window_in_days', { default: 30, map: asNumber });
  // Provider v4 and older accepted rotation inline (rotation_rules); v5 moved it to aws_secretsmanager_secret_rotation.
  if (hasRules(rec)) rotationAttrs(rec, r);
  else {
    r.attrs.rotationEnabled = { value: false, origin: 'default', loc: r.loc };
    r.attrs.rotationDays = { value: undefined, origin: 'default', loc: r.loc };
  }
  const replicas = rawAt(rec.values, 'replica');
  const rloc = locOf(rec, 'replica');
  // replica is Optional+Computed: a plan shows it computed when the configuration sets none.
  if (isUnknown(replicas) && isConfigured(rec, 'replica') === false) r.attrs.replicas = { value: [], origin: 'default', loc: rloc };
  else if (isUnknown(replicas)) r.attrs.replicas = { value: undefined, origin: 'unknown', loc: rloc };
  else if (Array.isArray(replicas)) {
    r.attrs.replicas = {
      value: replicas.map((x, i) => {
        if (isUnknown(x) || !x || typeof x !== 'object') return x;
        const o = x as Record<string, unknown>;
        const managed = awsManagedKeyAttr(rec, `replica.${i}.kms_key_id`);
        return {
          region: o.region,
          kmsKeyId: o.kms_key_id === '' ? null : o.kms_key_id ?? null,
          kmsKeyIsAwsManaged: managed.origin === 'unknown' ? UNKNOWN : managed.value,
          _loc: locOf(rec, `replica.${i}`),
        };
      }),
      origin: replicas.length ? 'explicit' : 'default',
      loc: rloc,
    };
  } else r.attrs.replicas = { value: [], origin: 'default', loc: rloc };
  r.attrs.valueInTerraformState = { value: false, origin: 'default', loc: r.loc };
  // The deprecated inline policy is Optional+Computed: a plan shows it computed when only an
  // aws_secretsmanager_secret_policy (merged in below) or nothing sets it.
  r.attrs.resourcePolicy = isUnknown(rawAt(rec.values, 'policy')) && isConfigured(rec, 'policy') === false ? { value: undefined, origin: 'default', loc: locOf(rec, 'policy') } : jsonAttr(rec, 'policy');
  r.linkRefs!.push(policyDocumentRef(rec, 'policySource', 'policy'));
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs.tags = tags;
  r.attrs.dataClass = dataClass;
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** aws_secretsmanager_secret_rotation: a facet of the secret. */
const rotation: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.secretsmanager.secret-rotation');
  r.identifiers = [];
  if (hasRules(rec)) rotationAttrs(rec, r);
  else {
    // rotation_rules is required; without it the resource does not configure a schedule we can read.
    r.attrs.rotationEnabled = { value: undefined, origin: 'unknown', loc: r.loc };
  }
  r.linkRefs!.push(linkRef(rec, 'secret', 'secret_id', ['aws.secretsmanager.secret']));
  r.mergeInto = 'secret';
  return r;
};

/** aws_secretsmanager_secret_version: a facet recording whether the value sits in Terraform state. */
const version: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.secretsmanager.secret-version');
  r.identifiers = [];
  const present = (path: string): boolean | undefined => {
    const raw = rawAt(rec.values, path);
    if (isSensitive(raw)) return raw.present;
    if (isUnknown(raw)) return isConfigured(rec, path) ? true : undefined;
    return raw !== undefined && raw !== null && raw !== '';
  };
  const s = present('secret_string');
  const b = present('secret_binary');
  const loc = locOf(rec, s === false && b ? 'secret_binary' : 'secret_string');
  r.attrs.valueInTerraformState = s === true || b === true ? { value: true, origin: 'explicit', loc } : s === undefined || b === undefined ? { value: undefined, origin: 'unknown', loc } : { value: false, origin: 'explicit', loc };
  r.linkRefs!.push(linkRef(rec, 'secret', 'secret_id', ['aws.secretsmanager.secret']));
  r.mergeInto = 'secret';
  return r;
};

/** aws_secretsmanager_secret_policy: the secret's resource policy, a facet of the secret. */
const policy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.secretsmanager.secret-policy');
  r.identifiers = [];
  r.attrs.resourcePolicy = jsonAttr(rec, 'policy');
  r.linkRefs!.push(linkRef(rec, 'secret', 'secret_arn', ['aws.secretsmanager.secret']), policyDocumentRef(rec, 'policySource', 'policy'));
  r.mergeInto = 'secret';
  return r;
};

/** Terraform resource type -> adapter. */
export const secretsAdapters: Record<string, TfAdapter> = {
  aws_secretsmanager_secret: secret,
  aws_secretsmanager_secret_rotation: rotation,
  aws_secretsmanager_secret_version: version,
  aws_secretsmanager_secret_policy: policy,
};
