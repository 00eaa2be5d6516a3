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
]);
