import { defineKinds } from './spec.js';

export const mqKinds = defineKinds([
  {
    kind: 'aws.mq.broker',
    title: 'Amazon MQ broker (ActiveMQ or RabbitMQ)',
    terraform: ['aws_mq_broker'],
    attrs: {
      name: { type: 'string', description: 'Broker name (broker_name; live: BrokerName).' },
      engineType: { type: 'string', description: 'ACTIVEMQ or RABBITMQ, upper-cased as the API answers (engine_type; live: EngineType).' },
      publiclyAccessible: { type: 'boolean', description: 'The broker has a public endpoint (publicly_accessible; live: PubliclyAccessible). Default false.' },
      useAwsOwnedKey: { type: 'boolean', description: 'Messages at rest are encrypted with a key AWS owns (encryption_options.use_aws_owned_key; live: EncryptionOptions.UseAwsOwnedKey). Default true.' },
      kmsKeyId: { type: 'string', description: 'Customer-managed key of the encryption at rest when use_aws_owned_key is false (encryption_options.kms_key_id; live: EncryptionOptions.KmsKeyId).' },
      auditLogs: { type: 'boolean', description: 'ActiveMQ audit logs go to CloudWatch Logs (logs.audit; live: Logs.Audit). Default false; RabbitMQ has none.' },
      generalLogs: { type: 'boolean', description: 'General logs go to CloudWatch Logs (logs.general; live: Logs.General). Default false.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag map).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of encryption_options.kms_key_id, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Security groups (security_groups); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
