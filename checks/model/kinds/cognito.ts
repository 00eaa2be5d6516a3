import { defineKinds } from './spec.js';

export const cognitoKinds = defineKinds([
  {
    kind: 'aws.cognito.user-pool',
    title: 'Cognito user pool',
    terraform: ['aws_cognito_user_pool'],
    attrs: {
      name: { type: 'string', description: 'User pool name (name).' },
      mfaConfiguration: { type: 'string', description: "MFA: 'OFF' | 'OPTIONAL' | 'ON' (mfa_configuration). Default OFF." },
      advancedSecurityMode: {
        type: 'string',
        description: "Threat protection (advanced security): 'OFF' | 'AUDIT' | 'ENFORCED' (user_pool_add_ons.advanced_security_mode). Default OFF without the block.",
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
