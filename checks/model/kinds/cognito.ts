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
      passwordMinimumLength: {
        type: 'number',
        description: 'Shortest password accepted (password_policy.minimum_length; live Policies.PasswordPolicy.MinimumLength). Default 8, the AWS default policy, when the block is not written; computed in a plan while not configured.',
      },
      passwordRequireLowercase: { type: 'boolean', description: 'password_policy.require_lowercase (live RequireLowercase). Default true without the block (the AWS default policy); false when the block leaves it out.' },
      passwordRequireUppercase: { type: 'boolean', description: 'password_policy.require_uppercase (live RequireUppercase). Default true without the block; false when the block leaves it out.' },
      passwordRequireNumbers: { type: 'boolean', description: 'password_policy.require_numbers (live RequireNumbers). Default true without the block; false when the block leaves it out.' },
      passwordRequireSymbols: { type: 'boolean', description: 'password_policy.require_symbols (live RequireSymbols). Default true without the block; false when the block leaves it out.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
