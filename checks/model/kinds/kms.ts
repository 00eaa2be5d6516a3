import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListResourceTags as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

export const kmsKinds = defineKinds([
  {
    kind: 'aws.kms.key',
    title: 'KMS key',
    terraform: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key', 'aws_kms_alias', 'aws_kms_key_policy'],
    attrs: {
      keyId: { type: 'string', description: 'Key id (uuid), when known.' },
      description: { type: 'string', description: 'Key description.' },
      customerManaged: {
        type: 'boolean',
        description: 'True for a customer-managed key (every aws_kms_key; live: KeyManager CUSTOMER). AWS-managed keys (alias/aws/*) are false on live and never appear from Terraform.',
      },
      enabled: { type: 'boolean', description: 'Key is enabled (is_enabled; live: KeyState Enabled). Provider default true.' },
      keyUsage: { type: 'string', description: 'ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT. Default ENCRYPT_DECRYPT.' },
      keySpec: { type: 'string', description: 'Key spec (customer_master_key_spec / KeySpec). Default SYMMETRIC_DEFAULT; only SYMMETRIC_DEFAULT encryption keys support automatic rotation.' },
      rotationEnabled: { type: 'boolean', description: 'Automatic key rotation (enable_key_rotation; live: GetKeyRotationStatus). Provider default false.' },
      rotationPeriodDays: {
        type: 'number',
        description: 'Rotation period in days (rotation_period_in_days, 90-2560). AWS uses 365 when rotation is enabled without a period; absent when rotation is off.',
      },
      deletionWindowDays: {
        type: 'number',
        description: 'Waiting period before a scheduled deletion completes (deletion_window_in_days, 7-30). Provider default 30. Live: PendingDeletionWindowInDays only while deletion is pending, else the attribute is absent.',
      },
      pendingDeletion: { type: 'boolean', description: 'Live: KeyState is PendingDeletion. Terraform: false.' },
      keyPolicy: {
        type: 'json',
        description:
          'Key policy document (parsed JSON): the key\'s `policy`, or an aws_kms_key_policy for the key (a facet, which replaces it). Absent with origin default when no policy is configured: AWS then applies the default key policy, which grants kms:* to the account root principal only.',
      },
      multiRegion: { type: 'boolean', description: 'Multi-Region key (primary or replica). Default false.' },
      keyOrigin: {
        type: 'string',
        description:
          'Where the key material comes from: AWS_KMS, EXTERNAL (imported: aws_kms_external_key), AWS_CLOUDHSM or EXTERNAL_KEY_STORE (custom key stores). Automatic rotation exists only for AWS_KMS.',
      },
      replica: { type: 'boolean', description: 'A multi-Region replica key (aws_kms_replica_key / aws_kms_replica_external_key); its rotation follows the primary key.' },
      aliases: { type: 'string[]', description: 'Alias names (`alias/x`) pointing at the key (Terraform: aws_kms_alias resources whose target_key_id resolves here; live: ListAliases).' },
      ...tagAttrs,
    },
    links: {
      primaryKey: { kinds: ['aws.kms.key'], description: 'For a replica key: the primary key (primary_key_arn), when in the model.' },
      keyPolicySource: {
        kinds: ['aws.iam.policy-document'],
        description: 'The data.aws_iam_policy_document the policy expression references; code checks read its statements when the policy JSON is known only after apply.',
      },
    },
  },
]);
