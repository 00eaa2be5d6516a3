import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import { linkedOf, ofKind, type KindResource } from '../model/typed.js';

/**
 * A Redshift cluster refuses connections without TLS: `require_ssl = true` in the parameter group it uses.
 *  - The linked group (Terraform: the aws_redshift_parameter_group its name references; live: the group
 *    DescribeClusterParameterGroups listed) decides by its value (engine default "false").
 *  - No group named, or an AWS `default.*` group: require_ssl is false (the engine default).
 *  - A named group that is not in the input: unknown; live, where the region's groups could not be
 *    listed: an error.
 */
const messages = {
  paramOff: 'require_ssl = {value} in {group}',
  defaultGroup: 'the cluster uses the default parameter group {group}, where require_ssl is false',
  groupNotInInput: 'parameter group {group} is not in this input',
} as const;

type Cluster = KindResource<'aws.redshift.cluster'>;

function unlistedGroups(r: Cluster, model: Model): string | undefined {
  if (r.source !== 'live') return undefined;
  return ofKind(model, 'aws.redshift.parameter-group').find((g) => g.readError && g.source === 'live' && g.region === r.region && g.account === r.account)?.readError;
}

function evaluate(r: Cluster, model: Model): CheckOutcome<typeof messages> {
  const [group] = linkedOf(model, r, 'parameterGroup');
  if (group) {
    const v = group.attrs.requireSsl;
    const path = 'parameterGroup.requireSsl';
    const name = String(group.attrs.name?.value ?? group.address ?? group.id);
    if (v?.error) return { truth: 'error', evidence: [{ path, value: null, loc: v.loc }], loc: v.loc, error: v.error };
    if (!v || v.origin === 'unknown') return { truth: 'unknown', evidence: [{ path, value: '(known after apply)', loc: v?.loc }], loc: v?.loc };
    const on = String(v.value).toLowerCase() === 'true';
    return { truth: on ? 'true' : 'false', evidence: [{ path, value: v.value, loc: v.loc }], loc: v.loc, message: on ? undefined : { id: 'paramOff', data: { value: String(v.value), group: name } } };
  }
  const nameVal = r.attrs.parameterGroupName;
  const ev = [{ path: 'parameterGroupName', value: nameVal?.origin === 'unknown' ? '(known after apply)' : nameVal?.value, loc: nameVal?.loc }];
  if (nameVal?.error) return { truth: 'error', evidence: ev, loc: nameVal.loc, error: nameVal.error };
  if (!nameVal || nameVal.origin === 'unknown') return { truth: 'unknown', evidence: ev, loc: nameVal?.loc };
  const name = typeof nameVal.value === 'string' ? nameVal.value : undefined;
  if (!name || name.startsWith('default.')) return { truth: 'false', evidence: ev, loc: nameVal.loc, message: { id: 'defaultGroup', data: { group: name ?? 'default.redshift-1.0' } } };
  const unlisted = unlistedGroups(r, model);
  if (unlisted) return { truth: 'error', evidence: ev, loc: nameVal.loc, error: unlisted };
  return { truth: 'unknown', evidence: ev, loc: nameVal.loc, message: { id: 'groupNotInInput', data: { group: name } } };
}

export const codeCheck = defineCheck({
  name: 'redshift-require-ssl',
  description: 'The parameter group a Redshift cluster uses sets require_ssl = true (default groups and the engine default do not).',
  kinds: ['aws.redshift.cluster'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) => evaluate(r, ctx.model),
});
