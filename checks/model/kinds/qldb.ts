import { defineKinds } from './spec.js';

export const qldbKinds = defineKinds([
  {
    kind: 'aws.qldb.ledger',
    title: 'QLDB ledger',
    terraform: ['aws_qldb_ledger'],
    attrs: {
      name: { type: 'string', description: 'Ledger name (name; live: Name); computed in a plan when not configured.' },
      kmsKey: { type: 'string', description: 'Key of the at-rest encryption (kms_key; live: EncryptionDescription.KmsKeyArn): a KMS key ARN, or AWS_OWNED_KMS_KEY. Unset: AWS_OWNED_KMS_KEY.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The ledger encrypts with a key AWS owns (kms_key unset or AWS_OWNED_KMS_KEY); false for a customer-managed key; unknown otherwise.' },
      deletionProtection: { type: 'boolean', description: 'The ledger cannot be deleted while on (deletion_protection; live: DeletionProtection). Default true.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key, when it is in the model.' },
    },
  },
]);
