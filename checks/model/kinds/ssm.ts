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
      tier: { type: 'string', description: 'Standard, Advanced or Intelligent-Tiering. Default Standard.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
