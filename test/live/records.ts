/**
 * Live snapshot records for tests, in the shape the collectors write (compliant by default; overrides
 * break one thing), and a snapshot around them. Test helpers only: fixtures under fixtures/ are
 * hand-owned (docs/conventions.md), these build the in-test snapshots of the live and identity tests.
 */
import type { Snapshot, SnapshotResource } from '../../checks/sources/live/snapshot.js';

export const A = '111122223333';
export const R = 'us-east-1';
const arn = (svc: string, res: string, region = R) => `arn:aws:${svc}:${region}:${A}:${res}`;
const STUDENT = { DataClassification: 'student-data' };
const CMK = arn('kms', 'key/0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e');

type Rec = SnapshotResource;
type Data = Record<string, unknown>;

function rec(type: string, a: string, data: Data, region = R): Rec {
  return { type, arn: a, region, account: A, data };
}

// ------------------------------------------------------------------------------------------------
// Records, compliant by default; overrides make them break one thing.

export const cmk = (over: Data = {}, id = '0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e'): Rec =>
  rec('AWS::KMS::Key', arn('kms', `key/${id}`), {
    KeyId: id,
    KeyArn: arn('kms', `key/${id}`),
    Description: 'student data',
    KeyManager: 'CUSTOMER',
    KeyState: 'Enabled',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    Origin: 'AWS_KMS',
    MultiRegion: false,
    Aliases: ['alias/students'],
    rotation: { enabled: true, periodInDays: 365 },
    policy: { Version: '2012-10-17', Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }] },
    tags: STUDENT,
    ...over,
  });

export const awsManagedKey = (service: string, id: string): Rec =>
  rec('AWS::KMS::Key', arn('kms', `key/${id}`), { KeyId: id, KeyArn: arn('kms', `key/${id}`), KeyManager: 'AWS', KeyState: 'Enabled', KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS', Aliases: [`alias/aws/${service}`] });

export const bucket = (name: string, over: Data = {}): Rec =>
  rec(
    'AWS::S3::Bucket',
    `arn:aws:s3:::${name}`,
    {
      Name: name,
      encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: CMK }, BucketKeyEnabled: true }] },
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      versioning: { Status: 'Enabled', MFADelete: null },
      policy: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
      },
      lifecycle: [{ ID: 'dispose', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 60 }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }],
      logging: { TargetBucket: 'access-logs-111122223333', TargetPrefix: `${name}/` },
      tags: STUDENT,
      acl: { Owner: 'owner', Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] },
      ...over,
    },
  );

export const trail = (over: Data = {}, name = 'org-trail'): Rec =>
  rec('AWS::CloudTrail::Trail', arn('cloudtrail', `trail/${name}`), {
    Name: name,
    S3BucketName: 'cloudtrail-111122223333',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: R,
    TrailARN: arn('cloudtrail', `trail/${name}`),
    LogFileValidationEnabled: true,
    KmsKeyId: CMK,
    IsOrganizationTrail: false,
    status: { IsLogging: true, LatestDeliveryError: null },
    eventSelectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], AdvancedEventSelectors: [] },
    tags: {},
    ...over,
  });

export const logGroup = (name: string, over: Data = {}): Rec =>
  rec('AWS::Logs::LogGroup', arn('logs', `log-group:${name}`), { logGroupName: name, arn: arn('logs', `log-group:${name}:*`), retentionInDays: 400, kmsKeyId: CMK, logGroupClass: 'STANDARD', tags: { DataClassification: 'audit-log' }, ...over });

export const secret = (name: string, over: Data = {}): Rec =>
  rec('AWS::SecretsManager::Secret', arn('secretsmanager', `secret:${name}-AbCdEf`), {
    ARN: arn('secretsmanager', `secret:${name}-AbCdEf`),
    Name: name,
    KmsKeyId: CMK,
    RotationEnabled: true,
    RotationLambdaARN: arn('lambda', 'function:rotate-db'),
    RotationRules: { AutomaticallyAfterDays: 30 },
    Tags: STUDENT,
    ...over,
  });

