import { defineKinds } from './spec.js';

export const secretsKinds = defineKinds([
  {
    kind: 'aws.secretsmanager.secret',
    title: 'Secrets Manager secret',
    terraform: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_rotation', 'aws_secretsmanager_secret_version'],
    attrs: {
      name: { type: 'string', description: 'Secret name.' },
      kmsKeyId: { type: 'string', description: 'KMS key (ARN, id or alias) encrypting the secret values; absent means the AWS managed key aws/secretsmanager.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when the secret uses the AWS managed key aws/secretsmanager (kms_key_id unset, alias/aws/secretsmanager or its ARN); false when it is known to be customer managed (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias); unknown for a literal key id/ARN (needs live verification).',
      },
      rotationEnabled: {
        type: 'boolean',
        description:
          'Automatic rotation is configured (aws_secretsmanager_secret_rotation with rotation rules, or the legacy inline rotation_rules; live: DescribeSecret RotationEnabled). Default false: a secret has no rotation unless something configures it.',
      },
      rotationDays: {
        type: 'number',
        description:
          'Longest interval between rotations in days: automatically_after_days, or from schedule_expression (rate(N days) exactly; a cron expression as its upper bound: daily/weekly -> 1/7, monthly -> 31). Unknown when it cannot be told.',
      },
      rotationScheduleExpression: { type: 'string', description: 'rotation_rules.schedule_expression as written (rate() or cron()).' },
      rotationLambdaArn: { type: 'string', description: 'Rotation function ARN (absent for managed rotation).' },
      recoveryWindowDays: { type: 'number', description: 'Days a deleted secret can still be restored (recovery_window_in_days): 0 = deleted immediately without recovery, else 7-30. Default 30.' },
      replicas: {
        type: 'object[]',
        description: 'Replica regions (replica blocks; live: ReplicationStatus).',
        fields: { region: 'replica region', kmsKeyId: 'KMS key in the replica region; absent = aws/secretsmanager there', kmsKeyIsAwsManaged: 'same meaning as the secret-level attribute, for the replica key' },
      },
      resourcePolicy: {
        type: 'json',
        description:
          "Resource policy of the secret (aws_secretsmanager_secret_policy `policy`, or the secret's deprecated inline `policy`; live: GetResourcePolicy ResourcePolicy). Absent: none (only the owning account's principals that IAM allows).",
      },
      valueInTerraformState: {
        type: 'boolean',
        description: 'An aws_secretsmanager_secret_version sets secret_string/secret_binary, so the secret value is stored in Terraform state (write-only secret_string_wo does not count). Terraform only.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'Customer managed key named by kms_key_id (directly, or through an alias the KMS adapter merges into its key).' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the resource policy is written with.' },
    },
  },
]);
