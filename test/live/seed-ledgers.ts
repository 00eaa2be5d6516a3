import { CreateClusterCommand as CreateDaxClusterCommand, DAXClient } from '@aws-sdk/client-dax';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the ledgers seed created: a compliant resource and a broken one of each service moto implements, by ARN. */
export interface SeededLedgers {
  goodDax: string;
  badDax: string;
}

const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];

/**
 * The ledgers slice's services in one region: a DAX cluster with server-side encryption and a TLS endpoint and
 * one with neither.
 */
export async function seedLedgers(cfg: Cfg, region: string, account: string): Promise<SeededLedgers> {
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
  return { goodDax: await daxCluster('sis-sessions', true), badDax: await daxCluster('old-sessions', false) };
}
