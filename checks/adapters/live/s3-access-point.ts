import { dataAt, liveAttr, liveFacetAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * An S3 access point as ListAccessPoints describes it, with the `policy` facet (GetAccessPointPolicy: null for none).
 * A failed policy read is an error; a snapshot that never read it leaves the policy unknown. Tags are not read: the
 * access point is classified as its bucket.
 */
const accessPoint: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.s3.access-point', ctx, [dataAt(rec, 'Alias')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    bucket: liveAttr(rec, ctx, 'Bucket'),
    policy: liveFacetAttr(rec, ctx, 'policy'),
    networkOrigin: liveAttr(rec, ctx, 'NetworkOrigin', { default: 'Internet' }),
    vpcId: liveAttr(rec, ctx, 'VpcConfiguration.VpcId'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const bucket = dataAt(rec, 'Bucket');
  if (typeof bucket === 'string' && bucket) r.linkRefs!.push(liveLink(rec, ctx, 'bucket', `arn:${ctx.snapshot.account.partition}:s3:::${bucket}`, ['aws.s3.bucket'], { attribute: 'Bucket' }));
  r.classifiedBy = 'bucket';
  return r;
};

export const s3AccessPointLiveAdapters: Record<string, LiveAdapter> = { 'AWS::S3::AccessPoint': accessPoint };
