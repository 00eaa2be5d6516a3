import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { CreateClusterCommand, CreateClusterParameterGroupCommand, EnableLoggingCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateClusterCommand as CreateMemoryDbClusterCommand, MemoryDBClient } from '@aws-sdk/client-memorydb';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the search seed created: a compliant resource and a broken one of each service, by ARN. */
export interface SeededSearch {
  goodDomain: string;
  badDomain: string;
  goodWarehouse: string;
  badWarehouse: string;
  goodMemoryDb: string;
  badMemoryDb: string;
}

const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];

/**
 * The search slice's services in one region: an OpenSearch domain that meets every domain policy and an
 * Elasticsearch-engine domain that breaks each; a Redshift cluster on a require_ssl group with audit logging
 * and one on the default group without; a MemoryDB cluster with a customer-managed key, TLS and an ACL of its own and one with none of these (open-access).
 */
export async function seedSearch(cfg: Cfg, region: string, account: string, keyArn: string): Promise<SeededSearch> {
  const os = new OpenSearchClient(cfg(region));
  const good = await os.send(
    new CreateDomainCommand({
      DomainName: 'sis-search',
      EngineVersion: 'OpenSearch_2.11',
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: keyArn },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
      VPCOptions: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: [] },
      LogPublishingOptions: { AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:${account}:log-group:/aws/opensearch/sis-search/audit` } },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: `arn:aws:iam::${account}:role/search-admin` } },
      TagList: STUDENT,
    }),
  );
  const bad = await os.send(new CreateDomainCommand({ DomainName: 'legacy-search', EngineVersion: 'Elasticsearch_7.10', TagList: STUDENT }));

  const rs = new RedshiftClient(cfg(region));
  await rs.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: 'warehouse-tls', ParameterGroupFamily: 'redshift-1.0', Description: 'own group' }));
  // moto does not implement ModifyClusterParameterGroup: every group reads as the engine defaults (require_ssl false).
  const warehouse = async (id: string, ok: boolean) => {
    const out = await rs.send(
      new CreateClusterCommand({
        ClusterIdentifier: id,
        NodeType: 'ra3.xlplus',
        MasterUsername: 'warehouse_admin',
        MasterUserPassword: 'Seed-only-not-a-secret1',
        Encrypted: ok,
        ...(ok ? { KmsKeyId: keyArn, ClusterParameterGroupName: 'warehouse-tls' } : {}),
        PubliclyAccessible: !ok,
        Tags: STUDENT,
      }),
    );
    if (ok) await rs.send(new EnableLoggingCommand({ ClusterIdentifier: id, BucketName: 'warehouse-audit-logs' }));
    return `arn:aws:redshift:${region}:${account}:cluster:${out.Cluster!.ClusterIdentifier}`;
  };

  const mdb = new MemoryDBClient(cfg(region));
  const memorydb = async (name: string, ok: boolean) =>
    (await mdb.send(new CreateMemoryDbClusterCommand({ ClusterName: name, NodeType: 'db.t4g.small', ACLName: ok ? 'rosters-app' : 'open-access', TLSEnabled: ok, ...(ok ? { KmsKeyId: keyArn } : {}), Tags: STUDENT }))).Cluster!.ARN!;

  return {
    goodDomain: good.DomainStatus!.ARN!,
    badDomain: bad.DomainStatus!.ARN!,
    goodWarehouse: await warehouse('sis-warehouse', true),
    badWarehouse: await warehouse('open-warehouse', false),
    goodMemoryDb: await memorydb('rosters', true),
    badMemoryDb: await memorydb('rosters-plain', false),
  };
}
