import { DATA_CLASS, tagsAttr } from './common-attrs.js';
import { defineKinds } from './spec.js';

const TAGS = tagsAttr('the tag map');

export const mskKinds = defineKinds([
  {
    kind: 'aws.msk.cluster',
    title: 'MSK provisioned (Kafka) cluster',
    terraform: ['aws_msk_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (cluster_name; live: ClusterName).' },
      kmsKeyArn: {
        type: 'string',
        description: 'KMS key of the broker volumes (encryption_info.encryption_at_rest_kms_key_arn; live: Provisioned.EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId); computed in a plan when not configured. Unset: the AWS managed key aws/kafka.',
      },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The broker volumes are encrypted with the AWS managed key (the key unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      clientBroker: {
        type: 'string',
        description: 'Encryption between clients and brokers: TLS, TLS_PLAINTEXT or PLAINTEXT (encryption_info.encryption_in_transit.client_broker; live: Provisioned.EncryptionInfo.EncryptionInTransit.ClientBroker). Default TLS.',
      },
      inCluster: { type: 'boolean', description: 'Brokers talk to each other over TLS (encryption_info.encryption_in_transit.in_cluster; live: Provisioned.EncryptionInfo.EncryptionInTransit.InCluster). Default true.' },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of encryption_at_rest_kms_key_arn, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Broker security groups (broker_node_group_info.security_groups); each group gets the inverse link `attachedResources`.' },
    },
  },
  {
    kind: 'aws.msk.serverless-cluster',
    title: 'MSK Serverless (Kafka) cluster',
    terraform: ['aws_msk_serverless_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (cluster_name; live: ClusterName).' },
      iamAuthEnabled: {
        type: 'boolean',
        description: 'Clients authenticate with IAM (client_authentication.sasl.iam.enabled; live: Serverless.ClientAuthentication.Sasl.Iam.Enabled). Required in Terraform; absent live: false.',
      },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Security groups of the VPC configurations (vpc_config.security_group_ids); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
