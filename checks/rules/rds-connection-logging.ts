import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import { attachedGroupLink, isOn, lookupParam, PARAM_MESSAGES, stringOf, type ParamLookup, type RdsDatabase } from './lib/rds-params.js';

/**
 * Connections and access to a database holding student records are logged by the engine, through
 * the parameter group actually attached:
 *  - PostgreSQL (RDS and Aurora): `log_connections` on, or pgaudit loaded (`shared_preload_libraries`
 *    contains pgaudit) with `pgaudit.log` set to something other than none. Defaults: off.
 *  - Aurora MySQL: `server_audit_logging = 1` with `server_audit_events` including CONNECT.
 *  - RDS MySQL / MariaDB: audit logging is the MARIADB_AUDIT_PLUGIN option (an option group): unknown.
 *  - other engines: unknown.
 * Clusters read the cluster parameter group; instances their DB parameter group.
 */
const messages = {
  engineUnknown: 'engine not known',
  noConnectionLogging: 'neither log_connections nor pgaudit is enabled in the attached parameter group',
  noServerAudit: 'server_audit_logging with CONNECT events is not enabled in the attached cluster parameter group',
  optionGroup: 'connection auditing for {engine} is configured in an option group, which this check does not read',
  ...PARAM_MESSAGES,
} as const;

function evaluate(r: RdsDatabase, model: Model): CheckOutcome<typeof messages> {
  const family = stringOf(r.attrs.engineFamily);
  const engine = stringOf(r.attrs.engine) ?? '';
  const link = attachedGroupLink(r);
  const get = (p: string): ParamLookup => lookupParam(r, model, p);
  const ev = (p: string, l: ParamLookup) => ({
    path: `${link}.parameters.${p}`,
    value: l.state === 'unknown' ? '(known after apply)' : l.state === 'default' ? '(engine default)' : l.state === 'error' ? null : l.value,
    loc: l.loc,
  });
  /** A read failure decides what a pass could not: error, never unknown or fail. */
  const failedRead = (ls: ParamLookup[]): ParamLookup | undefined => ls.find((l) => l.state === 'error');
  if (!family) return { truth: 'unknown', evidence: [{ path: 'engineFamily', value: '(known after apply)' }], message: { id: 'engineUnknown' } };

  if (family === 'postgres') {
    const conn = get('log_connections');
    const libs = get('shared_preload_libraries');
    const audit = get('pgaudit.log');
    const evidence = [ev('log_connections', conn), ev('shared_preload_libraries', libs), ev('pgaudit.log', audit)];
    const connOn = conn.state === 'set' && isOn(conn.value);
    const pgaudit = libs.state === 'set' && /(^|,)\s*pgaudit\s*(,|$)/.test(libs.value ?? '') && audit.state === 'set' && (audit.value ?? '').trim().toLowerCase() !== 'none' && audit.value !== '';
    if (connOn || pgaudit) return { truth: 'true', evidence, loc: (connOn ? conn : audit).loc };
    const broken = failedRead([conn, libs, audit]);
    if (broken) return { truth: 'error', evidence, loc: broken.loc, error: broken.error };
    if ([conn, libs, audit].some((l) => l.state === 'unknown')) return { truth: 'unknown', evidence, loc: conn.loc, message: conn.reason ?? libs.reason ?? audit.reason };
    return { truth: 'false', evidence, loc: conn.loc, message: { id: 'noConnectionLogging' } };
  }
  if (family === 'mysql' && engine.startsWith('aurora')) {
    const on = get('server_audit_logging');
    const events = get('server_audit_events');
    const evidence = [ev('server_audit_logging', on), ev('server_audit_events', events)];
    if (on.state === 'set' && isOn(on.value) && events.state === 'set' && /connect/i.test(events.value ?? '')) return { truth: 'true', evidence, loc: on.loc };
    const broken = failedRead([on, events]);
    if (broken) return { truth: 'error', evidence, loc: broken.loc, error: broken.error };
    if ([on, events].some((l) => l.state === 'unknown')) return { truth: 'unknown', evidence, loc: on.loc, message: on.reason ?? events.reason };
    return { truth: 'false', evidence, loc: on.loc, message: { id: 'noServerAudit' } };
  }
  return { truth: 'unknown', evidence: [{ path: 'engine', value: engine }], message: { id: 'optionGroup', data: { engine } } };
}

export const codeCheck = defineCheck({
  name: 'rds-connection-logging',
  description: 'The parameter group attached to an RDS database logs connections (log_connections, pgaudit, Aurora MySQL server audit).',
  kinds: ['aws.rds.instance', 'aws.rds.cluster'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) => evaluate(r, ctx.model),
});
