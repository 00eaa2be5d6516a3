import { dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A topic as GetTopicAttributes describes it, with its tags. */
const topic: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.sns.topic', ctx, [dataAt(rec, 'Attributes.TopicArn')]);
  const key = dataAt(rec, 'Attributes.KmsMasterKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    kmsMasterKeyId: liveAttr(rec, ctx, 'Attributes.KmsMasterKeyId'),
    policy: liveAttr(rec, ctx, 'Attributes.Policy'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'Attributes.KmsMasterKeyId' }));
  return r;
};

export const snsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SNS::Topic': topic };