export const dbInstance = (id: string, over: Data = {}): Rec =>
  rec('AWS::RDS::DBInstance', arn('rds', `db:${id}`), {
    DBInstanceIdentifier: id,
    DBInstanceArn: arn('rds', `db:${id}`),
    DBInstanceClass: 'db.t4g.medium',
    Engine: 'postgres',
    EngineVersion: '16.3',
    StorageEncrypted: true,
    KmsKeyId: CMK,
    PubliclyAccessible: false,
    BackupRetentionPeriod: 14,
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    MasterUserSecret: { SecretArn: arn('secretsmanager', 'secret:rds!db-1-AbCdEf'), SecretStatus: 'active', KmsKeyId: CMK },
    EnabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    CopyTagsToSnapshot: true,
    PerformanceInsightsEnabled: true,
    PerformanceInsightsKMSKeyId: CMK,
    MultiAZ: true,
    DBParameterGroups: [{ DBParameterGroupName: 'students-pg16', ParameterApplyStatus: 'in-sync' }],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db', Status: 'active' }],
    parameters: { 'rds.force_ssl': { value: '1', source: 'user' }, log_connections: { value: '1', source: 'user' }, log_disconnections: { value: '1', source: 'user' } },
    Tags: STUDENT,
    ...over,
  });

export const dbCluster = (id: string, over: Data = {}): Rec =>
  rec('AWS::RDS::DBCluster', arn('rds', `cluster:${id}`), {
    DBClusterIdentifier: id,
    DBClusterArn: arn('rds', `cluster:${id}`),
    Engine: 'aurora-postgresql',
    EngineVersion: '16.2',
    EngineMode: 'provisioned',
    StorageEncrypted: true,
    KmsKeyId: CMK,
    BackupRetentionPeriod: 14,
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    MasterUserSecret: { SecretArn: arn('secretsmanager', 'secret:rds!cluster-1-AbCdEf'), SecretStatus: 'active', KmsKeyId: CMK },
    EnabledCloudwatchLogsExports: ['postgresql'],
    CopyTagsToSnapshot: true,
    DBClusterParameterGroup: 'students-aurora16',
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db', Status: 'active' }],
    parameters: { 'rds.force_ssl': { value: '1', source: 'user' }, log_connections: { value: '1', source: 'user' }, log_disconnections: { value: '1', source: 'user' } },
    Tags: STUDENT,
    ...over,
  });

export const sg = (id: string, over: Data = {}): Rec =>
  rec('AWS::EC2::SecurityGroup', arn('ec2', `security-group/${id}`), {
    GroupId: id,
    GroupName: id,
    Description: id,
    OwnerId: A,
    VpcId: 'vpc-0a',
    IpPermissions: [],
    IpPermissionsEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [], UserIdGroupPairs: [], PrefixListIds: [] }],
    Tags: {},
    ...over,
  });

export const tcpFrom = (port: number, source: { cidr?: string; group?: string }) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: source.cidr ? [{ CidrIp: source.cidr }] : [],
  Ipv6Ranges: [],
  UserIdGroupPairs: source.group ? [{ GroupId: source.group, UserId: A }] : [],
  PrefixListIds: [],
});

export const vpc = (id: string, over: Data = {}): Rec => rec('AWS::EC2::VPC', arn('ec2', `vpc/${id}`), { VpcId: id, CidrBlock: '10.0.0.0/16', IsDefault: false, OwnerId: A, Tags: {}, ...over });
export const flowLog = (id: string, over: Data = {}): Rec =>
  rec('AWS::EC2::FlowLog', arn('ec2', `vpc-flow-log/${id}`), { FlowLogId: id, ResourceId: 'vpc-0a', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: '/vpc/flow-logs', LogDestination: arn('logs', 'log-group:/vpc/flow-logs'), MaxAggregationInterval: 600, Tags: {}, ...over });
export const subnet = (id: string, over: Data = {}): Rec =>
  rec('AWS::EC2::Subnet', arn('ec2', `subnet/${id}`), { SubnetId: id, SubnetArn: arn('ec2', `subnet/${id}`), VpcId: 'vpc-0a', CidrBlock: '10.0.1.0/24', AvailabilityZone: `${R}a`, MapPublicIpOnLaunch: false, AssignIpv6AddressOnCreation: false, DefaultForAz: false, Tags: {}, ...over });
