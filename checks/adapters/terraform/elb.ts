import { isUnknown, type Val } from '../../model/value.js';
import { DEFAULT_SSL_POLICY } from '../shared/tls-policies.js';
import { asBool, asNumber, attr, computedAttr, derived, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const LB = 'aws.elb.load-balancer';
const LISTENER = 'aws.elb.listener';

const loadBalancer: TfAdapter = (rec) => {
  const r = tfResource(rec, LB, [rec.values.name, rec.values.dns_name]);
  const { tags, dataClass } = tagAttrs(rec);
  const type = attr<string>(rec, 'load_balancer_type', { default: 'application' });
  const internal = computedAttr(rec, 'internal', { default: false, map: asBool });
  const logsBlock = rawAt(rec.values, 'access_logs');
  const logsEnabled: Val<boolean> = isUnknown(logsBlock)
    ? { value: undefined, origin: 'unknown', loc: locOf(rec, 'access_logs') }
    : attr(rec, 'access_logs.enabled', { default: false, map: asBool });
  r.attrs = {
    name: attr(rec, 'name'),
    type,
    internal,
    scheme: derived(internal.value === undefined ? undefined : internal.value ? 'internal' : 'internet-facing', [internal]),
    // Only meaningful for application load balancers; other types have no such attribute (null).
    dropInvalidHeaderFields:
      type.value === 'application' || type.origin === 'unknown'
        ? attr(rec, 'drop_invalid_header_fields', { default: false, map: asBool })
        : { value: undefined, origin: 'default', loc: locOf(rec, 'drop_invalid_header_fields') },
    deletionProtection: attr(rec, 'enable_deletion_protection', { default: false, map: asBool }),
    accessLogsEnabled: logsEnabled,
    accessLogsBucket: attr(rec, 'access_logs.bucket'),
    accessLogsPrefix: attr(rec, 'access_logs.prefix'),
    desyncMitigationMode: attr(rec, 'desync_mitigation_mode', { default: 'defensive' }),
    wafAssociated: { value: false, origin: 'default', loc: r.loc },
    tags,
    dataClass,
  };
  r.linkRefs = [
    linkRef(rec, 'securityGroups', 'security_groups', ['aws.ec2.security-group'], { inverse: 'attachedResources' }),
    linkRef(rec, 'subnets', 'subnets', ['aws.ec2.subnet']),
    linkRef(rec, 'accessLogsBucketRef', 'access_logs.bucket', ['aws.s3.bucket']),
  ];
  return r;
};

function normAction(raw: unknown, i: number, loc: ReturnType<typeof locOf>): Record<string, unknown> {
  if (isUnknown(raw) || !raw || typeof raw !== 'object') return { type: raw, order: i + 1, _loc: loc };
  const a = raw as Record<string, unknown>;
  const redirect = Array.isArray(a.redirect) ? a.redirect[0] : a.redirect;
  const rd = redirect && typeof redirect === 'object' ? (redirect as Record<string, unknown>) : undefined;
  const field = (v: unknown, dflt: unknown) => (isUnknown(v) ? v : v === undefined || v === null || v === '' ? dflt : v);
  return {
    type: a.type,
    order: a.order ?? i + 1,
    // Provider defaults: protocol and port keep the request's (`#{protocol}`, `#{port}`).
    redirectProtocol: rd ? field(rd.protocol, '#{protocol}') : null,
    redirectPort: rd ? field(rd.port, '#{port}') : null,
    redirectStatusCode: rd ? field(rd.status_code, null) : null,
    _loc: loc,
  };
}

const listener: TfAdapter = (rec) => {
  const r = tfResource(rec, LISTENER);
  const protocol = computedAttr<string>(rec, 'protocol', { default: 'HTTP', map: (v) => String(v).toUpperCase() });
  const tlsListener = protocol.value === 'HTTPS' || protocol.value === 'TLS';
  const ssl = tlsListener
    ? computedAttr<string>(rec, 'ssl_policy', { default: DEFAULT_SSL_POLICY })
    : protocol.origin === 'unknown'
      ? attr<string>(rec, 'ssl_policy')
      : { value: undefined, origin: 'default' as const, loc: locOf(rec, 'ssl_policy') };
  const actionsRaw = rawAt(rec.values, 'default_action');
  const actions: Val = isUnknown(actionsRaw)
    ? { value: undefined, origin: 'unknown', loc: locOf(rec, 'default_action') }
    : {
        value: Array.isArray(actionsRaw) ? actionsRaw.map((a, i) => normAction(a, i, locOf(rec, `default_action.${i}`))) : [],
        origin: 'explicit',
        loc: locOf(rec, 'default_action'),
      };
  r.attrs = {
    protocol,
    port: attr(rec, 'port', { map: asNumber }),
    sslPolicy: ssl,
    certificateArn: attr(rec, 'certificate_arn'),
    defaultActions: actions,
  };
  r.linkRefs = [linkRef(rec, 'loadBalancer', 'load_balancer_arn', [LB], { inverse: 'listeners' })];
  return r;
};

/**
 * A web ACL association is a facet of the load balancer or REST API stage it names (`resource_arn`);
 * associations with other resources (AppSync, Cognito) find neither and are dropped.
 */
function wafAssociation(aclPath: string): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, LB);
    r.identifiers = [];
    // The ARN is usually known only after apply (the ACL is created in the same run); the association is certain.
    r.attrs = { wafAssociated: { value: true, origin: 'explicit', loc: r.loc }, wafWebAclArn: attr(rec, aclPath) };
    r.mergeInto = 'loadBalancer';
    r.linkRefs = [linkRef(rec, 'loadBalancer', 'resource_arn', [LB, 'aws.apigateway.stage'])];
    return r;
  };
}

/** Terraform resource type -> adapter. */
export const elbAdapters: Record<string, TfAdapter> = {
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_wafv2_web_acl_association: wafAssociation('web_acl_arn'),
  aws_wafregional_web_acl_association: wafAssociation('web_acl_id'),
  aws_lb_listener: listener,
  aws_alb_listener: listener,
};
