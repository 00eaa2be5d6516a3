import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { CreateSecretCommand, RotateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export const ACCOUNT = '123456789012';
export const GOOD = 'us-east-1';
export const BAD = 'us-west-2';

/** What the seed created, by role, for the assertions. */
export interface Seeded {
  goodKey: string;
  badKey: string;
  goodDb: string;
  badDb: string;
  appSg: string;
  goodDbSg: string;
  openDbSg: string;
  goodBucket: string;
  badBucket: string;
  trail: string;
  goodLogGroup: string;
  badLogGroup: string;
  goodSecret: string;
  badSecret: string;
}

const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];

/**
 * Seed moto through the SDK (as a user's Terraform would): a compliant stack in us-east-1 and a broken
 * one in us-west-2, plus account-wide settings.
 */
export async function seedAccount(endpoint: string): Promise<Seeded> {
  const cfg = (region: string) => ({ region, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const kmsGood = new KMSClient(cfg(GOOD));
  const kmsBad = new KMSClient(cfg(BAD));
  const goodKey = (await kmsGood.send(new CreateKeyCommand({ Description: 'student data', Tags: [{ TagKey: 'DataClassification', TagValue: 'student-data' }] }))).KeyMetadata!;
  await kmsGood.send(new EnableKeyRotationCommand({ KeyId: goodKey.KeyId }));
  const badKey = (await kmsBad.send(new CreateKeyCommand({ Description: 'no rotation' }))).KeyMetadata!;

  const sg = async (region: string, name: string) => {
    const ec2 = new EC2Client(cfg(region));
    const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
    const id = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc }))).GroupId!;
    return { ec2, id };
  };
  const app = await sg(GOOD, 'app');
  const goodDbSg = await sg(GOOD, 'db-from-app');
  await goodDbSg.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: goodDbSg.id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: app.id }] }] }));
  const openDbSg = await sg(BAD, 'db-open');
  await openDbSg.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: openDbSg.id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));

  const rdsGood = new RDSClient(cfg(GOOD));
  const goodDb = (
    await rdsGood.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'students-good',
        Engine: 'postgres',
        EngineVersion: '16.3',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'app',
        MasterUserPassword: 'seed-only-not-a-secret',
        StorageEncrypted: true,
        KmsKeyId: goodKey.Arn,
        PubliclyAccessible: false,
        BackupRetentionPeriod: 7,
        DeletionProtection: true,
        EnableIAMDatabaseAuthentication: true,
        EnableCloudwatchLogsExports: ['postgresql'],
        VpcSecurityGroupIds: [goodDbSg.id],
        Tags: STUDENT,
      }),
    )
  ).DBInstance!;
  const badDb = (
    await new RDSClient(cfg(BAD)).send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'students-bad',
        Engine: 'postgres',
        EngineVersion: '16.3',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'app',
        MasterUserPassword: 'seed-only-not-a-secret',
        StorageEncrypted: false,
        PubliclyAccessible: true,
        BackupRetentionPeriod: 0,
        VpcSecurityGroupIds: [openDbSg.id],
        Tags: STUDENT,
      }),
    )
  ).DBInstance!;

  const s3Good = new S3Client({ ...cfg(GOOD), forcePathStyle: true });
  const s3Bad = new S3Client({ ...cfg(BAD), forcePathStyle: true });
  await s3Good.send(new CreateBucketCommand({ Bucket: 'students-good' }));
  await s3Good.send(new PutBucketEncryptionCommand({ Bucket: 'students-good', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: goodKey.Arn } }] } }));
  await s3Good.send(new PutPublicAccessBlockCommand({ Bucket: 'students-good', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await s3Good.send(new PutBucketVersioningCommand({ Bucket: 'students-good', VersioningConfiguration: { Status: 'Enabled' } }));
  await s3Good.send(new PutBucketTaggingCommand({ Bucket: 'students-good', Tagging: { TagSet: STUDENT } }));
  await s3Bad.send(new CreateBucketCommand({ Bucket: 'students-bad', CreateBucketConfiguration: { LocationConstraint: BAD } }));
  await s3Bad.send(new PutBucketTaggingCommand({ Bucket: 'students-bad', Tagging: { TagSet: STUDENT } }));
  await new S3ControlClient({ ...cfg(GOOD), endpointProvider: () => ({ url: new URL(endpoint) }) }).send(
    new PutAccountPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }),
  );

  await s3Good.send(new CreateBucketCommand({ Bucket: 'audit-trail-logs' }));
  const ct = new CloudTrailClient(cfg(GOOD));
  const trail = (await ct.send(new CreateTrailCommand({ Name: 'org-trail', S3BucketName: 'audit-trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, KmsKeyId: goodKey.Arn }))).TrailARN!;
  await ct.send(new StartLoggingCommand({ Name: 'org-trail' }));

  const logsGood = new CloudWatchLogsClient(cfg(GOOD));
  await logsGood.send(new CreateLogGroupCommand({ logGroupName: '/app/audit', tags: { DataClassification: 'audit-log' } }));
  await logsGood.send(new PutRetentionPolicyCommand({ logGroupName: '/app/audit', retentionInDays: 400 }));
  await new CloudWatchLogsClient(cfg(BAD)).send(new CreateLogGroupCommand({ logGroupName: '/app/audit', tags: { DataClassification: 'audit-log' } }));

  const smGood = new SecretsManagerClient(cfg(GOOD));
  const goodSecret = (await smGood.send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'seed-only', KmsKeyId: goodKey.Arn }))).ARN!;
  await smGood.send(new RotateSecretCommand({ SecretId: goodSecret, RotationLambdaARN: `arn:aws:lambda:${GOOD}:${ACCOUNT}:function:rotate`, RotationRules: { AutomaticallyAfterDays: 30 } })).catch(() => undefined);
  const badSecret = (await new SecretsManagerClient(cfg(BAD)).send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'seed-only' }))).ARN!;

  const logArn = (region: string) => `arn:aws:logs:${region}:${ACCOUNT}:log-group:/app/audit`;
  return {
    goodKey: goodKey.Arn!,
    badKey: badKey.Arn!,
    goodDb: goodDb.DBInstanceArn!,
    badDb: badDb.DBInstanceArn!,
    appSg: `arn:aws:ec2:${GOOD}:${ACCOUNT}:security-group/${app.id}`,
    goodDbSg: `arn:aws:ec2:${GOOD}:${ACCOUNT}:security-group/${goodDbSg.id}`,
    openDbSg: `arn:aws:ec2:${BAD}:${ACCOUNT}:security-group/${openDbSg.id}`,
    goodBucket: 'arn:aws:s3:::students-good',
    badBucket: 'arn:aws:s3:::students-bad',
    trail,
    goodLogGroup: logArn(GOOD),
    badLogGroup: logArn(BAD),
    goodSecret,
    badSecret,
  };
}
