import { awsManagedKeyAttr, computedAttr, isConfigured, attr, jsonAttr, linkRef, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const queue: TfAdapter = (rec) => {
  // The queue URL is its id; the linker reaches it from aws_sqs_queue_policy.queue_url by either.
  const r = tfResource(rec, 'aws.sqs.queue', [rec.values.name, rec.values.url]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsMasterKeyId: attr<string>(rec, 'kms_master_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_master_key_id'),
    // policy is Optional+Computed: not configured, the queue has none until a queue policy merges in.
    policy: isConfigured(rec, 'policy') === false ? computedAttr(rec, 'policy') : jsonAttr(rec, 'policy'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_master_key_id', ['aws.kms.key']), policyDocumentRef(rec, 'policySource', 'policy'));
  return r;
};

/** aws_sqs_queue_policy: the queue's policy, merged into it. */
const queuePolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sqs.queue');
  r.identifiers = [];
  r.attrs = { policy: jsonAttr(rec, 'policy') };
  r.linkRefs!.push(linkRef(rec, 'queue', 'queue_url', ['aws.sqs.queue']), policyDocumentRef(rec, 'policySource', 'policy'));
  r.mergeInto = 'queue';
  return r;
};

/** Terraform resource type -> adapter. */
export const sqsAdapters: Record<string, TfAdapter> = { aws_sqs_queue: queue, aws_sqs_queue_policy: queuePolicy };
