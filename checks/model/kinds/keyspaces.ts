import { defineKinds } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
  },
} as const;

export const keyspacesKinds = defineKinds([
  {
    kind: 'aws.keyspaces.keyspace',
    title: 'Amazon Keyspaces (for Apache Cassandra) keyspace',
    terraform: ['aws_keyspaces_keyspace'],
    attrs: {
      name: { type: 'string', description: 'Keyspace name (name; live: keyspaceName). Its tables hold the records; a keyspace has no encryption of its own.' },
      ...tagAttrs,
    },
    links: {
      tables: { kinds: ['aws.keyspaces.table'], description: 'Tables of the keyspace (inverse of the table\'s `keyspace`).' },
    },
  },
  {
    kind: 'aws.keyspaces.table',
    title: 'Amazon Keyspaces (for Apache Cassandra) table',
    terraform: ['aws_keyspaces_table'],
    attrs: {
      name: { type: 'string', description: 'Table name (table_name; live: tableName).' },
      keyspaceName: { type: 'string', description: 'The keyspace of the table (keyspace_name; live: keyspaceName).' },
      kmsKeyId: { type: 'string', description: 'Customer-managed key of the table (encryption_specification.kms_key_identifier; live: encryptionSpecification.kmsKeyIdentifier).' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description: 'The table encrypts with a key AWS owns (encryption_specification.type AWS_OWNED_KMS_KEY, the default; live: encryptionSpecification.type); false for CUSTOMER_MANAGED_KMS_KEY.',
      },
      pointInTimeRecovery: { type: 'boolean', description: 'Continuous backups for point-in-time restore (point_in_time_recovery.status ENABLED; live: pointInTimeRecovery.status). Default DISABLED.' },
      ...tagAttrs,
    },
    links: {
      keyspace: { kinds: ['aws.keyspaces.keyspace'], description: 'The keyspace of keyspace_name.' },
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_identifier, when it is in the model.' },
    },
  },
]);
