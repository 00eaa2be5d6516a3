import { defineKinds } from './spec.js';

export const memorydbKinds = defineKinds([
  {
    kind: 'aws.memorydb.cluster',
    title: 'MemoryDB cluster',
    terraform: ['aws_memorydb_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (name; live: Name); computed in a plan when not configured.' },
      kmsKeyArn: { type: 'string', description: 'KMS key of the at-rest encryption (kms_key_arn; live: KmsKeyId). Unset: a key AWS owns (MemoryDB always encrypts at rest).' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The cluster encrypts with a key AWS owns or manages (kms_key_arn unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      tlsEnabled: { type: 'boolean', description: 'Clients must connect over TLS (tls_enabled; live: TLSEnabled). Default true.' },
      aclName: {
        type: 'string',
        description: 'The access control list of users who may connect (acl_name, required; live: ACLName). `open-access` is the built-in list that lets every client in without a password, with every command on every key.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_arn, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
