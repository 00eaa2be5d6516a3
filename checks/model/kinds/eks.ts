import { defineKinds } from './spec.js';

export const eksKinds = defineKinds([
  {
    kind: 'aws.eks.cluster',
    title: 'EKS cluster',
    terraform: ['aws_eks_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (name; live: cluster.name).' },
      secretsKeyArn: {
        type: 'string',
        description:
          'The KMS key envelope-encrypting Kubernetes secrets (encryption_config.provider.key_arn where resources holds "secrets"; live: the encryptionConfig entry for "secrets"). Absent: no envelope encryption with a key of yours.',
      },
      secretsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when no customer managed key encrypts secrets (no encryption_config for "secrets"); false for a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER; unknown for a literal key ARN not in the input.',
      },
      endpointPublicAccess: { type: 'boolean', description: 'The API server endpoint is reachable from the internet (vpc_config.endpoint_public_access; live: resourcesVpcConfig.endpointPublicAccess). Default true.' },
      endpointPrivateAccess: { type: 'boolean', description: 'The endpoint is reachable from inside the VPC (vpc_config.endpoint_private_access; live: resourcesVpcConfig.endpointPrivateAccess). Default false.' },
      publicAccessCidrs: {
        type: 'string[]',
        description: 'CIDR blocks that may reach the public endpoint (vpc_config.public_access_cidrs, Optional+Computed; live: resourcesVpcConfig.publicAccessCidrs). Default ["0.0.0.0/0"].',
      },
      enabledLogTypes: {
        type: 'string[]',
        description: 'Control-plane log types sent to CloudWatch Logs: api, audit, authenticator, controllerManager, scheduler (enabled_cluster_log_types; live: the enabled entries of logging.clusterLogging). Default [].',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: cluster.tags).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      secretsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of secretsKeyArn, when it is in the model.' },
    },
  },
]);
