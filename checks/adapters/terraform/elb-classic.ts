import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import { asBool, attr, computedAttr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : isUnknown(v) ? UNKNOWN : (v ?? null));

/** aws_elb: listeners and access logs (there is no live collector for classic load balancers). */
const classic: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elb.classic-load-balancer', [rec.values.name, rec.values.dns_name]);
  const raw = rawAt(rec.values, 'listener');
  const loc = locOf(rec, 'listener');
  const listeners: Val = isUnknown(raw)
    ? { value: undefined, origin: 'unknown', loc }
    : {
        value: (Array.isArray(raw) ? raw : []).map((l, i) => {
          const m = l && typeof l === 'object' && !isUnknown(l) ? (l as Record<string, unknown>) : {};
          return { lbProtocol: upper(m.lb_protocol), lbPort: m.lb_port ?? null, instanceProtocol: upper(m.instance_protocol), instancePort: m.instance_port ?? null, sslCertificateId: m.ssl_certificate_id ?? null, _loc: locOf(rec, `listener.${i}`) };
        }),
        origin: 'explicit',
        loc,
      };
  const logs = rawAt(rec.values, 'access_logs');
  const logsLoc = locOf(rec, 'access_logs');
  const hasLogs = Array.isArray(logs) ? logs.length > 0 : Boolean(logs);
  r.attrs = {
    name: attr(rec, 'name'),
    internal: computedAttr(rec, 'internal', { default: false, map: asBool }),
    listeners,
    accessLogsEnabled: isUnknown(logs)
      ? { value: undefined, origin: 'unknown', loc: logsLoc }
      : hasLogs
        ? attr(rec, 'access_logs.enabled', { default: true, map: asBool })
        : { value: false, origin: 'default', loc: logsLoc },
    accessLogsBucket: attr(rec, 'access_logs.bucket'),
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'securityGroups', 'security_groups', ['aws.ec2.security-group'], { inverse: 'attachedResources' })];
  return r;
};

export const elbClassicAdapters: Record<string, TfAdapter> = { aws_elb: classic };
