import { DEFAULT_SSL_POLICY } from '../terraform/elb.js';
import { asBool, computed, dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers.js';

const loadBalancer: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elb.load-balancer', ctx, [dataAt(rec, 'LoadBalancerName')]);
  const scheme = dataAt(rec, 'Scheme') as string | undefined;
  const attr = (key: string, dflt: unknown, map?: (raw: unknown) => unknown) => liveAttr(rec, ctx, `attributes.${key}`, { default: dflt, facet: 'attributes', ...(map ? { map } : {}) });
  const bucket = dataAt(rec, 'attributes.access_logs.s3.bucket');
  r.attrs = {
    name: liveAttr(rec, ctx, 'LoadBalancerName'),
    type: liveAttr(rec, ctx, 'Type', { default: 'application' }),
    internal: computed(rec, ctx, 'Scheme', scheme === undefined ? undefined : scheme === 'internal'),
    scheme: liveAttr(rec, ctx, 'Scheme', { default: 'internet-facing' }),
    dropInvalidHeaderFields: attr('routing.http.drop_invalid_header_fields.enabled', false, asBool),
    deletionProtection: attr('deletion_protection.enabled', false, asBool),
    accessLogsEnabled: attr('access_logs.s3.enabled', false, asBool),
    accessLogsBucket: attr('access_logs.s3.bucket', undefined, (v) => (v === '' ? undefined : v)),
    accessLogsPrefix: attr('access_logs.s3.prefix', undefined, (v) => (v === '' ? undefined : v)),
    desyncMitigationMode: attr('routing.http.desync_mitigation_mode', 'defensive'),
    ...(dataAt(rec, 'Type') === 'application' || rec.errors?.webAcl
      ? { wafAssociated: computed(rec, ctx, 'webAcl', typeof dataAt(rec, 'webAcl') === 'string', ['webAcl']), wafWebAclArn: liveAttr(rec, ctx, 'webAcl') }
      : {}),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  // Attribute keys contain dots: read them by key, not by path.
  const attrs = dataAt(rec, 'attributes') as Record<string, string> | null | undefined;
  if (attrs && !rec.errors?.attributes) {
    const get = (k: string) => attrs[k];
    const set = (name: string, k: string, dflt: unknown, map: (v: string) => unknown = (v) => v) => {
      const v = get(k);
      r.attrs[name] = v === undefined || v === '' ? { value: dflt, origin: 'default', loc: { file: ctx.file, address: rec.arn, attribute: k } } : { value: map(v), origin: 'explicit', loc: { file: ctx.file, address: rec.arn, attribute: k } };
    };
    set('dropInvalidHeaderFields', 'routing.http.drop_invalid_header_fields.enabled', false, (v) => v === 'true');
    set('deletionProtection', 'deletion_protection.enabled', false, (v) => v === 'true');
    set('accessLogsEnabled', 'access_logs.s3.enabled', false, (v) => v === 'true');
    set('accessLogsBucket', 'access_logs.s3.bucket', undefined);
    set('accessLogsPrefix', 'access_logs.s3.prefix', undefined);
    set('desyncMitigationMode', 'routing.http.desync_mitigation_mode', 'defensive');
  }
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', dataAt(rec, 'SecurityGroups'), ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  const subnets = ((dataAt(rec, 'AvailabilityZones') as Array<{ SubnetId?: string }> | undefined) ?? []).map((z) => z.SubnetId);
  r.linkRefs!.push(liveLink(rec, ctx, 'subnets', subnets, ['aws.ec2.subnet'], { attribute: 'AvailabilityZones' }));
  void bucket;
  const logBucket = attrs?.['access_logs.s3.bucket'];
  if (logBucket) r.linkRefs!.push(liveLink(rec, ctx, 'accessLogsBucketRef', `arn:${ctx.snapshot.account.partition}:s3:::${logBucket}`, ['aws.s3.bucket'], { attribute: 'attributes' }));
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
    defaultActions: computed(rec, ctx, 'DefaultActions', actions),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'loadBalancer', dataAt(rec, 'LoadBalancerArn'), ['aws.elb.load-balancer'], { inverse: 'listeners', attribute: 'LoadBalancerArn' }));
  return r;
};

export const elbLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancingV2::Listener': listener,
};
