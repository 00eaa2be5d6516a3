import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A parameter as DescribeParameters describes it (with its tags); the value itself is never read. */
const parameter: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ssm.parameter', ctx, [dataAt(rec, 'Name')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    type: liveAttr(rec, ctx, 'Type'),
    keyId: liveAttr(rec, ctx, 'KeyId'),
    tier: liveAttr(rec, ctx, 'Tier', { default: 'Standard' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  return r;
};

export const ssmLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SSM::Parameter': parameter };
