import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the stores seed created: a compliant resource and a broken one of each service. */
export interface SeededStores {
  goodTable: string;
  badTable: string;
  goodTopic: string;
  badTopic: string;
}

const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];

/**
 * The stores slice's services (DynamoDB, ...) in one region: one resource that meets every policy and one that
 * breaks each of them.
 */
export async function seedStores(cfg: Cfg, region: string, keyArn: string): Promise<SeededStores> {
  const ddb = new DynamoDBClient(cfg(region));
  const table = async (name: string, good: boolean) => {
    const t = await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        ...(good ? { SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn }, DeletionProtectionEnabled: true } : {}),
        Tags: STUDENT,
      }),
    );
    if (good) {
      await ddb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
      await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));
    }
    return t.TableDescription!.TableArn!;
  };
  const sns = new SNSClient(cfg(region));
  const topic = async (name: string, good: boolean) =>
    (await sns.send(new CreateTopicCommand({ Name: name, Attributes: good ? { KmsMasterKeyId: keyArn } : {}, Tags: STUDENT }))).TopicArn!;
  return {
    goodTable: await table('sessions-good', true),
    badTable: await table('sessions-bad', false),
    goodTopic: await topic('grade-notices-good', true),
    badTopic: await topic('grade-notices-bad', false),
  };
}
