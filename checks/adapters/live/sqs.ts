import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A queue as GetQueueAttributes (All) describes it, with its tags. */
const queue: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.sqs.queue', ctx, [dataAt(rec, 'QueueUrl'), dataAt(rec, 'QueueName')]);
  const key = dataAt(rec, 'Attributes.KmsMasterKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'QueueName'),
    kmsMasterKeyId: liveAttr(rec, ctx, 'Attributes.KmsMasterKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'Attributes.KmsMasterKeyId', key ? keyIsAwsManaged(ctx, key) : true, ['Attributes'], key ? 'explicit' : 'default')),
    policy: liveAttr(rec, ctx, 'Attributes.Policy'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'Attributes.KmsMasterKeyId' }));
  return r;
};

export const sqsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SQS::Queue': queue };
