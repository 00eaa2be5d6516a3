import { dataAt, liveAttr, liveDerived, liveLink, liveResource, logGroupToken, tagVals, type LiveAdapter } from './helpers/index.js';

/** A log group: no retentionInDays in the API answer means never expire (0). */
const logGroup: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.logs.log-group', ctx, [logGroupToken(rec.arn)]);
  const days = dataAt(rec, 'retentionInDays') as number | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'logGroupName'),
    retentionDays: liveAttr(rec, ctx, 'retentionInDays', { default: 0 }),
    neverExpires: liveDerived(rec, ctx, 'retentionInDays', days === undefined || days === 0, [], days === undefined ? 'default' : 'explicit'),
    kmsKeyId: liveAttr(rec, ctx, 'kmsKeyId'),
    logGroupClass: liveAttr(rec, ctx, 'logGroupClass', { default: 'STANDARD' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'kmsKeyId'), ['aws.kms.key'], { attribute: 'kmsKeyId' }));
  return r;
};

export const logsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Logs::LogGroup': logGroup };
