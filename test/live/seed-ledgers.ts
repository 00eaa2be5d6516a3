import { CreateClusterCommand as CreateDaxClusterCommand, DAXClient } from '@aws-sdk/client-dax';
import { CreateGlobalClusterCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateDatabaseCommand, CreateTableCommand, TimestreamWriteClient } from '@aws-sdk/client-timestream-write';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the ledgers seed created: a compliant resource and a broken one of each service moto implements, by ARN. */
export interface SeededLedgers {
  goodDax: string;
  badDax: string;
  goodGlobal: string;
  badGlobal: string;
  goodTimestreamDb: string;
  badTimestreamDb: string;
  goodTimestreamTable: string;
  badTimestreamTable: string;
}

const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];

/**
 * The ledgers slice's services in one region: a DAX cluster with server-side encryption and a TLS endpoint and
 * one with neither; an encrypted Aurora global database and an unencrypted one; a Timestream database under the
 * customer-managed key `keyArn` and one under moto's default key, each with a table.
 */
export async function seedLedgers(cfg: Cfg, region: string, account: string, keyArn: string): Promise<SeededLedgers> {
  const dax = new DAXClient(cfg(region));
  const daxCluster = async (name: string, ok: boolean) => {
    const out = await dax.send(
      new CreateDaxClusterCommand({
        ClusterName: name,
        NodeType: 'dax.r5.large',
        ReplicationFactor: 1,
        IamRoleArn: `arn:aws:iam::${account}:role/dax-sis`,
        ...(ok ? { SSESpecification: { Enabled: true }, ClusterEndpointEncryptionType: 'TLS' } : {}),
        Tags: STUDENT,
      }),
    );
    return out.Cluster!.ClusterArn!;
  };
  const rds = new RDSClient(cfg(region));
  const globalCluster = async (id: string, ok: boolean) =>
    (await rds.send(new CreateGlobalClusterCommand({ GlobalClusterIdentifier: id, Engine: 'aurora-postgresql', StorageEncrypted: ok, DeletionProtection: ok }))).GlobalCluster!.GlobalClusterArn!;
  const ts = new TimestreamWriteClient(cfg(region));
  const timestream = async (name: string, ok: boolean) => {
    const db = await ts.send(new CreateDatabaseCommand({ DatabaseName: name, ...(ok ? { KmsKeyId: keyArn } : {}), Tags: STUDENT }));
    const table = await ts.send(new CreateTableCommand({ DatabaseName: name, TableName: 'logins', Tags: STUDENT }));
    return [db.Database!.Arn!, table.Table!.Arn!] as const;
  };
  const [goodTimestreamDb, goodTimestreamTable] = await timestream('sis-activity', true);
  const [badTimestreamDb, badTimestreamTable] = await timestream('old-activity', false);
  return {
    goodDax: await daxCluster('sis-sessions', true),
    badDax: await daxCluster('old-sessions', false),
    goodGlobal: await globalCluster('sis-global', true),
    badGlobal: await globalCluster('old-global', false),
    goodTimestreamDb,
    badTimestreamDb,
    goodTimestreamTable,
    badTimestreamTable,
  };
}
