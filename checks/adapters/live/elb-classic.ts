import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : (v ?? null));

interface ListenerDescription {
  Listener?: { Protocol?: string; LoadBalancerPort?: number; InstanceProtocol?: string; InstancePort?: number; SSLCertificateId?: string };
  PolicyNames?: string[];
}
interface PolicyDescription {
  PolicyName?: string;
  PolicyTypeName?: string;
  PolicyAttributeDescriptions?: Array<{ AttributeName?: string; AttributeValue?: string }>;
}

/** An SSL negotiation policy in the shape the Terraform facets give (reference policy, enabled protocols). */
function sslPolicy(p: PolicyDescription): Record<string, unknown> {
  const attrs = p.PolicyAttributeDescriptions ?? [];
  const reference = attrs.find((a) => a.AttributeName === 'Reference-Security-Policy')?.AttributeValue ?? null;
  const protocols = attrs.filter((a) => a.AttributeName?.startsWith('Protocol-') && String(a.AttributeValue).toLowerCase() === 'true').map((a) => a.AttributeName!.slice('Protocol-'.length));
  return { name: p.PolicyName ?? null, referenceSecurityPolicy: reference, protocols };
}

/**
 * A classic load balancer as DescribeLoadBalancers describes it, with facets `attributes`
 * (DescribeLoadBalancerAttributes), `policies` (DescribeLoadBalancerPolicies) and `tags`.
 */
const classic: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elb.classic-load-balancer', ctx, [dataAt(rec, 'LoadBalancerName'), dataAt(rec, 'DNSName')]);
  const descriptions = (dataAt(rec, 'ListenerDescriptions') as ListenerDescription[] | undefined) ?? [];
  const policies = dataAt(rec, 'policies') as PolicyDescription[] | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'LoadBalancerName'),
    internal: liveDerived(rec, ctx, 'Scheme', dataAt(rec, 'Scheme') === 'internal'),
    listeners: liveDerived(
      rec,
      ctx,
      'ListenerDescriptions',
      descriptions.map((d) => ({ lbProtocol: upper(d.Listener?.Protocol), lbPort: d.Listener?.LoadBalancerPort ?? null, instanceProtocol: upper(d.Listener?.InstanceProtocol), instancePort: d.Listener?.InstancePort ?? null, sslCertificateId: d.Listener?.SSLCertificateId ?? null })),
    ),
    accessLogsEnabled: liveAttr(rec, ctx, 'attributes.AccessLog.Enabled', { default: false }),
    accessLogsBucket: liveAttr(rec, ctx, 'attributes.AccessLog.S3BucketName'),
    listenerPolicies: liveDerived(rec, ctx, 'ListenerDescriptions', descriptions.map((d) => ({ lbPort: d.Listener?.LoadBalancerPort ?? null, policyNames: d.PolicyNames ?? [] }))),
    sslNegotiationPolicies: liveDerived(rec, ctx, 'policies', (policies ?? []).filter((p) => p.PolicyTypeName === 'SSLNegotiationPolicyType').map(sslPolicy), ['policies']),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', dataAt(rec, 'SecurityGroups'), ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  return r;
};

export const elbClassicLiveAdapters: Record<string, LiveAdapter> = { 'AWS::ElasticLoadBalancing::LoadBalancer': classic };
