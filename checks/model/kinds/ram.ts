import { defineKinds } from './spec.js';

/**
 * AWS RAM resource shares: another account may use what a share holds. For the data stores RAM can share (Aurora
 * clusters, which the other account can clone; Glue catalogs, databases and tables; logically air-gapped backup
 * vaults), that is a copy of the records outside the account.
 */
export const SHAREABLE_STORE_KINDS = ['aws.rds.cluster', 'aws.glue.data-catalog', 'aws.glue.catalog-entry', 'aws.backup.vault'] as const;

export const ramKinds = defineKinds([
  {
    kind: 'aws.ram.resource-share',
    title: 'AWS RAM resource share',
    terraform: ['aws_ram_resource_share', 'aws_ram_resource_association', 'aws_ram_principal_association'],
    attrs: {
      name: { type: 'string', description: 'Share name (name; live: name).' },
      allowExternalPrincipals: {
        type: 'boolean',
        description: 'Principals outside the organisation may be added (allow_external_principals; live: allowExternalPrincipals). Provider and API default true.',
      },
      principals: {
        type: 'string[]',
        description: 'Who the share is shared with: account ids, organisation or OU ARNs, IAM roles or users (aws_ram_principal_association principal, appended; live: GetResourceShareAssociations PRINCIPAL). Default none.',
      },
      resourceArns: {
        type: 'string[]',
        description: 'The ARNs of what the share holds (aws_ram_resource_association resource_arn, appended; live: GetResourceShareAssociations RESOURCE). Default none.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: tags as an object).' },
    },
    links: {
      sharedResources: { kinds: [...SHAREABLE_STORE_KINDS], description: 'The data stores the share holds, when they are in the input.' },
      share: { kinds: ['aws.ram.resource-share'], description: 'Facets (resource and principal associations): the share they add to.' },
    },
  },
]);
