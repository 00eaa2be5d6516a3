import { DatabaseMigrationServiceClient, paginateDescribeEndpoints, paginateDescribeReplicationInstances } from '@aws-sdk/client-database-migration-service';
import { items, listAll, plain, type Collector } from './context.js';

/**
 * Database Migration Service: replication instances (public address) and endpoints (engine, TLS mode), one
 * paginated describe each per region; both describe their resources whole. Endpoint passwords are never read
 * (DescribeEndpoints does not return them).
 */
export async function collectDms(c: Collector, region: string): Promise<void> {
  const client = c.client(DatabaseMigrationServiceClient, region);
  const [instances, endpoints] = await Promise.all([
    listAll(c, 'dms', region, 'dms:DescribeReplicationInstances', ['AWS::DMS::ReplicationInstance'], () => items(paginateDescribeReplicationInstances({ client }, {}), (p) => p.ReplicationInstances)),
    listAll(c, 'dms', region, 'dms:DescribeEndpoints', ['AWS::DMS::Endpoint'], () => items(paginateDescribeEndpoints({ client }, {}), (p) => p.Endpoints)),
  ]);
  for (const i of instances ?? []) {
    if (i.ReplicationInstanceArn) c.add({ type: 'AWS::DMS::ReplicationInstance', arn: i.ReplicationInstanceArn, region, account: c.accountId, data: plain(i) as Record<string, unknown> });
  }
  for (const e of endpoints ?? []) {
    if (e.EndpointArn) c.add({ type: 'AWS::DMS::Endpoint', arn: e.EndpointArn, region, account: c.accountId, data: plain({ ...e, Password: undefined }) as Record<string, unknown> });
  }
}
