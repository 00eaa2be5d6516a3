import { attr, computedAttr, isConfigured, jsonAttr, linkRef, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const topic: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sns.topic', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsMasterKeyId: attr<string>(rec, 'kms_master_key_id'),
    // policy is Optional+Computed: not configured, the topic has AWS's default policy until a topic policy merges in.
    policy: isConfigured(rec, 'policy') === false ? computedAttr(rec, 'policy') : jsonAttr(rec, 'policy'),
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'kmsKey', 'kms_master_key_id', ['aws.kms.key']), policyDocumentRef(rec, 'policySource', 'policy')];
  return r;
};

/** aws_sns_topic_policy: the topic's policy, merged into the topic its `arn` names. */
const topicPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sns.topic');
  r.identifiers = [];
  r.attrs = { policy: jsonAttr(rec, 'policy') };
  r.linkRefs = [linkRef(rec, 'topic', 'arn', ['aws.sns.topic']), policyDocumentRef(rec, 'policySource', 'policy')];
  r.mergeInto = 'topic';
  return r;
};

export const snsAdapters: Record<string, TfAdapter> = { aws_sns_topic: topic, aws_sns_topic_policy: topicPolicy };
