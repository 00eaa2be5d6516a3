/**
 * Builders for recorded live snapshots (`fixtures/<policy>/{pass,fail}/live.json`): each builder returns a
 * snapshot record in the shape the collectors in checks/sources/live/collect write (the AWS API
 * response, tags as an object, facets such as `parameters`, `attributes`, `plan` beside it).
 * Account 111122223333, region us-east-1; every ARN in the real AWS format.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serializeSnapshot, validateSnapshot, type Snapshot, type SnapshotAccountSettings, type SnapshotResource } from '../../../checks/sources/live/snapshot.js';

export const ACCT = '111122223333';
export const R = 'us-east-1';
export type Rec = SnapshotResource;
type Data = Record<string, unknown>;

export const arn = (service: string, resource: string, region: string = R): string => `arn:aws:${service}:${region}:${ACCT}:${resource}`;
export const accountArnOf = (region: string = R): string => `arn:aws::${region}:${ACCT}:account`;

function rec(type: string, recArn: string, data: Data, region: string = R): Rec {
  return { type, arn: recArn, region, account: ACCT, data };
}

/** Deep-merge `over` into `base` (objects merge, everything else replaces; `undefined` deletes). */
function merge(base: Data, over: Data = {}): Data {
  const out: Data = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else if (v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k])) out[k] = merge(out[k] as Data, v as Data);
    else out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------- KMS
export const CMK_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const CMK = arn('kms', `key/${CMK_ID}`);
export const AWS_RDS_KEY = arn('kms', 'key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
export const AWS_BACKUP_KEY = arn('kms', 'key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d');

export function customerKey(keyArn = CMK, alias = 'alias/sis-data'): Rec {
  const id = keyArn.split('/').pop()!;
  return rec('AWS::KMS::Key', keyArn, {
    KeyId: id,
    KeyArn: keyArn,
    AWSAccountId: ACCT,
    Arn: keyArn,
    CreationDate: '2025-08-04T14:12:09.000Z',
    Enabled: true,
    Description: 'Student information system data key',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    Aliases: [alias],
    rotation: { enabled: true, periodInDays: 365 },
    policy: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'EnableRootAccess', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'kms:*', Resource: '*' }],
    },
    tags: { DataClassification: 'student-data', Owner: 'registrar-it' },
  });
}

/** An AWS-managed key (alias/aws/<service>): metadata only, as the collector reads it. */
export function awsManagedKey(keyArn: string, service: string): Rec {
  const id = keyArn.split('/').pop()!;
  return rec('AWS::KMS::Key', keyArn, {
    KeyId: id,
    KeyArn: keyArn,
    AWSAccountId: ACCT,
    Arn: keyArn,
    CreationDate: '2024-02-19T10:01:44.000Z',
    Enabled: true,
    Description: `Default key that protects my ${service} data when no other key is defined`,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'AWS',
    KeySpec: 'SYMMETRIC_DEFAULT',
    MultiRegion: false,
    Aliases: [`alias/aws/${service}`],
  });
}

// ---------------------------------------------------------------- RDS
export const SG_DB = 'sg-0db5e1c2a3b4c5d6e';
export const SG_APP = 'sg-0a1b2c3d4e5f60718';
export const SG_LB = 'sg-0fe1d2c3b4a596877';
export const VPC = 'vpc-0a1b2c3d4e5f67890';
export const SUBNET_A = 'subnet-0a11b22c33d44e55f';
export const SUBNET_B = 'subnet-0b66c77d88e99f00a';