export const volume = (id: string, over: Data = {}): Rec =>
  rec('AWS::EC2::Volume', arn('ec2', `volume/${id}`), { VolumeId: id, Encrypted: true, KmsKeyId: CMK, Size: 20, VolumeType: 'gp3', AvailabilityZone: `${R}a`, Tags: STUDENT, ...over });

export const redis = (id: string, over: Data = {}): Rec =>
  rec('AWS::ElastiCache::ReplicationGroup', arn('elasticache', `replicationgroup:${id}`), {
    ReplicationGroupId: id,
    ARN: arn('elasticache', `replicationgroup:${id}`),
    Engine: 'redis',
    AtRestEncryptionEnabled: true,
    TransitEncryptionEnabled: true,
    TransitEncryptionMode: 'required',
    AuthTokenEnabled: true,
    KmsKeyId: CMK,
    SnapshotRetentionLimit: 7,
    tags: STUDENT,
    ...over,
  });

export const cacheCluster = (id: string, over: Data = {}): Rec =>
  rec('AWS::ElastiCache::CacheCluster', arn('elasticache', `cluster:${id}`), {
    CacheClusterId: id,
    ARN: arn('elasticache', `cluster:${id}`),
    Engine: 'redis',
    EngineVersion: '7.1',
    CacheNodeType: 'cache.t4g.small',
    NumCacheNodes: 1,
    AtRestEncryptionEnabled: true,
    TransitEncryptionEnabled: true,
    AuthTokenEnabled: true,
    SecurityGroups: [{ SecurityGroupId: 'sg-0cache', Status: 'active' }],
    tags: STUDENT,
    ...over,
  });

const LB = arn('elasticloadbalancing', 'loadbalancer/app/web/50dc6c495c0c9188');
export const alb = (over: Data = {}): Rec =>
  rec('AWS::ElasticLoadBalancingV2::LoadBalancer', LB, {
    LoadBalancerArn: LB,
    LoadBalancerName: 'web',
    Type: 'application',
    Scheme: 'internet-facing',
    SecurityGroups: ['sg-0lb'],
    AvailabilityZones: [{ ZoneName: `${R}a`, SubnetId: 'subnet-0pub1' }],
    attributes: {
      'deletion_protection.enabled': 'true',
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': 'access-logs-111122223333',
      'access_logs.s3.prefix': 'web',
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'routing.http.desync_mitigation_mode': 'defensive',
    },
    webAcl: arn('wafv2', 'regional/webacl/edge/0f1e2d3c'),
    tags: {},
    ...over,
  });

export const listener = (id: string, over: Data = {}): Rec =>
  rec('AWS::ElasticLoadBalancingV2::Listener', arn('elasticloadbalancing', `listener/app/web/50dc6c495c0c9188/${id}`), {
    ListenerArn: arn('elasticloadbalancing', `listener/app/web/50dc6c495c0c9188/${id}`),
    LoadBalancerArn: LB,
    Port: 443,
    Protocol: 'HTTPS',
    SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    Certificates: [{ CertificateArn: arn('acm', 'certificate/1234') }],
    DefaultActions: [{ Type: 'forward', Order: 1, TargetGroupArn: arn('elasticloadbalancing', 'targetgroup/api/1') }],
    ...over,
  });

export const httpRedirect = (over: Data = {}) =>
  listener('80http', { Port: 80, Protocol: 'HTTP', SslPolicy: undefined, Certificates: undefined, DefaultActions: [{ Type: 'redirect', Order: 1, RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }], ...over });

export const vault = (name: string, over: Data = {}): Rec =>
  rec('AWS::Backup::BackupVault', arn('backup', `backup-vault:${name}`), { BackupVaultName: name, BackupVaultArn: arn('backup', `backup-vault:${name}`), EncryptionKeyArn: CMK, Locked: true, MinRetentionDays: 7, MaxRetentionDays: 60, tags: {}, ...over });

