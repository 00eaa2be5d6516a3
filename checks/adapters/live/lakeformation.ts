import { dataAt, liveAttr, liveLink, liveResource, locAt, tagVals, type LiveAdapter } from './helpers/index.js';
import { bucketOfS3Arn } from '../shared/s3-arn.js';

// apis slice (issue 14, wave 4)
/** A registered location as ListResources answers it; AWS always answers HybridAccessEnabled, so a missing one is unknown (moto drops it). */
const resource: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.lakeformation.resource', ctx, [dataAt(rec, 'ResourceArn')]);
  r.attrs = {
    resourceArn: liveAttr(rec, ctx, 'ResourceArn'),
    roleArn: liveAttr(rec, ctx, 'RoleArn'),
    hybridAccessEnabled: typeof dataAt(rec, 'HybridAccessEnabled') === 'boolean' ? liveAttr(rec, ctx, 'HybridAccessEnabled') : { value: undefined, origin: 'unknown', loc: locAt(rec, ctx, 'HybridAccessEnabled') },
    ...tagVals(rec, ctx, 'tags'),
  };
  // A location has no tags: it is classified as the bucket it is in.
  const arn = dataAt(rec, 'ResourceArn');
  r.linkRefs!.push(liveLink(rec, ctx, 'location', typeof arn === 'string' ? bucketOfS3Arn(arn) : undefined, ['aws.s3.bucket'], { attribute: 'ResourceArn' }));
  r.classifiedBy = 'location';
  return r;
};

export const lakeformationLiveAdapters: Record<string, LiveAdapter> = { 'AWS::LakeFormation::Resource': resource };
