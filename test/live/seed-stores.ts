import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { AddPermissionCommand, CreateFunctionCommand, CreateFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFileSystemCommand, EFSClient, PutFileSystemPolicyCommand } from '@aws-sdk/client-efs';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the stores seed created: a compliant resource and a broken one of each service. */
export interface SeededStores {
  goodTable: string;
  badTable: string;
  goodTopic: string;
  badTopic: string;
  goodFunction: string;
  badFunction: string;
  goodFileSystem: string;
  badFileSystem: string;
  goodQueue: string;
  badQueue: string;
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
  const role = (
    await new IAMClient(cfg(region)).send(
      new CreateRoleCommand({ RoleName: 'stores-fn', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }),
    )
  ).Role!.Arn!;
  const lambda = new LambdaClient(cfg(region));
  // An empty zip archive: moto stores the package, it never runs it here.
  const zip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
  const fn = async (name: string, good: boolean) => {
    const arn = (
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Role: role,
          Handler: 'app.handler',
          Runtime: good ? 'python3.12' : 'python3.8',
          Code: { ZipFile: zip },
          Environment: { Variables: good ? { STAGE: 'prod', TABLE_NAME: 'sessions-good' } : { DB_PASSWORD: 'seed-only-not-a-secret' } },
          ...(good ? { KMSKeyArn: keyArn } : {}),
          Tags: { DataClassification: 'student-data' },
        }),
      )
    ).FunctionArn!;
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: name,
        StatementId: good ? 'from-bucket' : 'anyone',
        Action: 'lambda:InvokeFunction',
        Principal: good ? 's3.amazonaws.com' : '*',
        ...(good ? { SourceArn: 'arn:aws:s3:::students-good', SourceAccount: '123456789012' } : {}),
      }),
    );
    await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: good ? 'AWS_IAM' : 'NONE' }));
    return arn;
  };
  const efs = new EFSClient(cfg(region));
  const fileSystem = async (token: string, good: boolean) => {
    const fs = await efs.send(new CreateFileSystemCommand({ CreationToken: token, Encrypted: good, Backup: good, ...(good ? { KmsKeyId: keyArn } : {}), Tags: STUDENT }));
    if (good) {
      const arn = fs.FileSystemArn!;
      const policy = {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          { Sid: 'AppMounts', Effect: 'Allow', Principal: { AWS: role }, Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Resource: arn },
        ],
      };
      await efs.send(new PutFileSystemPolicyCommand({ FileSystemId: fs.FileSystemId, Policy: JSON.stringify(policy) }));
    }
    return fs.FileSystemArn ?? `arn:aws:elasticfilesystem:${region}:123456789012:file-system/${fs.FileSystemId}`;
  };
  const sqs = new SQSClient(cfg(region));
  const queue = async (name: string, good: boolean) => {
    const arn = `arn:aws:sqs:${region}:123456789012:${name}`;
    const statements = good
      ? [
          { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          { Sid: 'FromTopic', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn, Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:${region}:123456789012:roster-updates` } } },
        ]
      : [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: arn }];
    await sqs.send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }), ...(good ? { KmsMasterKeyId: keyArn } : {}) },
        tags: { DataClassification: 'student-data' },
      }),
    );
    return arn;
  };
  return {
    goodTable: await table('sessions-good', true),
    badTable: await table('sessions-bad', false),
    goodTopic: await topic('grade-notices-good', true),
    badTopic: await topic('grade-notices-bad', false),
    goodFunction: await fn('roster-sync-good', true),
    badFunction: await fn('roster-sync-bad', false),
    goodFileSystem: await fileSystem('files-good', true),
    badFileSystem: await fileSystem('files-bad', false),
    goodQueue: await queue('roster-jobs-good', true),
    badQueue: await queue('roster-jobs-bad', false),
  };
}
