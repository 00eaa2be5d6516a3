import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, livePolicyList, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A stream as DescribeStreamSummary describes it (facet `StreamDescriptionSummary`), with its tags. */
const stream: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.kinesis.stream', ctx, [dataAt(rec, 'StreamName')]);
  const key = dataAt(rec, 'StreamDescriptionSummary.KeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'StreamName'),
    encryptionType: liveAttr(rec, ctx, 'StreamDescriptionSummary.EncryptionType', { default: 'NONE' }),
    kmsKeyId: liveAttr(rec, ctx, 'StreamDescriptionSummary.KeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'StreamDescriptionSummary.KeyId', key ? keyIsAwsManaged(ctx, key) : true, ['StreamDescriptionSummary'], key ? 'explicit' : 'default')),
    retentionHours: liveAttr(rec, ctx, 'StreamDescriptionSummary.RetentionPeriodHours', { default: 24 }),
    resourcePolicies: livePolicyList(rec, ctx, 'resourcePolicies', ['resourcePolicy', 'consumerPolicies']),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'StreamDescriptionSummary.KeyId' }));
  return r;
};

export const kinesisLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Kinesis::Stream': stream };
