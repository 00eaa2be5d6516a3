import { asBool, attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

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
  return r;
};

/** Terraform resource type -> adapter. */
export const lakeformationAdapters: Record<string, TfAdapter> = { aws_lakeformation_resource: resource };
