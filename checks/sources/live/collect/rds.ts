import { DescribeDBClusterParametersCommand, DescribeDBParametersCommand, RDSClient, paginateDescribeDBClusters, paginateDescribeDBInstances, type Parameter } from '@aws-sdk/client-rds';
import { facet, items, listAll, plain, tagMap, type Collector, type Read } from './context.js';

type KeptParameters = Record<string, { value: string | null; source: string | null }>;
import type { SnapshotResource } from '../snapshot.js';
import { pushAll } from '../../../util/push-all.js';

/** Parameters the catalog reads (TLS, statement and connection logging, DocumentDB's TLS and audit log, Neptune's audit log); the rest of a group is not kept. */
export const RDS_PARAMETERS = [
  'rds.force_ssl',
  'require_secure_transport',
  'ssl',
  'log_statement',
  'log_connections',
  'log_disconnections',
  'log_min_duration_statement',
  'pgaudit.log',
  'shared_preload_libraries',
  'server_audit_events',
  'server_audit_logging',
  // DocumentDB and Neptune cluster parameter groups (the same API)
  'tls',
  'audit_logs',
  'neptune_enable_audit_log',
];

function keep(params: Array<{ ParameterName?: string; ParameterValue?: string; Source?: string }> | undefined): Record<string, { value: string | null; source: string | null }> {
  const out: Record<string, { value: string | null; source: string | null }> = {};
  for (const p of params ?? []) if (p.ParameterName && RDS_PARAMETERS.includes(p.ParameterName)) out[p.ParameterName] = { value: p.ParameterValue ?? null, source: p.Source ?? null };
  return out;
}

/** Reads of parameter groups in one region, once per group, shared by every instance or cluster that uses it. */
export function parameterReader(c: Collector, region: string): (name: string, cluster: boolean) => Promise<Read<KeptParameters>> {
  const client = c.client(RDSClient, region);
  const groupReads = new Map<string, Promise<Read<KeptParameters>>>();
  return (name, cluster) => {
    const key = `${cluster ? 'c' : 'i'}|${name}`;
    let p = groupReads.get(key);
    if (!p) {
      p = cluster
        ? c.read('rds', region, 'rds:DescribeDBClusterParameters', async () => {
            const all: Parameter[] = [];
            let Marker: string | undefined;
            do {
              const out = await client.send(new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: name, Marker }));
              pushAll(all, out.Parameters ?? []);
              Marker = out.Marker;
            } while (Marker);
            return keep(all);
          })
        : c.read('rds', region, 'rds:DescribeDBParameters', async () => {
            const all: Parameter[] = [];
            let Marker: string | undefined;
            do {
              const out = await client.send(new DescribeDBParametersCommand({ DBParameterGroupName: name, Marker }));
              pushAll(all, out.Parameters ?? []);
              Marker = out.Marker;
            } while (Marker);
            return keep(all);
          });
      groupReads.set(key, p);
    }
    return p;
  };
}

/** Snapshot types of the clusters DescribeDBClusters returns for the DocumentDB and Neptune engines. */
const OTHER_ENGINE_TYPES = ['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'];

/** Snapshot types of the instances DescribeDBInstances returns for the DocumentDB and Neptune engines. */
const OTHER_ENGINE_INSTANCE_TYPES = ['AWS::DocDB::DBInstance', 'AWS::Neptune::DBInstance'];

function instanceType(engine: string | undefined): string {
  if (engine === 'docdb') return 'AWS::DocDB::DBInstance';
  if (engine === 'neptune') return 'AWS::Neptune::DBInstance';
  return 'AWS::RDS::DBInstance';
}

function clusterType(engine: string | undefined): string {
  if (engine === 'docdb') return 'AWS::DocDB::DBCluster';
  if (engine === 'neptune') return 'AWS::Neptune::DBCluster';
  return 'AWS::RDS::DBCluster';
}

/** RDS: DB instances and clusters (DocumentDB and Neptune clusters typed as theirs), each RDS one and each DocumentDB or Neptune cluster with the relevant values of its parameter group. */
export async function collectRds(c: Collector, region: string): Promise<void> {
  const client = c.client(RDSClient, region);
  const [instances, clusters] = await Promise.all([
    c.covered('AWS::RDS::DBInstance') ? [] : listAll(c, 'rds', region, 'rds:DescribeDBInstances', ['AWS::RDS::DBInstance', ...OTHER_ENGINE_INSTANCE_TYPES], () => items(paginateDescribeDBInstances({ client }, {}), (p) => p.DBInstances)),
    // The RDS API lists DocumentDB and Neptune clusters too: a failed list leaves all three unseen.
    c.covered('AWS::RDS::DBCluster') ? [] : listAll(c, 'rds', region, 'rds:DescribeDBClusters', ['AWS::RDS::DBCluster', ...OTHER_ENGINE_TYPES], () => items(paginateDescribeDBClusters({ client }, {}), (p) => p.DBClusters)),
  ]);

  const readGroup = parameterReader(c, region);

  await Promise.all(
    (instances ?? []).map(async (db) => {
      const type = instanceType(db.Engine);
      const rec: SnapshotResource = {
        type,
        arn: db.DBInstanceArn ?? c.arn('rds', region, `db:${db.DBInstanceIdentifier}`),
        region,
        account: c.accountId,
        data: plain({ ...db, TagList: undefined, Tags: tagMap(db.TagList) }) as Record<string, unknown>,
      };
      const group = db.DBParameterGroups?.[0]?.DBParameterGroupName;
      if (group && type === 'AWS::RDS::DBInstance') facet(rec, 'parameters', await readGroup(group, false));
      c.add(rec);
    }),
  );
  await Promise.all(
    (clusters ?? []).map(async (cl) => {
      const type = clusterType(cl.Engine);
      const rec: SnapshotResource = {
        type,
        arn: cl.DBClusterArn ?? c.arn('rds', region, `cluster:${cl.DBClusterIdentifier}`),
        region,
        account: c.accountId,
        data: plain({ ...cl, TagList: undefined, Tags: tagMap(cl.TagList) }) as Record<string, unknown>,
      };
      if (cl.DBClusterParameterGroup && (type === 'AWS::RDS::DBCluster' || type === 'AWS::DocDB::DBCluster' || type === 'AWS::Neptune::DBCluster')) facet(rec, 'parameters', await readGroup(cl.DBClusterParameterGroup, true));
      c.add(rec);
    }),
  );
}
