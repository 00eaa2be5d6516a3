import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { CreateSecretCommand, RotateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { CreateClusterCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { CreateListenerCommand, CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AttachUserPolicyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateDBClusterCommand, CreateDBClusterParameterGroupCommand } from '@aws-sdk/client-rds';
import { CreateFlowLogsCommand, CreateVolumeCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
// doors (issue 14)
import { seedFrontDoors } from './seed-doors.js';
// stores slice
import { seedStores } from './seed-stores.js';
// search slice
import { seedSearch } from './seed-search.js';

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
export async function seedAccount(endpoint: string, opts: { everyKind?: boolean } = {}): Promise<Seeded> {
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
        // AWS's default for a new instance (moto's own default, rds-ca-default, is no CA AWS has)
        CACertificateIdentifier: 'rds-ca-rsa2048-g1',
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
        // AWS's default for a new instance (moto's own default, rds-ca-default, is no CA AWS has)
        CACertificateIdentifier: 'rds-ca-rsa2048-g1',
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

  if (opts.everyKind) await seedEveryKind(cfg, goodKey.Arn!);

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

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** One resource of every other kind the collectors read, so every collector code path makes its calls. */
async function seedEveryKind(cfg: Cfg, keyArn: string): Promise<void> {
  const ec2 = new EC2Client(cfg(GOOD));
  const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).Subnets!.map((s) => s.SubnetId!);
  await new S3Client({ ...cfg(GOOD), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'flow-logs-archive' }));
  await ec2.send(new CreateFlowLogsCommand({ ResourceIds: [vpc], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::flow-logs-archive' }));
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${GOOD}a`, Size: 8, Encrypted: true, KmsKeyId: keyArn }));

  const rds = new RDSClient(cfg(GOOD));
  await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'aurora-tls', DBParameterGroupFamily: 'aurora-postgresql15', Description: 'tls' }));
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: 'students-aurora',
      Engine: 'aurora-postgresql',
      EngineVersion: '15.4',
      MasterUsername: 'app',
      MasterUserPassword: 'seed-only-not-a-secret',
      StorageEncrypted: true,
      KmsKeyId: keyArn,
      DBClusterParameterGroupName: 'aurora-tls',
      BackupRetentionPeriod: 7,
    }),
  );

  const elb = new ElasticLoadBalancingV2Client(cfg(GOOD));
  const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: subnets.slice(0, 2), Scheme: 'internet-facing', Type: 'application' }))).LoadBalancers![0]!;
  await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }));

  const backup = new BackupClient(cfg(GOOD));
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'students', EncryptionKeyArn: keyArn }));
  await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'students', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }] } }));

  const ecs = new ECSClient(cfg(GOOD));
  await ecs.send(new CreateClusterCommand({ clusterName: 'app' }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'api',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'api', image: 'api:1', essential: true, environment: [{ name: 'DB_PASSWORD', value: 'plaintext-in-env' }] }],
    }),
  );

  await new ElastiCacheClient(cfg(GOOD)).send(
    new CreateReplicationGroupCommand({ ReplicationGroupId: 'sessions', ReplicationGroupDescription: 'sessions', Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 1, AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true }),
  );

  const iam = new IAMClient(cfg(GOOD));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  await iam.send(new CreateRoleCommand({ RoleName: 'api-task', AssumeRolePolicyDocument: trust }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'api-task', PolicyName: 'read-bucket', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::students-good/*' }] }) }));
  const admin = (await iam.send(new CreatePolicyCommand({ PolicyName: 'everything', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }))).Policy!;
  await iam.send(new CreateUserCommand({ UserName: 'ops' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ops', PolicyArn: admin.Arn }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'ops', PolicyName: 'inline', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }) }));

  // guard slice: a CIS password policy, and GuardDuty (S3 and RDS protection) in the compliant region only.
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, PasswordReusePrevention: 24 }));
  await new GuardDutyClient(cfg(GOOD)).send(
    new CreateDetectorCommand({ Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' }] }),
  );
  // doors (issue 14)
  await seedFrontDoors(cfg);
  // stores slice: DynamoDB, EFS, SQS, SNS, Lambda
  await seedStores(cfg, GOOD, keyArn);
  // search slice: OpenSearch/Elasticsearch domains, Redshift, MemoryDB
  await seedSearch(cfg, GOOD, ACCOUNT, keyArn);
}
