import { defineCheck } from '../engine/code-check.js';
import { lookupParam, PARAM_MESSAGES } from './lib/rds-params.js';

/**
 * A DocumentDB or Neptune cluster parameter, read from the cluster parameter group actually attached:
 * fails when it holds one of `failValues`. A group that does not set it, or the engine's default group
 * (no group named, or `default.<family>`), has `defaultValue` (DocumentDB: tls `enabled`, audit_logs
 * `disabled`; Neptune: neptune_enable_audit_log `0`). A group the input does not hold is unknown; live,
 * one that could not be read is an error.
 */
const messages = {
  paramOff: '{param} = {value} in {group}',
  defaultOff: '{param} is not set in {group}, and its default is {value}',
  ...PARAM_MESSAGES,
} as const;

export const codeCheck = defineCheck({
  name: 'cluster-parameter',
  description: 'A DocumentDB or Neptune cluster parameter (tls, audit_logs, neptune_enable_audit_log) is not one of the failing values, defaults included.',
  kinds: ['aws.docdb.cluster', 'aws.neptune.cluster'],
  messages,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['param', 'failValues', 'defaultValue'],
    properties: {
      param: { type: 'string', minLength: 1 },
      failValues: { type: 'array', items: { type: 'string' }, minItems: 1 },
      defaultValue: { type: 'string' },
    },
  },
  evaluate(r, ctx, options) {
    const param = String(options.param);
    const failing = (options.failValues as string[]).map((v) => v.toLowerCase());
    const lookup = lookupParam(r, ctx.model, param);
    const path = `clusterParameterGroup.parameters.${param}`;
    if (lookup.state === 'error') return { truth: 'error', evidence: [{ path, value: null, loc: lookup.loc }], loc: lookup.loc, error: lookup.error };
    if (lookup.state === 'unknown') return { truth: 'unknown', evidence: [{ path, value: '(known after apply)', loc: lookup.loc }], loc: lookup.loc, message: lookup.reason };
    const group = lookup.group ?? 'the default group';
    const value = lookup.state === 'set' ? String(lookup.value) : String(options.defaultValue);
    const off = failing.includes(value.trim().toLowerCase());
    const shown = lookup.state === 'set' ? value : `${value} (default of ${group})`;
    return {
      truth: off ? 'false' : 'true',
      evidence: [{ path, value: shown, loc: lookup.loc }],
      loc: lookup.loc,
      message: !off ? undefined : lookup.state === 'set' ? { id: 'paramOff', data: { param, value, group } } : { id: 'defaultOff', data: { param, group, value } },
    };
  },
});
