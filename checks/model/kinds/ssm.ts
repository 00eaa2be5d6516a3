import { defineKinds } from './spec.js';

export const ssmKinds = defineKinds([
  {
    kind: 'aws.ssm.parameter',
    title: 'Systems Manager Parameter Store parameter',
    terraform: ['aws_ssm_parameter'],
    attrs: {
      name: { type: 'string', description: 'Parameter name (path).' },
      type: { type: 'string', description: 'String, StringList or SecureString (type; live: Type). SecureString values are encrypted with KMS.' },
      keyId: { type: 'string', description: 'KMS key of a SecureString parameter (key_id; live: KeyId); absent means the AWS managed key alias/aws/ssm.' },
      nameLooksSecret: {
        type: 'boolean',
        description: 'Derived: the last segment of the name says the value is a credential (db-password, api-token, client-secret), as checks/util/credentials.ts judges variable names. Unknown while the name is.',
      },
      keyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when a SecureString uses the AWS managed key alias/aws/ssm (key_id unset, or that alias); false for a customer managed key (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER); unknown for a literal key id or ARN not in the input.',
      },
      tier: { type: 'string', description: 'Standard, Advanced or Intelligent-Tiering. Default Standard.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of key_id, when it is in the model.' },
    },
  },
]);
