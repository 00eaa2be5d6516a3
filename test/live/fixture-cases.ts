/**
 * The live fixture cases: per policy, a compliant snapshot and a broken one (see fixture-gen.ts).
 * Run: `npx tsx test/live/fixture-cases.ts [policy-id ...]` to (re)write them.
 */
import {
  A,
  R,
  alb,
  awsManagedKey,
  bucket,
  cacheCluster,
  cmk,
  container,
  logGroup,
  managedPolicy,
  role,
  secret,
  snapshot,
  taskDef,
  trail,
  user,
  writeCase,
  type Case,
} from './fixture-gen.js';

/** The account resource holding the account-wide settings (one per account, whatever the regions). */
const acct = () => `arn:aws:::${A}:account`;
const S3_DEFAULT_NOTE = 'S3 applies SSE-S3 (AES256) to every bucket since January 2023; moto answers ServerSideEncryptionConfigurationNotFoundError instead, so this bucket is recorded as AWS answers.';
const trustEcs = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const allow = (Action: unknown, Resource: unknown = '*') => ({ Effect: 'Allow', Action, Resource });

export const CASES: Record<string, Case> = {
  'aws-account-has-multi-region-trail': {
    pass: snapshot([trail()]),
    fail: snapshot([trail({ IsMultiRegionTrail: false })]),
    expect: [acct()],
  },
  'aws-account-s3-public-access-block': {
    pass: snapshot([]),
    fail: snapshot([], { s3AccountPublicAccessBlock: null }, ['No account-level Block Public Access: s3control GetPublicAccessBlock answered NoSuchPublicAccessBlockConfiguration (recorded as null).']),
    expect: [acct()],
  },
  'aws-cloudtrail-kms-encrypted': {
    pass: snapshot([trail(), cmk()]),
    fail: snapshot([trail({ KmsKeyId: undefined })]),
    expect: [trail().arn],
  },
  'aws-cloudtrail-log-file-validation': {
    pass: snapshot([trail()]),
    fail: snapshot([trail({ LogFileValidationEnabled: false })]),
    expect: [trail().arn],
  },
  'aws-cloudtrail-multi-region': {
    pass: snapshot([trail()]),
    fail: snapshot([trail({ IsMultiRegionTrail: false })]),
    expect: [trail().arn],
  },
  'aws-cloudtrail-s3-data-events': {
    pass: snapshot([trail(), bucket('sis-exports-111122223333')]),
    fail: snapshot([trail({ eventSelectors: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }], AdvancedEventSelectors: [] } }), bucket('sis-exports-111122223333')]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-ecs-no-plaintext-secrets-in-environment': {
    pass: snapshot([taskDef('api', [container()])]),
    fail: snapshot(
      [taskDef('api', [container({ environment: [{ name: 'DB_PASSWORD', shape: 'text', valueLength: 24, valueSha256: '5e884898da28' }] })])],
      {},
      ['The collector never stores environment values: DB_PASSWORD is recorded by name, value shape and length only.'],
    ),
    expect: [taskDef('api', []).arn],
  },
  'aws-ecs-secrets-from-secrets-manager': {
    pass: snapshot([taskDef('api', [container()])]),
    fail: snapshot([taskDef('api', [container({ secrets: [{ name: 'DB_PASSWORD', valueFrom: 'vault:kv/db-password' }] })], { executionRoleArn: undefined })]),
    expect: [taskDef('api', []).arn],
  },
  'aws-ecs-task-logging': {
    pass: snapshot([taskDef('api', [container()])]),
    fail: snapshot([taskDef('api', [container({ logConfiguration: undefined })])]),
    expect: [taskDef('api', []).arn],
  },
  'aws-elasticache-cluster-encrypted': {
    pass: snapshot([cacheCluster('sessions-cache', { Engine: 'redis', AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true })]),
    fail: snapshot([cacheCluster('sessions-cache', { Engine: 'redis', AtRestEncryptionEnabled: false, TransitEncryptionEnabled: false })]),
    expect: [cacheCluster('sessions-cache').arn],
  },
  'aws-iam-no-broad-aws-managed-policy-attached': {
    pass: snapshot([user('auditor', { attachedPolicies: ['arn:aws:iam::aws:policy/SecurityAudit'] })]),
    fail: snapshot([user('ops', { attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] })]),
    expect: [`arn:aws:iam::${A}:user/ops/attached/arn:aws:iam::aws:policy/AdministratorAccess`],
  },
  'aws-iam-no-full-admin': {
    pass: snapshot([managedPolicy('read-exports', [allow('s3:GetObject', 'arn:aws:s3:::sis-exports-111122223333/*')])]),
    fail: snapshot([managedPolicy('everything', [allow('*')])]),
    expect: [`arn:aws:iam::${A}:policy/everything`],
  },
  'aws-iam-no-kms-wildcard': {
    pass: snapshot([managedPolicy('decrypt-students', [allow('kms:Decrypt', `arn:aws:kms:${R}:${A}:key/0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e`)])]),
    fail: snapshot([managedPolicy('decrypt-any', [allow('kms:Decrypt')])]),
    expect: [`arn:aws:iam::${A}:policy/decrypt-any`],
  },
  'aws-iam-no-notaction-allow': {
    pass: snapshot([managedPolicy('read-exports', [allow('s3:GetObject', 'arn:aws:s3:::sis-exports-111122223333/*')])]),
    fail: snapshot([managedPolicy('all-but-iam', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])]),
    expect: [`arn:aws:iam::${A}:policy/all-but-iam`],
  },
  'aws-iam-no-service-wildcard-on-all-resources': {
    pass: snapshot([managedPolicy('read-exports', [allow('s3:GetObject', 'arn:aws:s3:::sis-exports-111122223333/*')])]),
    fail: snapshot([managedPolicy('s3-everything', [allow('s3:*')])]),
    expect: [`arn:aws:iam::${A}:policy/s3-everything`],
  },
  'aws-iam-role-trust-no-wildcard-principal': {
    pass: snapshot([role('api-task', trustEcs)]),
    fail: snapshot([role('anyone', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] })]),
    expect: [`arn:aws:iam::${A}:role/anyone`],
  },
  'aws-iam-user-no-attached-policies': {
    pass: snapshot([user('deploy')]),
    fail: snapshot([user('ops', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })]),
    expect: [`arn:aws:iam::${A}:user/ops`],
  },
  'aws-kms-deletion-window': {
    pass: snapshot([cmk()]),
    fail: snapshot([cmk({ KeyState: 'PendingDeletion', PendingDeletionWindowInDays: 7 })]),
    expect: [cmk().arn],
  },
  'aws-kms-key-policy-no-wildcard-principal': {
    pass: snapshot([cmk()]),
    fail: snapshot([cmk({ policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] } })]),
    expect: [cmk().arn],
  },
  'aws-kms-key-rotation-enabled': {
    pass: snapshot([cmk(), awsManagedKey('rds', '7f1e3c2a-0000-4000-8000-000000000001')], {}, ['The AWS-managed key aws/rds is not evaluated: AWS rotates it yearly and its rotation is not readable.']),
    fail: snapshot([cmk({ rotation: { enabled: false, periodInDays: null } })]),
    expect: [cmk().arn],
  },
  'aws-lb-waf-attached': {
    pass: snapshot([alb()]),
    fail: snapshot([alb({ webAcl: null })], {}, ['wafv2 GetWebACLForResource answered without a WebACL (recorded as null).']),
    expect: [alb().arn],
  },
  'aws-log-group-kms-encrypted': {
    pass: snapshot([logGroup('/app/api', { tags: { DataClassification: 'student-data' }, retentionInDays: 30 }), cmk()]),
    fail: snapshot([logGroup('/app/api', { tags: { DataClassification: 'student-data' }, retentionInDays: 30, kmsKeyId: undefined })]),
    expect: [logGroup('/app/api').arn],
  },
  'aws-log-group-pii-retention-ceiling': {
    pass: snapshot([logGroup('/app/api', { tags: { DataClassification: 'student-data' }, retentionInDays: 30 })]),
    fail: snapshot([logGroup('/app/api', { tags: { DataClassification: 'student-data' }, retentionInDays: undefined })], {}, ['No retentionInDays in DescribeLogGroups: the log group never expires.']),
    expect: [logGroup('/app/api').arn],
  },
  'aws-log-group-retention-floor': {
    pass: snapshot([logGroup('/aws/cloudtrail/org-trail')]),
    fail: snapshot([logGroup('/aws/cloudtrail/org-trail', { retentionInDays: 30 })]),
    expect: [logGroup('/aws/cloudtrail/org-trail').arn],
  },
  'aws-resources-in-approved-regions': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([{ ...bucket('sis-exports-eu-111122223333'), region: 'eu-west-1' }], { regions: [R, 'eu-west-1'] }),
    expect: [acct()],
  },
  'aws-s3-access-logging': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { logging: null })]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-no-public-acl': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { acl: { Owner: 'owner', Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } })]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-no-public-policy': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::sis-exports-111122223333/*' }] } })]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-public-access-block': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { publicAccessBlock: null })], {}, ['GetPublicAccessBlock answered NoSuchPublicAccessBlockConfiguration (recorded as null).']),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-sse-kms': {
    pass: snapshot([bucket('sis-exports-111122223333'), cmk()]),
    fail: snapshot([bucket('sis-exports-111122223333', { encryption: null })], {}, [S3_DEFAULT_NOTE]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-student-data-lifecycle': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { lifecycle: null })], {}, ['GetBucketLifecycleConfiguration answered NoSuchLifecycleConfiguration (recorded as null).']),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-tls-only-policy': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { policy: null })]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-s3-versioning-enabled': {
    pass: snapshot([bucket('sis-exports-111122223333')]),
    fail: snapshot([bucket('sis-exports-111122223333', { versioning: { Status: 'Suspended', MFADelete: null } })]),
    expect: ['arn:aws:s3:::sis-exports-111122223333'],
  },
  'aws-secrets-cmk': {
    pass: snapshot([secret('db-password'), cmk()]),
    fail: snapshot([secret('db-password', { KmsKeyId: undefined })]),
    expect: [secret('db-password').arn],
  },
  'aws-secrets-rotation-enabled': {
    pass: snapshot([secret('db-password')]),
    fail: snapshot([secret('db-password', { RotationEnabled: undefined, RotationRules: undefined, RotationLambdaARN: undefined })], {}, ['ListSecrets omits RotationEnabled for a secret that never had rotation configured.']),
    expect: [secret('db-password').arn],
  },
};

const only = process.argv.slice(2);
if (process.argv[1]?.endsWith('fixture-cases.ts')) {
  for (const [id, c] of Object.entries(CASES)) if (!only.length || only.includes(id)) writeCase(id, c);
}