export function dbInstance(id: string, over: Data = {}): Rec {
  const a = arn('rds', `db:${id}`);
  return rec('AWS::RDS::DBInstance', a, merge({
    DBInstanceIdentifier: id,
    DBInstanceArn: a,
    DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
    DBInstanceClass: 'db.r6g.large',
    Engine: 'postgres',
    EngineVersion: '16.3',
    DBInstanceStatus: 'available',
    MasterUsername: 'sis_admin',
    Endpoint: { Address: `${id}.c9akciq32.us-east-1.rds.amazonaws.com`, Port: 5432, HostedZoneId: 'Z2R2ITUGPM61AM' },
    AllocatedStorage: 200,
    StorageType: 'gp3',
    MultiAZ: true,
    AvailabilityZone: 'us-east-1a',
    StorageEncrypted: true,
    KmsKeyId: CMK,
    PubliclyAccessible: false,
    BackupRetentionPeriod: 14,
    PreferredBackupWindow: '07:00-07:30',
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    MasterUserSecret: { SecretArn: arn('secretsmanager', `secret:rds!db-3f6b8a1c-2d4e-4f5a-9b0c-7d8e9f0a1b2c-AbC123`), SecretStatus: 'active', KmsKeyId: CMK },
    EnabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    CopyTagsToSnapshot: true,
    PerformanceInsightsEnabled: true,
    PerformanceInsightsKMSKeyId: CMK,
    PerformanceInsightsRetentionPeriod: 7,
    VpcSecurityGroups: [{ VpcSecurityGroupId: SG_DB, Status: 'active' }],
    DBSubnetGroup: { DBSubnetGroupName: 'sis-private', VpcId: VPC, SubnetGroupStatus: 'Complete' },
    DBParameterGroups: [{ DBParameterGroupName: 'sis-postgres16', ParameterApplyStatus: 'in-sync' }],
    Tags: { Name: id, DataClassification: 'student-data', Owner: 'registrar-it' },
    parameters: {
      'rds.force_ssl': { value: '1', source: 'user' },
      log_connections: { value: '1', source: 'user' },
      log_disconnections: { value: '1', source: 'user' },
      log_statement: { value: 'ddl', source: 'user' },
    },
  }, over));
}

