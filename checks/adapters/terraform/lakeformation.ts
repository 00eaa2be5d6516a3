import { isUnknown } from '../../model/value.js';
import { asBool, attr, locOf, rawAt, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';
import { bucketOfS3Arn } from '../shared/s3-arn.js';

// apis slice (issue 14, wave 4)
/** aws_lakeformation_resource: an S3 location registered with Lake Formation (its `arn` is the location's ARN). */
const resource: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.lakeformation.resource');
  r.attrs = {
    resourceArn: attr<string>(rec, 'arn'),
    roleArn: attr<string>(rec, 'role_arn'),
    hybridAccessEnabled: attr<boolean>(rec, 'hybrid_access_enabled', { default: false, map: asBool }),
    ...tagAttrs(rec),
  };
  // A location has no tags: it is classified as the bucket it is in (a reference, or the ARN's bucket).
  const arn = rawAt(rec.values, 'arn');
  const bucket = typeof arn === 'string' && !isUnknown(arn) ? bucketOfS3Arn(arn) : undefined;
  r.linkRefs!.push({ name: 'location', kinds: ['aws.s3.bucket'], addresses: referencesOf(rec, 'arn'), literals: bucket ? [bucket] : [], loc: locOf(rec, 'arn') });
  r.classifiedBy = 'location';
  return r;
};

/** Terraform resource type -> adapter. */
export const lakeformationAdapters: Record<string, TfAdapter> = { aws_lakeformation_resource: resource };
