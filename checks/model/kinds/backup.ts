import { defineKinds } from './spec.js';

/** Model kinds of data stores AWS Backup can protect (a selection's `resources` link targets). */
export const BACKUP_PROTECTED_KINDS = ['aws.rds.instance', 'aws.rds.cluster', 'aws.dynamodb.table', 'aws.s3.bucket', 'aws.efs.file-system', 'aws.ec2.ebs-volume', 'aws.docdb.cluster', 'aws.neptune.cluster', 'aws.redshift.cluster'] as const;

export const backupKinds = defineKinds([
  {
    kind: 'aws.backup.vault',
    title: 'AWS Backup vault',
    // variants slice: a logically air-gapped vault is a vault AWS locks in compliance mode when it is made
    terraform: ['aws_backup_vault', 'aws_backup_vault_lock_configuration', 'aws_backup_logically_air_gapped_vault'],
    attrs: {
      name: { type: 'string', description: 'Vault name.' },
      kmsKeyArn: { type: 'string', description: 'KMS key encrypting recovery points, when configured (kms_key_arn, or encryption_key_arn of a logically air-gapped vault; live EncryptionKeyArn). Unset = AWS-managed aws/backup key (an AWS owned key for an air-gapped vault).' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description: 'True when the vault uses the AWS-managed aws/backup key (kms_key_arn unset or alias/aws/backup); false for a known customer-managed key; unknown otherwise.',
      },
      forceDestroy: { type: 'boolean', description: 'Terraform may delete the vault with its recovery points. Default false.' },
      locked: { type: 'boolean', description: 'A Vault Lock configuration exists (aws_backup_vault_lock_configuration; live: Locked). A logically air-gapped vault is always locked (compliance mode; its min/max_retention_days are the lock).' },
      lockMinRetentionDays: { type: 'number', description: 'Vault Lock minimum retention in days.' },
      lockMaxRetentionDays: { type: 'number', description: 'Vault Lock maximum retention in days.' },
      lockChangeableForDays: { type: 'number', description: 'Days before the lock becomes immutable (compliance mode); absent = governance mode.' },
      tags: { type: 'object', description: 'Resource tags (tags_all when known, else tags).' },
      dataClass: { type: 'string', description: 'Lowercased data-classification tag value (see conventions).' },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'Recovery point encryption key (kms_key_arn).' },
      plans: { kinds: ['aws.backup.plan'], description: 'Backup plans whose rules target this vault (inverse).' },
    },
  },
  {
    kind: 'aws.backup.plan',
    title: 'AWS Backup plan',
    terraform: ['aws_backup_plan'],
    attrs: {
      name: { type: 'string', description: 'Plan name.' },
      rules: {
        type: 'object[]',
        description: 'Backup rules.',
        fields: {
          ruleName: 'rule name',
          targetVaultName: 'target vault name',
          schedule: 'cron/rate expression',
          deleteAfter: 'days until recovery points are deleted; absent = kept forever',
          coldStorageAfter: 'days until moved to cold storage; absent = never',
          copyActions: 'array of { destinationVaultArn, deleteAfter, coldStorageAfter }',
        },
      },
      selectionNames: { type: 'string[]', description: 'Live: names of the plan\'s selections (a read error when ListBackupSelections/GetBackupSelection failed). Terraform: absent (selections are resources).' },
      tags: { type: 'object', description: 'Resource tags (tags_all when known, else tags). A `DisasterRecoveryException` tag documents a retention exception.' },
      dataClass: { type: 'string', description: 'Lowercased data-classification tag value (see conventions).' },
    },
    links: {
      vault: { kinds: ['aws.backup.vault'], description: 'Target vault(s) of the rules (rule.target_vault_name).' },
      copyVaults: { kinds: ['aws.backup.vault'], description: 'Destination vaults of copy actions.' },
      selections: { kinds: ['aws.backup.selection'], description: 'Backup selections assigning resources to this plan (inverse).' },
    },
  },
  {
    kind: 'aws.backup.selection',
    title: 'AWS Backup selection',
    terraform: ['aws_backup_selection'],
    attrs: {
      name: { type: 'string', description: 'Selection name.' },
      resources: { type: 'string[]', description: 'Resource ARNs (or wildcards) selected.' },
      selectionTags: { type: 'object[]', description: 'Tag conditions ({ type, key, value }); a resource matching any of them is selected.' },
      conditions: {
        type: 'object[]',
        description: 'Tag conditions every selected resource must meet (Terraform condition blocks, live Conditions): { op: equals|like|notEquals|notLike, key (tag key, without aws:ResourceTag/), value }.',
      },
      notResources: { type: 'string[]', description: 'Resource ARNs (or wildcards) excluded from the selection.' },
      iamRoleArn: { type: 'string', description: 'Role AWS Backup assumes.' },
    },
    links: {
      plan: { kinds: ['aws.backup.plan'], description: 'The plan (plan_id); the plan gets the inverse link `selections`.' },
      resources: { kinds: [...BACKUP_PROTECTED_KINDS], description: 'Data stores the `resources` list names by Terraform reference or literal ARN.' },
    },
  },
]);
