import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import { attachedGroupLink, isOn, lookupParam, majorOf, minorOf, PARAM_MESSAGES, stringOf, type ParamLookup, type RdsDatabase } from './lib/rds-params.js';

/**
 * TLS is required for every connection to an RDS database: the parameter that enforces it is on in the
 * parameter group actually attached (a group that is defined but not attached counts for nothing).
 *
 *  - PostgreSQL and SQL Server: `rds.force_ssl = 1`. Engine default: 1 for RDS for PostgreSQL 15 and
 *    later, 0 for older versions, for Aurora PostgreSQL and for SQL Server.
 *  - MySQL, MariaDB, Aurora MySQL: `require_secure_transport = ON|1`. Default OFF; MySQL 8.4+ unknown
 *    (not verified here).
 *  - Oracle / Db2: TLS is an option-group setting, not readable from parameters: unknown.
 *  - No group attached (or an AWS `default.*` group): the engine default of the version decides; an
 *    engine version that is not known makes the result unknown.
 * Clusters are checked on their cluster parameter group (where Aurora reads these parameters).
 */
const messages = {
  engineUnknown: 'engine not known',
  optionGroup: 'TLS enforcement for {engine} is set in an option group, which this check does not read',
  paramOff: '{param} = {value} in {group}',
  defaultUnknown: '{param} is not set and the engine default for this version is not known',
  defaultOff: '{param} is not set in the attached parameter group, and the engine default does not require TLS',
  ...PARAM_MESSAGES,
} as const;

function defaultOn(family: string, r: RdsDatabase, lookup: ParamLookup): boolean | undefined {
  const engine = stringOf(r.attrs.engine) ?? '';
  const source = lookup.family ?? stringOf(r.attrs.engineVersion);
  const major = majorOf(source);
  if (family === 'postgres') {
    if (engine.startsWith('aurora')) return false;
    return major === undefined ? undefined : major >= 15;
  }
  if (family === 'mysql') {
    if (engine === 'mysql' && major !== undefined && (major > 8 || (major === 8 && (minorOf(source) ?? 0) >= 4))) return undefined;
    return false;
  }
  if (family === 'sqlserver') return false;
  return undefined;
}

function evaluate(r: RdsDatabase, model: Model): CheckOutcome<typeof messages> {
  const famVal = r.attrs.engineFamily;
  const family = stringOf(famVal);
  if (!family) return { truth: 'unknown', evidence: [{ path: 'engineFamily', value: '(known after apply)', loc: famVal?.loc }], loc: famVal?.loc, message: { id: 'engineUnknown' } };
  let param: string;
  if (family === 'postgres' || family === 'sqlserver') param = 'rds.force_ssl';
  else if (family === 'mysql') param = 'require_secure_transport';
  else {
    const engine = stringOf(r.attrs.engine);
    return { truth: 'unknown', evidence: [{ path: 'engine', value: engine }], message: { id: 'optionGroup', data: { engine: String(engine) } } };
  }
  const link = attachedGroupLink(r);
  const lookup = lookupParam(r, model, param);
  const path = `${link}.parameters.${param}`;
  if (lookup.state === 'error') return { truth: 'error', evidence: [{ path, value: null, loc: lookup.loc }], loc: lookup.loc, error: lookup.error };
  if (lookup.state === 'unknown') return { truth: 'unknown', evidence: [{ path, value: '(known after apply)', loc: lookup.loc }], loc: lookup.loc, message: lookup.reason };
  if (lookup.state === 'set') {
    const ok = isOn(lookup.value);
    return {
      truth: ok ? 'true' : 'false',
      evidence: [{ path, value: lookup.value, loc: lookup.loc }],
      loc: lookup.loc,
      message: ok ? undefined : { id: 'paramOff', data: { param, value: String(lookup.value), group: String(lookup.group) } },
    };
  }
  const on = defaultOn(family, r, lookup);
  const shown = `(engine default of ${lookup.group ?? 'the default group'})`;
  if (on === undefined) return { truth: 'unknown', evidence: [{ path, value: shown, loc: lookup.loc }], loc: lookup.loc, message: { id: 'defaultUnknown', data: { param } } };
  return {
    truth: on ? 'true' : 'false',
    evidence: [{ path, value: on ? `1 ${shown}` : `0 ${shown}` }],
    loc: lookup.loc,
    message: on ? undefined : { id: 'defaultOff', data: { param } },
  };
}

export const codeCheck = defineCheck({
  name: 'rds-force-ssl',
  description: 'The parameter group attached to an RDS instance or cluster requires TLS (rds.force_ssl / require_secure_transport), engine defaults included.',
  kinds: ['aws.rds.instance', 'aws.rds.cluster'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) => evaluate(r, ctx.model),
});
