import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, isConfigured, jsonAttr, linkRef, locOf, policyDocumentRef, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * An access point's policy as the model holds it: parsed JSON, or absent. `policy` is Optional+Computed on
 * aws_s3_access_point (aws_s3control_access_point_policy may set it): not configured, a plan shows it known only after
 * apply, yet AWS gives a new access point no policy, so that is the default (a policy set apart arrives as the facet
 * below). The provider reads an empty string as "not managed here" and `{}` as "no policy". Configured text known only
 * after apply stays unknown (partly known JSON keeps its known statements), never "no policy".
 */
function policyAttr(rec: TfRecord, computed: boolean): Val {
  const raw = rawAt(rec.values, 'policy');
  const loc = locOf(rec, 'policy');
  if (raw === '' || (typeof raw === 'string' && raw.trim() === '{}')) return { value: undefined, origin: isConfigured(rec, 'policy') === false ? 'default' : 'explicit', loc };
  const v = jsonAttr(rec, 'policy');
  if (computed && v.origin === 'unknown' && isConfigured(rec, 'policy') === false) return { value: undefined, origin: 'default', loc: v.loc };
  return v;
}

/** aws (or aws-cn, aws-us-gov) for a Region name. */
function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** aws_s3_access_point: a bucket's other door, with its own policy and network origin. */
const accessPoint: TfAdapter = (rec) => {
  const name = typeof rec.values.name === 'string' ? rec.values.name : undefined;
  const account = typeof rec.values.account_id === 'string' && /^\d{12}$/.test(rec.values.account_id) ? rec.values.account_id : undefined;
  // The ARN a literal access_point_arn names (the plan shows arn only after apply).
  const arn = name && account && rec.region ? `arn:${partitionOf(rec.region)}:s3:${rec.region}:${account}:accesspoint/${name}` : undefined;
  const r = tfResource(rec, 'aws.s3.access-point', [arn]);
  const vpc = rawAt(rec.values, 'vpc_configuration');
  const vpcLoc = locOf(rec, 'vpc_configuration');
  const inVpc = Array.isArray(vpc) ? vpc.length > 0 : vpc !== undefined && vpc !== null;
  r.attrs = {
    name: attr<string>(rec, 'name'),
    bucket: attr<string>(rec, 'bucket'),
    policy: policyAttr(rec, true),
    // vpc_configuration set (it cannot change after creation): S3 accepts requests only from that VPC.
    networkOrigin: isUnknown(vpc) ? { value: undefined, origin: 'unknown', loc: vpcLoc } : inVpc ? { value: 'VPC', origin: 'explicit', loc: vpcLoc } : { value: 'Internet', origin: 'default', loc: vpcLoc },
    vpcId: attr<string>(rec, 'vpc_configuration.vpc_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'bucket', 'bucket', ['aws.s3.bucket']), policyDocumentRef(rec, 'policySource', 'policy'));
  r.classifiedBy = 'bucket';
  return r;
};

/**
 * aws_s3control_access_point_policy sets an access point's policy apart from the access point: a facet whose policy
 * replaces the inline one (the provider documents the two as exclusive; the standalone resource is what AWS keeps).
 */
const accessPointPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.s3.access-point', []);
  r.identifiers = [];
  r.attrs = { policy: policyAttr(rec, false) };
  r.linkRefs = [linkRef(rec, 'accessPoint', 'access_point_arn', ['aws.s3.access-point']), policyDocumentRef(rec, 'policySource', 'policy')];
  r.mergeInto = 'accessPoint';
  return r as Resource;
};

export const s3AccessPointAdapters: Record<string, TfAdapter> = {
  aws_s3_access_point: accessPoint,
  aws_s3control_access_point_policy: accessPointPolicy,
};