export function dbCluster(id: string, over: Data = {}): Rec {
  const a = arn('rds', `cluster:${id}`);
  return rec('AWS::RDS::DBCluster', a, merge({
    DBClusterIdentifier: id,
    DBClusterArn: a,
    DbClusterResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXY2',
    Engine: 'aurora-postgresql',
    EngineVersion: '15.4',
    EngineMode: 'provisioned',
    Status: 'available',
    MasterUsername: 'sis_admin',
    Endpoint: `${id}.cluster-c9akciq32.us-east-1.rds.amazonaws.com`,
    Port: 5432,
    MultiAZ: true,
    StorageEncrypted: true,
    KmsKeyId: CMK,
    BackupRetentionPeriod: 14,
    DeletionProtection: true,
    IAMDatabaseAuthenticationEnabled: true,
    MasterUserSecret: { SecretArn: arn('secretsmanager', `secret:rds!cluster-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d-XyZ789`), SecretStatus: 'active', KmsKeyId: CMK },
    EnabledCloudwatchLogsExports: ['postgresql'],
    CopyTagsToSnapshot: true,
    VpcSecurityGroups: [{ VpcSecurityGroupId: SG_DB, Status: 'active' }],
    DBSubnetGroup: 'sis-private',
    DBClusterParameterGroup: 'sis-aurora-pg15',
    DBClusterMembers: [{ DBInstanceIdentifier: `${id}-1`, IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync' }],
    Tags: { Name: id, DataClassification: 'student-data', Owner: 'registrar-it' },
    parameters: {
      'rds.force_ssl': { value: '1', source: 'user' },
      log_connections: { value: '1', source: 'user' },
    },
  }, over));
}

/** A Multi-AZ DB cluster (not Aurora): the only cluster kind that reports PubliclyAccessible. */
export function multiAzCluster(id: string, over: Data = {}): Rec {
  return dbCluster(id, merge({
    Engine: 'postgres',
    EngineVersion: '16.3',
    DBClusterInstanceClass: 'db.m6gd.large',
    StorageType: 'io1',
    AllocatedStorage: 400,
    Iops: 3000,
    PubliclyAccessible: false,
    DBClusterParameterGroup: 'sis-postgres16-cluster',
  }, over));
}

// ---------------------------------------------------------------- ElastiCache
export function replicationGroup(id: string, over: Data = {}): Rec {
  const a = arn('elasticache', `replicationgroup:${id}`);
  return rec('AWS::ElastiCache::ReplicationGroup', a, merge({
    ReplicationGroupId: id,
    ARN: a,
    Description: 'SIS session cache',
    Status: 'available',
    Engine: 'redis',
    MemberClusters: [`${id}-001`, `${id}-002`],
    AutomaticFailover: 'enabled',
    MultiAZ: 'enabled',
    ClusterEnabled: false,
    CacheNodeType: 'cache.r7g.large',
    SnapshotRetentionLimit: 7,
    AuthTokenEnabled: true,
    AuthTokenLastModifiedDate: '2025-09-01T12:00:00.000Z',
    TransitEncryptionEnabled: true,
    TransitEncryptionMode: 'required',
    AtRestEncryptionEnabled: true,
    KmsKeyId: CMK,
    tags: { DataClassification: 'student-data' },
  }, over));
}

// ---------------------------------------------------------------- Backup
export function backupVault(name: string, over: Data = {}, region: string = R): Rec {
  const a = arn('backup', `backup-vault:${name}`, region);
  return rec('AWS::Backup::BackupVault', a, merge({
    BackupVaultName: name,
    BackupVaultArn: a,
    VaultType: 'BACKUP_VAULT',
    CreationDate: '2025-06-02T08:00:00.000Z',
    EncryptionKeyArn: CMK,
    NumberOfRecoveryPoints: 42,
    Locked: true,
    MinRetentionDays: 7,
    MaxRetentionDays: 60,
    LockDate: '2025-06-05T08:00:00.000Z',
  }, over), region);
}

export const PLAN_ID = '8c3c9e2a-7d4b-4a1e-9f0c-2b5d6e7f8a9b';

export function backupPlan(name: string, rules: Data[], over: Data = {}): Rec {
  const a = arn('backup', `backup-plan:${PLAN_ID}`);
  return rec('AWS::Backup::BackupPlan', a, merge({
    BackupPlanArn: a,
    BackupPlanId: PLAN_ID,
    BackupPlanName: name,
    VersionId: 'ZjQ2ZTI5YTQtYzE2Ny00ODgwLWE5ZTgtMjNmNTQzMmYwZDAx',
    CreationDate: '2025-06-02T08:05:00.000Z',
    plan: { BackupPlanName: name, Rules: rules },
    selections: [{ SelectionId: 'b6c0a5e2-3f1d-4c8b-9a7e-5d4c3b2a1f0e', SelectionName: 'student-data', BackupPlanId: PLAN_ID, IamRoleArn: `arn:aws:iam::${ACCT}:role/service-role/AWSBackupDefaultServiceRole`, CreationDate: '2025-06-02T08:06:00.000Z' }],
  }, over));
}

export function backupRule(deleteAfter: number, copies: Array<{ vaultArn: string; deleteAfter?: number }> = []): Data {
  return {
    RuleName: 'daily',
    TargetBackupVaultName: 'sis-primary',
    ScheduleExpression: 'cron(0 5 ? * * *)',
    StartWindowMinutes: 60,
    CompletionWindowMinutes: 180,
    Lifecycle: { DeleteAfterDays: deleteAfter },
    RuleId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    CopyActions: copies.map((c) => ({ DestinationBackupVaultArn: c.vaultArn, ...(c.deleteAfter !== undefined ? { Lifecycle: { DeleteAfterDays: c.deleteAfter } } : {}) })),
  };
}

// ---------------------------------------------------------------- EC2
export interface Perm {
  proto?: string;
  from?: number;
  to?: number;
  cidrs?: string[];
  cidrs6?: string[];
  groups?: string[];
  prefixLists?: string[];
  description?: string;
}

export function perm(p: Perm): Data {
  const proto = p.proto ?? 'tcp';
  return {
    IpProtocol: proto,
    ...(proto === '-1' ? {} : { FromPort: p.from, ToPort: p.to ?? p.from }),
    IpRanges: (p.cidrs ?? []).map((c) => ({ CidrIp: c, ...(p.description ? { Description: p.description } : {}) })),
    Ipv6Ranges: (p.cidrs6 ?? []).map((c) => ({ CidrIpv6: c })),
    UserIdGroupPairs: (p.groups ?? []).map((g) => ({ GroupId: g, UserId: ACCT, ...(p.description ? { Description: p.description } : {}) })),
    PrefixListIds: (p.prefixLists ?? []).map((x) => ({ PrefixListId: x })),
  };
}

export const ALL_OUT = perm({ proto: '-1', cidrs: ['0.0.0.0/0'] });

export function securityGroup(id: string, name: string, ingress: Data[], egress: Data[], over: Data = {}): Rec {
  const a = arn('ec2', `security-group/${id}`);
  return rec('AWS::EC2::SecurityGroup', a, merge({
    GroupId: id,
    GroupName: name,
    Description: name === 'default' ? 'default VPC security group' : `${name} security group`,
    OwnerId: ACCT,
    VpcId: VPC,
    SecurityGroupArn: a,
    IpPermissions: ingress,
    IpPermissionsEgress: egress,
    Tags: name === 'default' ? {} : { Name: name },
  }, over));
}

export function vpc(id: string = VPC, over: Data = {}): Rec {
  return rec('AWS::EC2::VPC', arn('ec2', `vpc/${id}`), merge({
    VpcId: id,
    OwnerId: ACCT,
    CidrBlock: '10.40.0.0/16',
    State: 'available',
    DhcpOptionsId: 'dopt-0c1d2e3f4a5b6c7d8',
    InstanceTenancy: 'default',
    IsDefault: false,
    CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f6a7b8', CidrBlock: '10.40.0.0/16', CidrBlockState: { State: 'associated' } }],
    Tags: { Name: 'sis-prod' },
  }, over));
}

export function subnet(id: string, over: Data = {}): Rec {
  const a = arn('ec2', `subnet/${id}`);
  return rec('AWS::EC2::Subnet', a, merge({
    SubnetId: id,
    SubnetArn: a,
    VpcId: VPC,
    OwnerId: ACCT,
    CidrBlock: '10.40.1.0/24',
    AvailabilityZone: 'us-east-1a',
    AvailabilityZoneId: 'use1-az1',
    AvailableIpAddressCount: 245,
    State: 'available',
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    AssignIpv6AddressOnCreation: false,
    Tags: { Name: 'sis-private-a' },
  }, over));
}

export function flowLog(id: string, resourceId: string, over: Data = {}): Rec {
  return rec('AWS::EC2::FlowLog', arn('ec2', `vpc-flow-log/${id}`), merge({
    FlowLogId: id,
    CreationTime: '2025-05-12T16:20:00.000Z',
    DeliverLogsStatus: 'SUCCESS',
    FlowLogStatus: 'ACTIVE',
    ResourceId: resourceId,
    TrafficType: 'ALL',
    LogDestinationType: 'cloud-watch-logs',
    LogGroupName: '/sis/vpc-flow-logs',
    LogDestination: arn('logs', 'log-group:/sis/vpc-flow-logs'),
    DeliverLogsPermissionArn: `arn:aws:iam::${ACCT}:role/sis-flow-logs`,
    LogFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
    MaxAggregationInterval: 600,
    Tags: { Name: 'sis-prod-flow-logs' },
  }, over));
}

export function logGroup(name: string, over: Data = {}): Rec {
  const a = arn('logs', `log-group:${name}`);
  return rec('AWS::Logs::LogGroup', a, merge({
    logGroupName: name,
    creationTime: 1747066800000,
    retentionInDays: 365,
    metricFilterCount: 0,
    arn: `${a}:*`,
    storedBytes: 73400320,
    kmsKeyId: CMK,
    logGroupClass: 'STANDARD',
    logGroupArn: a,
    tags: { DataClassification: 'security-log' },
  }, over));
}

export function volume(id: string, over: Data = {}): Rec {
  return rec('AWS::EC2::Volume', arn('ec2', `volume/${id}`), merge({
    VolumeId: id,
    Size: 100,
    SnapshotId: '',
    AvailabilityZone: 'us-east-1a',
    State: 'in-use',
    CreateTime: '2025-07-21T11:00:00.000Z',
    Attachments: [{ AttachTime: '2025-07-21T11:00:05.000Z', Device: '/dev/xvda', InstanceId: 'i-0a1b2c3d4e5f60718', State: 'attached', VolumeId: id, DeleteOnTermination: true }],
    VolumeType: 'gp3',
    Iops: 3000,
    Throughput: 125,
    Encrypted: true,
    KmsKeyId: CMK,
    MultiAttachEnabled: false,
    Tags: { Name: 'sis-app-root', DataClassification: 'student-data' },
  }, over));
}

// ---------------------------------------------------------------- ELBv2
export const LB_ID = '50dc6c495c0c9188';
export const lbArn = (name: string, type = 'app', id = LB_ID) => arn('elasticloadbalancing', `loadbalancer/${type}/${name}/${id}`);
export const listenerArn = (name: string, lid: string, type = 'app', id = LB_ID) => arn('elasticloadbalancing', `listener/${type}/${name}/${id}/${lid}`);

export function loadBalancer(name: string, attrs: Record<string, string> = {}, over: Data = {}): Rec {
  const type = (over.Type as string | undefined) ?? 'application';
  const a = lbArn(name, type === 'network' ? 'net' : 'app');
  return rec('AWS::ElasticLoadBalancingV2::LoadBalancer', a, merge({
    LoadBalancerArn: a,
    DNSName: `${name}-1234567890.us-east-1.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: '2025-04-30T18:00:00.000Z',
    LoadBalancerName: name,
    Scheme: 'internet-facing',
    VpcId: VPC,
    State: { Code: 'active' },
    Type: type,
    AvailabilityZones: [
      { ZoneName: 'us-east-1a', SubnetId: 'subnet-0c1d2e3f4a5b6c7d8' },
      { ZoneName: 'us-east-1b', SubnetId: 'subnet-0d2e3f4a5b6c7d8e9' },
    ],
    SecurityGroups: [SG_LB],
    IpAddressType: 'ipv4',
    attributes: {
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': 'sis-prod-elb-logs-111122223333',
      'access_logs.s3.prefix': 'sis-web',
      'deletion_protection.enabled': 'true',
      'idle_timeout.timeout_seconds': '60',
      'routing.http.desync_mitigation_mode': 'defensive',
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'routing.http2.enabled': 'true',
      ...attrs,
    },
    tags: { Name: name, DataClassification: 'student-data' },
  }, over));
}

export function listener(lbName: string, lid: string, protocol: string, port: number, actions: Data[], over: Data = {}): Rec {
  const a = listenerArn(lbName, lid);
  const tls = protocol === 'HTTPS' || protocol === 'TLS';
  return rec('AWS::ElasticLoadBalancingV2::Listener', a, merge({
    ListenerArn: a,
    LoadBalancerArn: lbArn(lbName),
    Port: port,
    Protocol: protocol,
    ...(tls ? { Certificates: [{ CertificateArn: arn('acm', 'certificate/3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f') }], SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } : {}),
    DefaultActions: actions,
  }, over));
}

export const forward = (tg = 'sis-web'): Data => ({ Type: 'forward', Order: 1, TargetGroupArn: arn('elasticloadbalancing', `targetgroup/${tg}/6d0ecf831eec9f09`) });
export const redirectHttps: Data = { Type: 'redirect', Order: 1, RedirectConfig: { Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } };

// ---------------------------------------------------------------- IAM (global)
export const iamArn = (resource: string) => `arn:aws:iam::${ACCT}:${resource}`;

export function role(name: string, trust: unknown, over: Data = {}): Rec {
  const a = iamArn(`role/${name}`);
  return rec('AWS::IAM::Role', a, merge({
    Path: '/',
    RoleName: name,
    RoleId: 'AROA4EXAMPLEROLEID123',
    Arn: a,
    CreateDate: '2025-03-10T09:00:00.000Z',
    AssumeRolePolicyDocument: trust,
    MaxSessionDuration: 3600,
    inlinePolicies: [],
    attachedPolicies: [],
  }, over), 'global');
}

export function user(name: string, over: Data = {}): Rec {
  const a = iamArn(`user/${name}`);
  return rec('AWS::IAM::User', a, merge({
    Path: '/',
    UserName: name,
    UserId: 'AIDA4EXAMPLEUSERID456',
    Arn: a,
    CreateDate: '2025-03-10T09:00:00.000Z',
    inlinePolicies: [],
    attachedPolicies: [],
  }, over), 'global');
}

export function managedPolicy(name: string, statements: unknown[], over: Data = {}): Rec {
  const a = iamArn(`policy/${name}`);
  return rec('AWS::IAM::ManagedPolicy', a, merge({
    PolicyName: name,
    PolicyId: 'ANPA4EXAMPLEPOLICY789',
    Arn: a,
    Path: '/',
    DefaultVersionId: 'v3',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2025-03-10T09:00:00.000Z',
    UpdateDate: '2025-10-02T15:30:00.000Z',
    document: { Version: '2012-10-17', Statement: statements },
  }, over), 'global');
}

// ---------------------------------------------------------------- Secrets Manager, ECS
export function secret(name: string, over: Data = {}): Rec {
  const a = arn('secretsmanager', `secret:${name}-Xk2P9q`);
  return rec('AWS::SecretsManager::Secret', a, merge({
    ARN: a,
    Name: name,
    Description: 'SIS database credentials',
    KmsKeyId: CMK,
    RotationEnabled: true,
    RotationLambdaARN: arn('lambda', 'function:sis-secret-rotation'),
    RotationRules: { AutomaticallyAfterDays: 30 },
    LastRotatedDate: '2025-12-20T03:00:00.000Z',
    LastChangedDate: '2025-12-20T03:00:00.000Z',
    CreatedDate: '2025-03-10T09:00:00.000Z',
    Tags: { DataClassification: 'student-data' },
    SecretVersionsToStages: { 'a1b2c3d4-0000-4000-8000-000000000001': ['AWSCURRENT'] },
  }, over));
}

export function taskDefinition(family: string, revision: number, containers: Data[], over: Data = {}): Rec {
  const a = arn('ecs', `task-definition/${family}:${revision}`);
  return rec('AWS::ECS::TaskDefinition', a, merge({
    taskDefinitionArn: a,
    family,
    revision,
    containerDefinitions: containers,
    taskRoleArn: iamArn(`role/${family}-task`),
    executionRoleArn: iamArn(`role/${family}-execution`),
    networkMode: 'awsvpc',
    status: 'ACTIVE',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    registeredAt: '2025-11-18T13:45:00.000Z',
    tags: { DataClassification: 'student-data' },
  }, over));
}

export function container(name: string, over: Data = {}): Data {
  return merge({
    name,
    image: `${ACCT}.dkr.ecr.us-east-1.amazonaws.com/${name}:2025.11.3`,
    cpu: 0,
    essential: true,
    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    environment: [
      { name: 'NODE_ENV', shape: 'text', valueLength: 10, valueSha256: '5d1c0b9e2f4a' },
      { name: 'PORT', shape: 'flag', value: '8080', valueLength: 4, valueSha256: 'b9e1f4d6c2a0' },
    ],
    secrets: [],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': R, 'awslogs-stream-prefix': name } },
  }, over);
}

// ---------------------------------------------------------------- snapshot
const CALLS: Record<string, Array<[string, string]>> = {
  'AWS::RDS::DBInstance': [['rds', 'DescribeDBInstances'], ['rds', 'DescribeDBParameters']],
  'AWS::RDS::DBCluster': [['rds', 'DescribeDBClusters'], ['rds', 'DescribeDBClusterParameters']],
  'AWS::KMS::Key': [['kms', 'ListKeys'], ['kms', 'ListAliases'], ['kms', 'DescribeKey']],
  'AWS::ElastiCache::ReplicationGroup': [['elasticache', 'DescribeReplicationGroups'], ['elasticache', 'ListTagsForResource']],
  'AWS::Backup::BackupPlan': [['backup', 'ListBackupPlans'], ['backup', 'GetBackupPlan'], ['backup', 'ListBackupSelections']],
  'AWS::Backup::BackupVault': [['backup', 'ListBackupVaults']],
  'AWS::EC2::SecurityGroup': [['ec2', 'DescribeSecurityGroups']],
  'AWS::EC2::VPC': [['ec2', 'DescribeVpcs']],
  'AWS::EC2::Subnet': [['ec2', 'DescribeSubnets']],
  'AWS::EC2::FlowLog': [['ec2', 'DescribeFlowLogs']],
  'AWS::EC2::Volume': [['ec2', 'DescribeVolumes']],
  'AWS::Logs::LogGroup': [['logs', 'DescribeLogGroups'], ['logs', 'ListTagsForResource']],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': [['elasticloadbalancing', 'DescribeLoadBalancers'], ['elasticloadbalancing', 'DescribeLoadBalancerAttributes'], ['elasticloadbalancing', 'DescribeTags']],
  'AWS::ElasticLoadBalancingV2::Listener': [['elasticloadbalancing', 'DescribeListeners']],
  'AWS::IAM::Role': [['iam', 'ListRoles'], ['iam', 'ListRolePolicies'], ['iam', 'ListAttachedRolePolicies']],
  'AWS::IAM::User': [['iam', 'ListUsers'], ['iam', 'ListUserPolicies'], ['iam', 'ListAttachedUserPolicies']],
  'AWS::IAM::ManagedPolicy': [['iam', 'ListPolicies'], ['iam', 'GetPolicyVersion']],
  'AWS::SecretsManager::Secret': [['secretsmanager', 'ListSecrets']],
  'AWS::ECS::TaskDefinition': [['ecs', 'ListTaskDefinitions'], ['ecs', 'DescribeTaskDefinition']],
};

export interface SnapOptions {
  regions?: string[];
  /** Regional account settings by region (merged over EBS encryption by default with the CMK). */
  settings?: Record<string, Data>;
  notes?: string[];
}

/** A complete snapshot of the account around `resources`. */
export function snapshot(resources: Rec[], opts: SnapOptions = {}): Snapshot {
  const regions = opts.regions ?? [R];
  const accountSettings: SnapshotAccountSettings[] = regions.map((region) => ({
    region,
    data: { ebsEncryptionByDefault: true, ebsDefaultKmsKeyId: CMK, ...(opts.settings?.[region] ?? {}) },
  }));
  accountSettings.push({
    region: 'global',
    data: {
      s3AccountPublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      iamAccountSummary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 4, Roles: 31, Policies: 12 },
    },
  });
  const seen = new Set<string>();
  const calls: Snapshot['calls'] = [];
  const call = (service: string, operation: string, region: string) => {
    const k = `${service}|${operation}|${region}`;
    if (seen.has(k)) return;
    seen.add(k);
    calls.push({ service, operation, region, ok: true });
  };
  call('sts', 'GetCallerIdentity', R);
  for (const region of regions) {
    call('ec2', 'GetEbsEncryptionByDefault', region);
    call('ec2', 'GetEbsDefaultKmsKeyId', region);
  }
  call('s3', 'GetPublicAccessBlock', 'global');
  call('iam', 'GetAccountSummary', 'global');
  for (const r of resources) for (const [s, o] of CALLS[r.type] ?? []) call(s, o, r.region);
  return {
    snapshotVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0' },
    collectedAt: '2026-01-15T09:30:00.000Z',
    account: { id: ACCT, partition: 'aws', callerArn: `arn:aws:sts::${ACCT}:assumed-role/ferpa-ready-audit/audit-session` },
    regions,
    resources,
    accountSettings,
    calls,
    errors: [],
    ...(opts.notes ? { notes: opts.notes } : {}),
  };
}

export interface LiveCase {
  pass: Snapshot;
  fail: Snapshot;
  /** ARNs the fail snapshot must report as `fail` (appended to expect.yaml). */
  failArns: string[];
}

/** Write `live.json` for both cases and add the `arn:` entries to the fail case's expect.yaml. */
export function writeCase(fixturesRoot: string, policyId: string, c: LiveCase): void {
  for (const [which, snap] of [['pass', c.pass], ['fail', c.fail]] as const) {
    const file = join(fixturesRoot, policyId, which, 'live.json');
    validateSnapshot(JSON.parse(JSON.stringify(snap)), file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializeSnapshot(snap));
  }
  const expectFile = join(fixturesRoot, policyId, 'fail', 'expect.yaml');
  let text = existsSync(expectFile) ? readFileSync(expectFile, 'utf8') : 'findings:\n';
  if (!/^findings:/m.test(text)) text = `${text.replace(/\n*$/, '\n')}findings:\n`;
  for (const a of c.failArns) {
    if (text.includes(`arn: ${a},`) || text.includes(`arn: "${a}"`)) continue;
    text = `${text.replace(/\n*$/, '\n')}  - { arn: "${a}", status: fail }\n`;
  }
  writeFileSync(expectFile, text);
}
