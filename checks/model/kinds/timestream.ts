import { defineKinds } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
  },
} as const;

export const timestreamKinds = defineKinds([
  {
    kind: 'aws.timestream.database',
    title: 'Timestream for LiveAnalytics database',
    terraform: ['aws_timestreamwrite_database'],
    attrs: {
      name: { type: 'string', description: 'Database name (database_name; live: DatabaseName).' },
      kmsKeyId: { type: 'string', description: 'KMS key that encrypts every table of the database (kms_key_id; live: KmsKeyId). Unset: the AWS managed key alias/aws/timestream.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The database encrypts with the AWS managed key (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      ...tagAttrs,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      tables: { kinds: ['aws.timestream.table'], description: 'Tables of the database (inverse of the table\'s `database`).' },
    },
  },
  {
    kind: 'aws.timestream.table',
    title: 'Timestream for LiveAnalytics table',
    terraform: ['aws_timestreamwrite_table'],
    attrs: {
      name: { type: 'string', description: 'Table name (table_name; live: TableName).' },
      databaseName: { type: 'string', description: 'The database holding the table (database_name; live: DatabaseName). A table has no key of its own: the database\'s key encrypts it.' },
      ...tagAttrs,
    },
    links: {
      database: { kinds: ['aws.timestream.database'], description: 'The database of database_name (its key encrypts the table).' },
    },
  },
]);
