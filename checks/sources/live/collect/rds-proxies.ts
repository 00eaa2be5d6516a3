import { RDSClient, paginateDescribeDBProxies } from '@aws-sdk/client-rds';
import { items, listAll, plain, type Collector } from './context.js';

/** RDS Proxy: each proxy as DescribeDBProxies describes it (TLS requirement, debug logging, engine family); one paginated call per region. */
export async function collectRdsProxies(c: Collector, region: string): Promise<void> {
  const client = c.client(RDSClient, region);
  const proxies = await listAll(c, 'rds', region, 'rds:DescribeDBProxies', ['AWS::RDS::DBProxy'], () => items(paginateDescribeDBProxies({ client }, {}), (p) => p.DBProxies));
  for (const p of proxies ?? []) {
    if (!p.DBProxyName) continue;
    c.add({ type: 'AWS::RDS::DBProxy', arn: p.DBProxyArn ?? c.arn('rds', region, `db-proxy:${p.DBProxyName}`), region, account: c.accountId, data: plain(p) as Record<string, unknown> });
  }
}
