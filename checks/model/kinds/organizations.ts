import { defineKinds } from './spec.js';

/** org slice (issue 14, wave 4): AWS Organizations service control policies, their content and where they are attached. */
export const organizationsKinds = defineKinds([
  {
    kind: 'aws.organizations.policy',
    title: 'AWS Organizations policy (service control policy)',
    terraform: ['aws_organizations_policy', 'aws_organizations_policy_attachment'],
    attrs: {
      name: { type: 'string', description: 'Policy name (name; live: PolicySummary Name).' },
      policyType: {
        type: 'string',
        description: "'SERVICE_CONTROL_POLICY' (type, the provider default; live: the ListPolicies filter) | another Organizations policy type (tag, backup, AI opt-out ...), which denies nothing.",
      },
      content: { type: 'json', description: 'The policy document (content; live: DescribePolicy Policy.Content).' },
      targets: {
        type: 'string[]',
        description:
          'Ids of the roots, organizational units and accounts the policy is attached to (aws_organizations_policy_attachment target_id, appended per attachment, often known only after apply; live: ListTargetsForPolicy TargetId). Default [] (attached nowhere).',
      },
      targetKinds: {
        type: 'string[]',
        description:
          "What each attachment's target is: 'root' (an r- id, or a reference to aws_organizations_organization's roots), 'ou' (ou- id or aws_organizations_organizational_unit), 'account' (a 12-digit id or aws_organizations_account), 'other' (anything else). Live: from the TargetId. A root covers every member account; an OU or account covers only those under it.",
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: not collected, `{}`).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {
      policy: { kinds: ['aws.organizations.policy'], description: 'aws_organizations_policy_attachment: the policy it attaches (merged into it).' },
      contentSource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the content is written with.' },
    },
  },
]);
