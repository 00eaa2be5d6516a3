import { DATA_CLASS, tagsAttr } from './common-attrs.js';
import { defineKinds } from './spec.js';

const TAGS = tagsAttr();

export const kinesisKinds = defineKinds([
  {
    kind: 'aws.kinesis.stream',
    title: 'Kinesis data stream',
    terraform: ['aws_kinesis_stream'],
    attrs: {
      name: { type: 'string', description: 'Stream name (name; live: StreamDescriptionSummary.StreamName).' },
      encryptionType: { type: 'string', description: 'Server-side encryption: NONE or KMS (encryption_type; live: StreamDescriptionSummary.EncryptionType). Default NONE.' },
      kmsKeyId: { type: 'string', description: 'KMS key of KMS encryption (kms_key_id; live: StreamDescriptionSummary.KeyId); alias/aws/kinesis is the AWS managed key.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when the key is the AWS managed alias/aws/kinesis (or kms_key_id unset); false for a customer managed key (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER); unknown for a literal key id or ARN not in the input.',
      },
      retentionHours: { type: 'number', description: 'Record retention in hours (retention_period; live: StreamDescriptionSummary.RetentionPeriodHours). Default 24.' },
      resourcePolicies: {
        type: 'json',
        description:
          "Resource policies of the stream and of its enhanced fan-out consumers, one document each (aws_kinesis_resource_policy `policy`, whose resource_arn is the stream's or a consumer's ARN; live: GetResourcePolicy of the stream and of each ListStreamConsumers consumer). Default []: none, so only the owning account's principals that IAM allows.",
      },
      tags: TAGS,
      dataClass: DATA_CLASS,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      policySources: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document each resource policy is written with.' },
    },
  },
]);
