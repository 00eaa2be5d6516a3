import { parameterNameLooksSecret } from '../shared/secret-names.js';
import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A parameter as DescribeParameters describes it (with its tags); the value itself is never read. */
const parameter: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ssm.parameter', ctx, [dataAt(rec, 'Name')]);
  const key = dataAt(rec, 'KeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    type: liveAttr(rec, ctx, 'Type'),
    keyId: liveAttr(rec, ctx, 'KeyId'),
    nameLooksSecret: liveDerived(rec, ctx, 'Name', parameterNameLooksSecret(dataAt(rec, 'Name'))),
    keyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'KeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    tier: liveAttr(rec, ctx, 'Tier', { default: 'Standard' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KeyId' }));
  return r;
};

export const ssmLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SSM::Parameter': parameter };
