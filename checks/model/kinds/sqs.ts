import { defineKinds } from './spec.js';

export const sqsKinds = defineKinds([
  {
    kind: 'aws.sqs.queue',
    title: 'SQS queue',
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_policy'],
    attrs: {
      name: { type: 'string', description: 'Queue name (name; live: the last part of QueueArn).' },
      kmsMasterKeyId: { type: 'string', description: 'KMS key of SSE-KMS (kms_master_key_id; live: Attributes.KmsMasterKeyId). Absent: SSE-SQS (SQS-owned keys) or no encryption.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'True when messages are not encrypted with a customer managed key: kms_master_key_id unset (SSE-SQS or none) or alias/aws/sqs; false for a customer managed key (a reference to an aws_kms_key/aws_kms_alias resource, a customer alias, or live a key whose KeyManager is CUSTOMER); unknown for a literal key id or ARN not in the input.',
      },
      policy: { type: 'json', description: 'Queue access policy (policy, or aws_sqs_queue_policy merged in; live: Attributes.Policy). Absent: no policy.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_master_key_id, when it is in the model.' },
      queue: { kinds: ['aws.sqs.queue'], description: 'aws_sqs_queue_policy: the queue it belongs to (merged into it).' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the queue policy is written with.' },
    },
  },
]);
