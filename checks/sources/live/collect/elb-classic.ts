import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Classic load balancers: the description (listeners and the policies enabled on each port), attributes
 * (access logs), the load balancer's policies (SSL negotiation among them) and tags. The IAM actions are the
 * elasticloadbalancing ones ELBv2 uses, plus DescribeLoadBalancerPolicies.
 */
export async function collectElbClassic(c: Collector, region: string): Promise<void> {
  const client = c.client(ElasticLoadBalancingClient, region);
  const lbs = await listAll(c, 'elasticloadbalancing', region, 'elasticloadbalancing:DescribeLoadBalancers', ['AWS::ElasticLoadBalancing::LoadBalancer'], () =>
    items(paginateDescribeLoadBalancers({ client }, {}), (p) => p.LoadBalancerDescriptions),
  );
  await Promise.all(
    (lbs ?? []).map(async (lb) => {
      const name = lb.LoadBalancerName;
      if (!name) return;
      const rec: SnapshotResource = { type: 'AWS::ElasticLoadBalancing::LoadBalancer', arn: c.arn('elasticloadbalancing', region, `loadbalancer/${name}`), region, account: c.accountId, data: plain(lb) as Record<string, unknown> };
      const [attrs, policies, tags] = await Promise.all([
        c.read('elasticloadbalancing', region, 'elasticloadbalancing:DescribeLoadBalancerAttributes', () => client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: name }))),
        c.read('elasticloadbalancing', region, 'elasticloadbalancing:DescribeLoadBalancerPolicies', () => client.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: name }))),
        c.read('elasticloadbalancing', region, 'elasticloadbalancing:DescribeTags', () => client.send(new DescribeTagsCommand({ LoadBalancerNames: [name] }))),
      ]);
      facet(rec, 'attributes', attrs, (v) => plain(v.LoadBalancerAttributes ?? {}));
      facet(rec, 'policies', policies, (v) => plain(v.PolicyDescriptions ?? []));
      facet(rec, 'tags', tags, (v) => tagMap(v.TagDescriptions?.[0]?.Tags));
      c.add(rec);
    }),
  );
}
