/** Live cases for the RDS, ElastiCache and AWS Backup policies. */
import {
  AWS_BACKUP_KEY,
  AWS_RDS_KEY,
  awsManagedKey,
  backupPlan,
  backupRule,
  backupVault,
  customerKey,
  dbCluster,
  dbInstance,
  multiAzCluster,
  replicationGroup,
  snapshot,
  arn,
  type LiveCase,
  type Rec,
} from './lib.js';

const note = (s: string) => ({ notes: [s] });

/** A one-resource instance case: compliant `sis-prod` in pass, `over` applied to it in fail. */
function instanceCase(policy: string, over: Record<string, unknown>, why: string, extra: Rec[] = [customerKey()]): LiveCase {
  const good = dbInstance('sis-prod');
  const bad = dbInstance('sis-reporting', over);
  return {
    pass: snapshot([good, ...extra], note(`${policy}: a compliant RDS instance`)),
    fail: snapshot([good, bad, ...extra], note(`${policy}: sis-reporting ${why}; sis-prod is the compliant neighbour`)),
    failArns: [bad.arn],
  };
}

function clusterCase(policy: string, over: Record<string, unknown>, why: string, extra: Rec[] = [customerKey()], make = dbCluster): LiveCase {
  const good = make('sis-aurora');
  const bad = make('sis-analytics', over);
  return {
    pass: snapshot([good, ...extra], note(`${policy}: a compliant DB cluster`)),
    fail: snapshot([good, bad, ...extra], note(`${policy}: sis-analytics ${why}; sis-aurora is the compliant neighbour`)),
    failArns: [bad.arn],
  };
}

function cacheCase(policy: string, over: Record<string, unknown>, why: string): LiveCase {
  const good = replicationGroup('sis-sessions');
  const bad = replicationGroup('sis-lms-cache', over);
  return {
    pass: snapshot([good, customerKey()], note(`${policy}: a compliant replication group`)),
    fail: snapshot([good, bad, customerKey()], note(`${policy}: sis-lms-cache ${why}`)),
    failArns: [bad.arn],
  };
}

const DR_VAULT = arn('backup', 'backup-vault:sis-dr', 'us-west-2');
const EU_VAULT = arn('backup', 'backup-vault:sis-dr', 'eu-west-1');

