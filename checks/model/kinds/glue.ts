import { defineKinds } from './spec.js';

export const glueKinds = defineKinds([
  {
    kind: 'aws.glue.data-catalog',
    title: 'Glue Data Catalog encryption settings (one catalog per account and region)',
    terraform: ['aws_glue_data_catalog_encryption_settings'],
    attrs: {
      catalogEncryptionMode: {
        type: 'string',
        description:
          'DISABLED, SSE-KMS or SSE-KMS-WITH-SERVICE-ROLE (data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode; live: DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode). Default DISABLED.',
      },
      catalogKmsKeyId: { type: 'string', description: 'KMS key of the catalog metadata (…encryption_at_rest.sse_aws_kms_key_id; live: …EncryptionAtRest.SseAwsKmsKeyId). Absent: the AWS managed key aws/glue.' },
      connectionPasswordEncrypted: {
        type: 'boolean',
        description:
          'Connection passwords are encrypted with a KMS key and returned encrypted (…connection_password_encryption.return_connection_password_encrypted; live: …ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted). Default false.',
      },
      connectionPasswordKmsKeyId: { type: 'string', description: 'KMS key of connection passwords (…connection_password_encryption.aws_kms_key_id; live: …ConnectionPasswordEncryption.AwsKmsKeyId).' },
    },
    links: {
      catalogKey: { kinds: ['aws.kms.key'], description: 'The KMS key of catalogKmsKeyId, when it is in the model.' },
    },
  },
  // lakes-apis slice (issue 14, wave 4)
  {
    kind: 'aws.glue.catalog-entry',
    title: 'Glue Data Catalog database or table',
    terraform: ['aws_glue_catalog_database', 'aws_glue_catalog_table'],
    attrs: {
      entryType: { type: 'string', description: "'database' (aws_glue_catalog_database; live: AWS::Glue::Database) | 'table' (aws_glue_catalog_table; live: AWS::Glue::Table)." },
      name: { type: 'string', description: 'Database or table name (name; live: Name of GetDatabases / GetTables).' },
      databaseName: { type: 'string', description: 'The database a table belongs to (database_name; live: DatabaseName); the database itself for a database.' },
      catalogId: { type: 'string', description: 'The catalog (an account id) it belongs to (catalog_id, Optional+Computed: the account when not configured; live: CatalogId).' },
      tags: { type: 'object', description: 'Resource tags (a database: Terraform `tags_all` when known, else `tags`; live: GetTags). Tables have none.' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; a table takes its database\'s; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      database: { kinds: ['aws.glue.catalog-entry'], description: "A table's database (database_name; live: DatabaseName), whose classification the table takes: tables carry no tags." },
    },
  },
]);
