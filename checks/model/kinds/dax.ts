import { defineKinds } from './spec.js';

export const daxKinds = defineKinds([
  {
    kind: 'aws.dax.cluster',
    title: 'DynamoDB Accelerator (DAX) cluster',
    terraform: ['aws_dax_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (cluster_name; live: ClusterName).' },
      sseEnabled: {
        type: 'boolean',
        description: 'Server-side encryption of the nodes\' cache and logs (server_side_encryption.enabled; live: SSEDescription.Status ENABLED). Default false. DAX encrypts with a key AWS owns; no customer-managed key can be chosen.',
      },
      endpointEncryptionType: { type: 'string', description: 'Encryption of the cluster endpoint: TLS or NONE (cluster_endpoint_encryption_type; live: ClusterEndpointEncryptionType). Default NONE.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