export const DATASTORE_CASES: Record<string, () => LiveCase> = {
  'aws-rds-backup-retention-ceiling': () => instanceCase('aws-rds-backup-retention-ceiling', { BackupRetentionPeriod: 35 }, 'keeps automated backups 35 days, longer than the 30-day DPA disposition window'),
  'aws-rds-backup-retention-floor': () => instanceCase('aws-rds-backup-retention-floor', { BackupRetentionPeriod: 1 }, 'keeps automated backups for 1 day'),
  'aws-rds-connection-logging': () =>
    instanceCase('aws-rds-connection-logging', { DBParameterGroups: [{ DBParameterGroupName: 'sis-reporting-pg16', ParameterApplyStatus: 'in-sync' }], parameters: { log_connections: { value: '0', source: 'user' } } }, 'has log_connections = 0 in its parameter group'),
  'aws-rds-copy-tags-to-snapshot': () => instanceCase('aws-rds-copy-tags-to-snapshot', { CopyTagsToSnapshot: false }, 'does not copy tags to snapshots'),
  'aws-rds-deletion-protection': () => instanceCase('aws-rds-deletion-protection', { DeletionProtection: false }, 'has deletion protection off'),
  'aws-rds-force-ssl-parameter-attached': () =>
    instanceCase('aws-rds-force-ssl-parameter-attached', { DBParameterGroups: [{ DBParameterGroupName: 'sis-reporting-pg14', ParameterApplyStatus: 'in-sync' }], EngineVersion: '14.12', parameters: { 'rds.force_ssl': { value: '0', source: 'user' } } }, 'runs a parameter group with rds.force_ssl = 0'),
  'aws-rds-iam-auth': () => instanceCase('aws-rds-iam-auth', { IAMDatabaseAuthenticationEnabled: false }, 'has IAM database authentication off'),
  'aws-rds-instance-encrypted-with-cmk': () =>
    instanceCase('aws-rds-instance-encrypted-with-cmk', { KmsKeyId: AWS_RDS_KEY }, 'is encrypted with the AWS-managed aws/rds key', [customerKey(), awsManagedKey(AWS_RDS_KEY, 'rds')]),
  'aws-rds-instance-storage-encrypted': () => instanceCase('aws-rds-instance-storage-encrypted', { StorageEncrypted: false, KmsKeyId: undefined }, 'has unencrypted storage'),
  'aws-rds-log-exports': () => instanceCase('aws-rds-log-exports', { EnabledCloudwatchLogsExports: ['upgrade'] }, 'exports only the upgrade log'),
  'aws-rds-master-password-managed': () => instanceCase('aws-rds-master-password-managed', { MasterUserSecret: undefined }, 'has a master password not managed in Secrets Manager'),
  'aws-rds-not-publicly-accessible': () => instanceCase('aws-rds-not-publicly-accessible', { PubliclyAccessible: true }, 'is publicly accessible'),
  'aws-rds-performance-insights-cmk': () =>
    instanceCase('aws-rds-performance-insights-cmk', { PerformanceInsightsKMSKeyId: AWS_RDS_KEY }, 'encrypts Performance Insights with the AWS-managed aws/rds key', [customerKey(), awsManagedKey(AWS_RDS_KEY, 'rds')]),

  'aws-rds-cluster-backup-retention-ceiling': () => clusterCase('aws-rds-cluster-backup-retention-ceiling', { BackupRetentionPeriod: 35 }, 'keeps automated backups 35 days, longer than the 30-day DPA disposition window'),
  'aws-rds-cluster-backup-retention-floor': () => clusterCase('aws-rds-cluster-backup-retention-floor', { BackupRetentionPeriod: 1 }, 'keeps automated backups for 1 day'),
  'aws-rds-cluster-connection-logging': () => clusterCase('aws-rds-cluster-connection-logging', { DBClusterParameterGroup: 'sis-analytics-pg15', parameters: { log_connections: { value: '0', source: 'user' } } }, 'has log_connections = 0 in its cluster parameter group'),
  'aws-rds-cluster-deletion-protection': () => clusterCase('aws-rds-cluster-deletion-protection', { DeletionProtection: false }, 'has deletion protection off'),
  'aws-rds-cluster-encrypted-with-cmk': () =>
    clusterCase('aws-rds-cluster-encrypted-with-cmk', { KmsKeyId: AWS_RDS_KEY }, 'is encrypted with the AWS-managed aws/rds key', [customerKey(), awsManagedKey(AWS_RDS_KEY, 'rds')]),
  'aws-rds-cluster-force-ssl-parameter-attached': () =>
    clusterCase('aws-rds-cluster-force-ssl-parameter-attached', { DBClusterParameterGroup: 'sis-analytics-pg15', parameters: { 'rds.force_ssl': { value: '0', source: 'user' } } }, 'runs a cluster parameter group with rds.force_ssl = 0'),
  'aws-rds-cluster-iam-auth': () => clusterCase('aws-rds-cluster-iam-auth', { IAMDatabaseAuthenticationEnabled: false }, 'has IAM database authentication off'),
  'aws-rds-cluster-log-exports': () => clusterCase('aws-rds-cluster-log-exports', { EnabledCloudwatchLogsExports: undefined }, 'exports no logs to CloudWatch'),
  'aws-rds-cluster-master-password-managed': () => clusterCase('aws-rds-cluster-master-password-managed', { MasterUserSecret: undefined }, 'has a master password not managed in Secrets Manager'),
  'aws-rds-cluster-not-publicly-accessible': () => clusterCase('aws-rds-cluster-not-publicly-accessible', { PubliclyAccessible: true }, 'is a publicly accessible Multi-AZ DB cluster', [customerKey()], multiAzCluster),
  'aws-rds-cluster-storage-encrypted': () => clusterCase('aws-rds-cluster-storage-encrypted', { StorageEncrypted: false, KmsKeyId: undefined }, 'has unencrypted storage'),

  'aws-elasticache-at-rest-encryption': () => cacheCase('aws-elasticache-at-rest-encryption', { AtRestEncryptionEnabled: false, KmsKeyId: undefined }, 'is not encrypted at rest'),
  'aws-elasticache-auth': () => cacheCase('aws-elasticache-auth', { AuthTokenEnabled: false, AuthTokenLastModifiedDate: undefined }, 'has neither an AUTH token nor RBAC user groups'),
  'aws-elasticache-transit-encryption': () => cacheCase('aws-elasticache-transit-encryption', { TransitEncryptionMode: 'preferred' }, 'accepts unencrypted connections (transit encryption mode preferred)'),

  'aws-backup-copy-in-approved-region': () => {
    const good = backupPlan('sis-daily', [backupRule(35, [{ vaultArn: DR_VAULT, deleteAfter: 35 }])]);
    const bad = backupPlan('sis-daily', [backupRule(35, [{ vaultArn: EU_VAULT, deleteAfter: 35 }])]);
    return {
      pass: snapshot([good, backupVault('sis-primary'), customerKey()], note('aws-backup-copy-in-approved-region: copies go to us-west-2')),
      fail: snapshot([bad, backupVault('sis-primary'), customerKey()], note('aws-backup-copy-in-approved-region: copies go to eu-west-1, outside approvedRegions')),
      failArns: [bad.arn],
    };
  },
  'aws-backup-plan-retention-bounded': () => {
    const good = backupPlan('sis-daily', [backupRule(35, [{ vaultArn: DR_VAULT, deleteAfter: 35 }])]);
    const bad = backupPlan('sis-daily', [backupRule(35, [{ vaultArn: DR_VAULT, deleteAfter: 3650 }])]);
    return {
      pass: snapshot([good, backupVault('sis-primary'), customerKey()], note('aws-backup-plan-retention-bounded: 35-day recovery points and copies')),
      fail: snapshot([bad, backupVault('sis-primary'), customerKey()], note('aws-backup-plan-retention-bounded: the DR copy is kept ten years')),
      failArns: [bad.arn],
    };
  },
  'aws-backup-vault-cmk': () => {
    const good = backupVault('sis-primary');
    const bad = backupVault('sis-legacy', { EncryptionKeyArn: AWS_BACKUP_KEY, Locked: false, MinRetentionDays: undefined, MaxRetentionDays: undefined, LockDate: undefined });
    return {
      pass: snapshot([good, customerKey()], note('aws-backup-vault-cmk: vault encrypted with the customer key')),
      fail: snapshot([good, bad, customerKey(), awsManagedKey(AWS_BACKUP_KEY, 'backup')], note('aws-backup-vault-cmk: sis-legacy uses the AWS-managed aws/backup key')),
      failArns: [bad.arn],
    };
  },
  'aws-backup-vault-locked': () => {
    const good = backupVault('sis-primary');
    const bad = backupVault('sis-legacy', { Locked: false, MinRetentionDays: undefined, MaxRetentionDays: undefined, LockDate: undefined });
    return {
      pass: snapshot([good, customerKey()], note('aws-backup-vault-locked: vault lock 7..60 days')),
      fail: snapshot([good, bad, customerKey()], note('aws-backup-vault-locked: sis-legacy has no vault lock')),
      failArns: [bad.arn],
    };
  },
};
