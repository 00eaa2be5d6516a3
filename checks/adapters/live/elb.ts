import { errorVal, type Val } from '../../model/value.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { DEFAULT_SSL_POLICY } from '../shared/tls-policies.js';
import { dataAt, describeError, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

/** Load balancer attributes arrive as a key -> string map; keys contain dots, so they are read by key. */
function lbAttr(rec: SnapshotResource, ctx: LiveCtx, key: string, dflt: unknown, map: (v: string) => unknown = (v) => v): Val {
  const loc = { file: ctx.file, address: rec.arn, attribute: `attributes.${key}` };
  const err = rec.errors?.attributes;
  if (err) return errorVal(describeError(err), loc);
  const v = (dataAt(rec, 'attributes') as Record<string, string> | null | undefined)?.[key];
  return v === undefined || v === '' ? { value: dflt, origin: 'default', loc } : { value: map(v), origin: 'explicit', loc };
}

const loadBalancer: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elb.load-balancer', ctx, [dataAt(rec, 'LoadBalancerName')]);
  const scheme = dataAt(rec, 'Scheme') as string | undefined;
  const isTrue = (v: string) => v === 'true';
  r.attrs = {
    name: liveAttr(rec, ctx, 'LoadBalancerName'),
    type: liveAttr(rec, ctx, 'Type', { default: 'application' }),
    internal: liveDerived(rec, ctx, 'Scheme', scheme === undefined ? undefined : scheme === 'internal'),
    scheme: liveAttr(rec, ctx, 'Scheme', { default: 'internet-facing' }),
    dropInvalidHeaderFields: lbAttr(rec, ctx, 'routing.http.drop_invalid_header_fields.enabled', false, isTrue),
    deletionProtection: lbAttr(rec, ctx, 'deletion_protection.enabled', false, isTrue),
    accessLogsEnabled: lbAttr(rec, ctx, 'access_logs.s3.enabled', false, isTrue),
    accessLogsBucket: lbAttr(rec, ctx, 'access_logs.s3.bucket', undefined),
    accessLogsPrefix: lbAttr(rec, ctx, 'access_logs.s3.prefix', undefined),
    desyncMitigationMode: lbAttr(rec, ctx, 'routing.http.desync_mitigation_mode', 'defensive'),
    ...(dataAt(rec, 'Type') === 'application' || rec.errors?.webAcl
      ? { wafAssociated: liveDerived(rec, ctx, 'webAcl', typeof dataAt(rec, 'webAcl') === 'string', ['webAcl']), wafWebAclArn: liveAttr(rec, ctx, 'webAcl') }
      : {}),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', dataAt(rec, 'SecurityGroups'), ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  const subnets = ((dataAt(rec, 'AvailabilityZones') as Array<{ SubnetId?: string }> | undefined) ?? []).map((z) => z.SubnetId);
  r.linkRefs!.push(liveLink(rec, ctx, 'subnets', subnets, ['aws.ec2.subnet'], { attribute: 'AvailabilityZones' }));
  const logBucket = r.attrs.accessLogsBucket?.value;
  if (typeof logBucket === 'string') r.linkRefs!.push(liveLink(rec, ctx, 'accessLogsBucketRef', `arn:${ctx.snapshot.account.partition}:s3:::${logBucket}`, ['aws.s3.bucket'], { attribute: 'attributes' }));
  return r;
};

interface Action {
  Type?: string;
  Order?: number;
  RedirectConfig?: { Protocol?: string; Port?: string; StatusCode?: string };
}

const listener: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elb.listener', ctx);
  const protocol = dataAt(rec, 'Protocol') as string | undefined;
  const tls = protocol === 'HTTPS' || protocol === 'TLS';
  const actions = ((dataAt(rec, 'DefaultActions') as Action[] | undefined) ?? []).map((a, i) => ({
    type: a.Type ?? null,
    order: a.Order ?? i + 1,
    ...(a.RedirectConfig ? { redirectProtocol: a.RedirectConfig.Protocol ?? '#{protocol}', redirectPort: a.RedirectConfig.Port ?? '#{port}', redirectStatusCode: a.RedirectConfig.StatusCode ?? null } : {}),
    _loc: { file: ctx.file, address: rec.arn, attribute: `DefaultActions[${i}]` },
  }));
  r.attrs = {
    protocol: liveAttr(rec, ctx, 'Protocol'),
    port: liveAttr(rec, ctx, 'Port'),
    sslPolicy: liveAttr(rec, ctx, 'SslPolicy', tls ? { default: DEFAULT_SSL_POLICY } : {}),
    certificateArn: liveAttr(rec, ctx, 'Certificates.0.CertificateArn'),
    defaultActions: liveDerived(rec, ctx, 'DefaultActions', actions),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'loadBalancer', dataAt(rec, 'LoadBalancerArn'), ['aws.elb.load-balancer'], { inverse: 'listeners', attribute: 'LoadBalancerArn' }));
  return r;
};

export const elbLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancingV2::Listener': listener,
};
