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

/** guard slice: a metric filter as DescribeMetricFilters lists it; it links to its log group in the same region. */
const metricFilter: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.logs.metric-filter', ctx);
  const group = dataAt(rec, 'logGroupName') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'filterName'),
    logGroupName: liveAttr(rec, ctx, 'logGroupName'),
    pattern: liveAttr(rec, ctx, 'filterPattern', { default: '' }),
    metricName: liveAttr(rec, ctx, 'metricTransformations.0.metricName'),
    metricNamespace: liveAttr(rec, ctx, 'metricTransformations.0.metricNamespace'),
  };
  if (group) {
    const groupArn = `arn:${ctx.snapshot.account.partition}:logs:${rec.region}:${rec.account}:log-group:${group}`;
    r.linkRefs!.push(liveLink(rec, ctx, 'logGroup', logGroupToken(groupArn), ['aws.logs.log-group'], { inverse: 'metricFilters', attribute: 'logGroupName' }));
  }
  return r;
};

export const logsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Logs::LogGroup': logGroup, 'AWS::Logs::MetricFilter': metricFilter };
