import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

const documentDescription =
  'Policy document, parsed and normalised (checks/model/iam-document.ts): Statement is an array; Action/NotAction/Resource/NotResource are arrays; ' +
  'Principal/NotPrincipal are objects of arrays ("*" becomes {AWS:["*"]}); Condition is {operator:{key:[values]}}. Pieces known only after apply are unknown markers. ' +
  'Live: the default version of a managed policy, or the inline policy, URL-decoded and normalised the same way.';

export const iamKinds = defineKinds([
  {
    kind: 'aws.iam.policy',
    title: 'IAM identity policy document (managed or inline)',
    terraform: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role (inline_policy blocks)'],
    attrs: {
      name: { type: 'string', description: 'Policy name (managed policy name, or the inline policy name).' },
      arn: { type: 'string', description: 'Managed policy ARN (absent for inline policies).' },
      managed: { type: 'boolean', description: 'True for a managed (standalone) policy, false for an inline policy embedded in a role, user or group.' },
      awsManaged: { type: 'boolean', description: 'True for an AWS managed policy (arn:aws:iam::aws:policy/...); Terraform configurations only declare customer managed ones.' },
      attachedTo: {
        type: 'string[]',
        description: 'Principal types the policy is embedded in or attached to, as known from the declaring resource: "role", "user", "group" (empty for a managed policy; its attachments are links).',
      },
      document: { type: 'json', description: documentDescription },
      ...tagAttrs,
    },
    links: {
      documentSource: {
        kinds: ['aws.iam.policy-document'],
        description: 'The data.aws_iam_policy_document the `policy` expression references; code checks read its document when this policy JSON is unknown (a deferred read in a plan).',
      },
      roles: { kinds: ['aws.iam.role'], description: 'Role an inline policy belongs to (aws_iam_role_policy.role, inline_policy block).' },
      users: { kinds: ['aws.iam.user'], description: 'User an inline policy belongs to (aws_iam_user_policy.user).' },
      groups: { kinds: ['aws.iam.group'], description: 'Group an inline policy belongs to (aws_iam_group_policy.group).' },
      attachments: { kinds: ['aws.iam.policy-attachment'], description: 'Attachments of this managed policy (inverse of the attachment link `policy`).' },
    },
  },
  {
    kind: 'aws.iam.policy-document',
    title: 'IAM policy document data source (data.aws_iam_policy_document)',
    terraform: ['data.aws_iam_policy_document'],
    attrs: {
      document: { type: 'json', description: `${documentDescription} Built from the rendered \`json\` when known, else from the \`statement\` blocks.` },
    },
    links: {},
  },
  {
    kind: 'aws.iam.role',
    title: 'IAM role',
    terraform: ['aws_iam_role'],
    attrs: {
      name: { type: 'string', description: 'Role name.' },
      path: { type: 'string', description: 'Role path. Default "/".' },
      assumeRolePolicy: { type: 'json', description: `Trust policy (assume_role_policy / AssumeRolePolicyDocument). ${documentDescription}` },
      managedPolicyArns: {
        type: 'string[]',
        description: 'Managed policy ARNs set exclusively on the role (deprecated managed_policy_arns argument; live: ListAttachedRolePolicies). Attachments made by separate resources are the link policyAttachments.',
      },
      permissionsBoundary: { type: 'string', description: 'Permissions boundary policy ARN, when set.' },
      maxSessionDuration: { type: 'number', description: 'Maximum session duration in seconds. Default 3600.' },
      ...tagAttrs,
    },
    links: {
      policies: { kinds: ['aws.iam.policy'], description: 'Inline policies of the role and managed policies named in managed_policy_arns that are in the scan.' },
      policyAttachments: { kinds: ['aws.iam.policy-attachment'], description: 'Managed policy attachments naming this role (inverse of the attachment link `roles`).' },
      assumeRolePolicySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the trust policy expression references.' },
      permissionsBoundaryPolicy: { kinds: ['aws.iam.policy'], description: 'The permissions boundary policy, when it is in the scan.' },
    },
  },
  {
    kind: 'aws.iam.user',
    title: 'IAM user',
    terraform: ['aws_iam_user'],
    attrs: {
      name: { type: 'string', description: 'User name.' },
      path: { type: 'string', description: 'User path. Default "/".' },
      permissionsBoundary: { type: 'string', description: 'Permissions boundary policy ARN, when set.' },
      // guard slice: from the IAM credential report (live only; Terraform cannot see MFA devices or key ages).
      consoleAccess: { type: 'boolean', description: 'The user has a console password (credential report password_enabled). Live only.' },
      mfaActive: { type: 'boolean', description: 'The user has an MFA device (credential report mfa_active). Live only.' },
      accessKeyMaxAgeDays: {
        type: 'number',
        description: 'Age in days, at collection time, of the oldest active access key (credential report access_key_N_last_rotated); 0 without an active key. Live only.',
      },
      credentialMaxUnusedDays: {
        type: 'number',
        description: 'Longest time in days, at collection time, an active credential (console password or access key) has gone unused: since its last use, or since it was created or rotated when never used; 0 without an active credential. Live only.',
      },
      ...tagAttrs,
    },
    links: {
      inlinePolicies: { kinds: ['aws.iam.policy'], description: 'Inline policies embedded in the user (aws_iam_user_policy; live: ListUserPolicies as aws.iam.policy resources).' },
      policyAttachments: {
        kinds: ['aws.iam.policy-attachment'],
        description: 'Managed policies attached directly to the user (aws_iam_user_policy_attachment, aws_iam_policy_attachment.users; live: ListAttachedUserPolicies as attachment resources).',
      },
      groups: { kinds: ['aws.iam.group'], description: 'Groups the user is a member of (aws_iam_user_group_membership).' },
    },
  },
  {
    kind: 'aws.iam.group',
    title: 'IAM group',
    terraform: ['aws_iam_group'],
    attrs: {
      name: { type: 'string', description: 'Group name.' },
      path: { type: 'string', description: 'Group path. Default "/".' },
    },
    links: {
      inlinePolicies: { kinds: ['aws.iam.policy'], description: 'Inline policies embedded in the group.' },
      policyAttachments: { kinds: ['aws.iam.policy-attachment'], description: 'Managed policies attached to the group.' },
    },
  },
  {
    kind: 'aws.iam.policy-attachment',
    title: 'Managed policy attached to a role, user or group',
    terraform: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role (one per managed_policy_arns entry, address <role>.managed_policy_arns["<arn>"])', 'aws_iam_role_policy_attachments_exclusive', 'aws_iam_user_policy_attachments_exclusive', 'aws_iam_group_policy_attachments_exclusive (one per policy_arns entry)'],
    attrs: {
      policyArn: { type: 'string', description: 'ARN of the attached managed policy.' },
      awsManagedPolicy: { type: 'boolean', description: 'The attached policy is AWS managed (arn:aws:iam::aws:policy/...).' },
      principalTypes: { type: 'string[]', description: 'Principal types the attachment names: role, user, group.' },
      principalNames: { type: 'string[]', description: 'Names of the roles, users or groups as written (may be unknown when they come from resources created in the same plan).' },
    },
    links: {
      policy: { kinds: ['aws.iam.policy'], description: 'The attached managed policy, when it is in the scan.' },
      roles: { kinds: ['aws.iam.role'], description: 'Roles the policy is attached to.' },
      users: { kinds: ['aws.iam.user'], description: 'Users the policy is attached to.' },
      groups: { kinds: ['aws.iam.group'], description: 'Groups the policy is attached to.' },
    },
  },
]);
