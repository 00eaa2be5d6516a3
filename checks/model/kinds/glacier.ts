import { defineKinds } from './spec.js';

/**
 * org slice (issue 14, wave 4): S3 Glacier vaults (the original Glacier API; S3 Glacier storage classes are S3
 * buckets). Glacier always encrypts archives with AES-256 under keys it manages (there is no customer key to
 * choose), so what a configuration decides is who may read them: the vault access policy.
 */
export const glacierKinds = defineKinds([
  {
    kind: 'aws.glacier.vault',
    title: 'S3 Glacier vault',
    terraform: ['aws_glacier_vault'],
    attrs: {
      name: { type: 'string', description: 'Vault name (name; live: VaultName).' },
      accessPolicy: { type: 'json', description: 'Vault access policy (access_policy; live: GetVaultAccessPolicy policy.Policy). Absent: none (only the owning account\'s principals).' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForVault).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the access policy is written with.' },
    },
  },
]);
