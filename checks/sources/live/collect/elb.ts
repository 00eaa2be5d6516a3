import { DescribeLoadBalancerAttributesCommand, DescribeTagsCommand, ElasticLoadBalancingV2Client, paginateDescribeListeners, paginateDescribeLoadBalancers } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/** ELBv2: load balancers with attributes and tags, and their listeners (protocol, TLS policy, default actions). */
export async function collectElb(c: Collector, region: string): Promise<void> {
  const client = c.client(ElasticLoadBalancingV2Client, region);
  const lbs = await listAll(c, 'elasticloadbalancing', region, 'elasticloadbalancing:DescribeLoadBalancers', ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener'], () =>
    items(paginateDescribeLoadBalancers({ client }, {}), (p) => p.LoadBalancers),
  );
  await Promise.all(
    (lbs ?? []).map(async (lb) => {
      const arn = lb.LoadBalancerArn!;
      const rec: SnapshotResource = { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', arn, region, account: c.accountId, data: plain(lb) as Record<string, unknown> };
      const waf = c.client(WAFV2Client, region);
      const [attrs, tags, acl] = await Promise.all([
        c.read('elasticloadbalancing', region, 'elasticloadbalancing:DescribeLoadBalancerAttributes', () => client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))),
        c.read('elasticloadbalancing', region, 'elasticloadbalancing:DescribeTags', () => client.send(new DescribeTagsCommand({ ResourceArns: [arn] }))),
        lb.Type === 'application' ? c.read('wafv2', region, 'wafv2:GetWebACLForResource', () => waf.send(new GetWebACLForResourceCommand({ ResourceArn: arn }))) : undefined,
      ]);
      if (acl) facet(rec, 'webAcl', acl, (v) => v.WebACL?.ARN ?? null);
      facet(rec, 'attributes', attrs, (v) => Object.fromEntries((v.Attributes ?? []).map((a) => [a.Key, a.Value])));
      facet(rec, 'tags', tags, (v) => tagMap(v.TagDescriptions?.[0]?.Tags));
      c.add(rec);
      const listeners = await listAll(c, 'elasticloadbalancing', region, 'elasticloadbalancing:DescribeListeners', ['AWS::ElasticLoadBalancingV2::Listener'], () =>
        items(paginateDescribeListeners({ client }, { LoadBalancerArn: arn }), (p) => p.Listeners),
      );
      for (const l of listeners ?? []) c.add({ type: 'AWS::ElasticLoadBalancingV2::Listener', arn: l.ListenerArn!, region, account: c.accountId, data: plain(l) as Record<string, unknown> });
    }),
  );
}
