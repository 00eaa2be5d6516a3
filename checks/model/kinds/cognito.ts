import { DATA_CLASS, tagsAttr } from './common-attrs.js';
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
  {
    kind: 'aws.cognito.identity-pool',
    title: 'Cognito identity pool',
    terraform: ['aws_cognito_identity_pool'],
    attrs: {
      name: { type: 'string', description: 'Identity pool name (identity_pool_name; live: IdentityPoolName).' },
      allowUnauthenticated: {
        type: 'boolean',
        description:
          'Anyone who calls GetId without signing in gets an identity, and AWS credentials of the pool\'s unauthenticated role (allow_unauthenticated_identities; live: DescribeIdentityPool AllowUnauthenticatedIdentities). Default false.',
      },
      allowClassicFlow: { type: 'boolean', description: 'The basic (classic) authentication flow is allowed (allow_classic_flow; live: AllowClassicFlow). Default false.' },
      tags: tagsAttr('IdentityPoolTags'),
      dataClass: DATA_CLASS,
    },
    links: {},
  },
]);
