import { defineKinds } from './spec.js';

export const snsKinds = defineKinds([
  {
    kind: 'aws.sns.topic',
    title: 'SNS topic',
    terraform: ['aws_sns_topic', 'aws_sns_topic_policy'],
    attrs: {
      name: { type: 'string', description: 'Topic name.' },
      kmsMasterKeyId: { type: 'string', description: 'KMS key that encrypts messages at rest (kms_master_key_id; live: Attributes.KmsMasterKeyId); absent means messages are stored unencrypted.' },
      policy: {
        type: 'object',
        description:
          'Topic access policy (policy on aws_sns_topic, or an aws_sns_topic_policy merged in; live: Attributes.Policy). Optional+Computed: not configured, AWS gives the topic its default policy (the owner account only; a plan shows it computed).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_master_key_id, when it is in the model.' },
      policySource: { kinds: ['aws.iam.policy-document'], description: 'The data.aws_iam_policy_document the policy expression references' },
      subscriptions: { kinds: ['aws.sns.subscription'], description: 'Inverse of subscription `topic`: the subscriptions to this topic the input holds (live: ListSubscriptions, confirmed ones).' },
    },
  },
]);