export const plan = (id: string, rules: Data[], over: Data = {}): Rec =>
  rec('AWS::Backup::BackupPlan', arn('backup', `backup-plan:${id}`), {
    BackupPlanArn: arn('backup', `backup-plan:${id}`),
    BackupPlanId: id,
    BackupPlanName: 'students-daily',
    plan: { BackupPlanName: 'students-daily', Rules: rules },
    selections: [],
    tags: {},
    ...over,
  });

export const rule = (over: Data = {}): Data => ({ RuleName: 'daily', TargetBackupVaultName: 'students', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 }, CopyActions: [], ...over });

export const taskDef = (family: string, containers: Data[], over: Data = {}): Rec =>
  rec('AWS::ECS::TaskDefinition', arn('ecs', `task-definition/${family}:3`), {
    taskDefinitionArn: arn('ecs', `task-definition/${family}:3`),
    family,
    revision: 3,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    executionRoleArn: `arn:aws:iam::${A}:role/${family}-execution`,
    taskRoleArn: `arn:aws:iam::${A}:role/${family}-task`,
    containerDefinitions: containers,
    tags: {},
    ...over,
  });

export const container = (over: Data = {}): Data => ({
  name: 'api',
  image: `${A}.dkr.ecr.${R}.amazonaws.com/api:1.4.2`,
  essential: true,
  environment: [{ name: 'PORT', shape: 'flag', value: '8000', valueLength: 4, valueSha256: 'c2a4b8e1f0d3' }],
  secrets: [{ name: 'DB_PASSWORD', valueFrom: arn('secretsmanager', 'secret:db-password-AbCdEf') }],
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api', 'awslogs-region': R } },
  ...over,
});

export const role = (name: string, trust: unknown, over: Data = {}): Rec =>
  rec('AWS::IAM::Role', `arn:aws:iam::${A}:role/${name}`, { RoleName: name, RoleId: `AROA${name.toUpperCase()}`, Arn: `arn:aws:iam::${A}:role/${name}`, Path: '/', AssumeRolePolicyDocument: trust, MaxSessionDuration: 3600, inlinePolicies: [], attachedPolicies: [], ...over }, 'global');

export const user = (name: string, over: Data = {}): Rec =>
  rec('AWS::IAM::User', `arn:aws:iam::${A}:user/${name}`, { UserName: name, UserId: `AIDA${name.toUpperCase()}`, Arn: `arn:aws:iam::${A}:user/${name}`, Path: '/', inlinePolicies: [], attachedPolicies: [], ...over }, 'global');

export const managedPolicy = (name: string, statements: unknown[]): Rec =>
  rec('AWS::IAM::ManagedPolicy', `arn:aws:iam::${A}:policy/${name}`, { PolicyName: name, PolicyId: `ANPA${name.toUpperCase()}`, Arn: `arn:aws:iam::${A}:policy/${name}`, DefaultVersionId: 'v1', AttachmentCount: 1, document: { Version: '2012-10-17', Statement: statements } }, 'global');

// ------------------------------------------------------------------------------------------------

export interface Settings {
  regions?: string[];
  ebsEncryptionByDefault?: boolean;
  s3AccountPublicAccessBlock?: Data | null;
}

export function snapshot(resources: Rec[], settings: Settings = {}, notes: string[] = []): Snapshot {
  const regions = settings.regions ?? [R];
  return {
    snapshotVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0' },
    collectedAt: '2026-01-01T00:00:00.000Z',
    account: { id: A, partition: 'aws', callerArn: `arn:aws:sts::${A}:assumed-role/ferpa-audit/ferpa-ready-audit` },
    regions,
    resources,
    accountSettings: [
      ...regions.map((region) => ({ region, data: { ebsEncryptionByDefault: settings.ebsEncryptionByDefault ?? true, ebsDefaultKmsKeyId: CMK } })),
      {
        region: 'global',
        data: {
          s3AccountPublicAccessBlock: settings.s3AccountPublicAccessBlock === undefined ? { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } : settings.s3AccountPublicAccessBlock,
          iamAccountSummary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
        },
      },
    ],
    calls: [],
    errors: [],
    ...(notes.length ? { notes } : {}),
  };
}
