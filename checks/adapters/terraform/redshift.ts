import type { Val } from '../../model/value.js';
import { isUnknown, unknownVal } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, awsManagedKeyAttr, computedAttr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** The group a cluster gets when cluster_parameter_group_name is not set. */
const DEFAULT_PARAMETER_GROUP = 'default.redshift-1.0';

/**
 * aws_redshift_cluster with the AWS provider v5 defaults: unencrypted and publicly accessible unless the
 * configuration says otherwise, audit logging off (the inline `logging` block; aws_redshift_logging merges in).
 */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshift.cluster', [rec.values.cluster_identifier]);
  r.attrs = {
    identifier: attr<string>(rec, 'cluster_identifier'),
    encrypted: computedAttr(rec, 'encrypted', { default: false, map: asBool }),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    publiclyAccessible: computedAttr(rec, 'publicly_accessible', { default: true, map: asBool }),
    loggingEnabled: computedAttr(rec, 'logging.0.enable', { default: false, map: asBool, configuredAt: 'logging' }),
    parameterGroupName: computedAttr<string>(rec, 'cluster_parameter_group_name', { default: DEFAULT_PARAMETER_GROUP }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'cluster_parameter_group_name', ['aws.redshift.parameter-group']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

/** aws_redshift_logging: audit logging of a cluster, merged into it (the resource exists: logging is on). */
const logging: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshift.cluster');
  r.identifiers = [];
  r.attrs = { loggingEnabled: { value: true, origin: 'explicit', loc: locOf(rec, 'cluster_identifier') } };
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.redshift.cluster']));
  r.mergeInto = 'cluster';
  return r;
};

/** The value of one `parameter` block, the engine default when no block names it. */
function parameterValue(rec: TfRecord, name: string, dflt: string): Val<string> {
  const loc = locOf(rec, 'parameter');
  const raw = rawAt(rec.values, 'parameter');
  if (isUnknown(raw)) return { value: undefined, origin: 'unknown', loc };
  for (const p of Array.isArray(raw) ? raw : []) {
    if (isUnknown(p)) return { value: undefined, origin: 'unknown', loc };
    const block = p as Record<string, unknown>;
    if (isUnknown(block.name)) return { value: undefined, origin: 'unknown', loc };
    if (block.name !== name) continue;
    if (isUnknown(block.value)) return { value: undefined, origin: 'unknown', loc };
    return { value: String(block.value), origin: 'explicit', loc };
  }
  return { value: dflt, origin: 'default', loc };
}

/** aws_redshift_parameter_group: the parameters the catalog reads. */
const parameterGroup: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshift.parameter-group', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    requireSsl: parameterValue(rec, 'require_ssl', 'false'),
  };
  return r;
};

// variants slice (issue 14, wave 4)
/** aws_redshift_cluster_snapshot: its encryption is its cluster's (the `cluster` link judges it). */
const snapshot: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshift.snapshot', [rec.values.snapshot_identifier]);
  r.attrs = {
    identifier: attr<string>(rec, 'snapshot_identifier'),
    clusterIdentifier: attr<string>(rec, 'cluster_identifier'),
    encrypted: { value: undefined, origin: 'unknown', loc: locOf(rec, 'cluster_identifier') },
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.redshift.cluster']));
  return r;
};

// rest slice (issue 14, wave 4)
/** aws_redshiftserverless_namespace: always encrypted; kms_key_id unset means a key AWS owns; nothing exported by default. */
const serverlessNamespace: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshiftserverless.namespace', [rec.values.namespace_name]);
  r.attrs = {
    name: attr<string>(rec, 'namespace_name'),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    logExports: computedAttr<unknown[]>(rec, 'log_exports', { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/**
 * require_ssl of a workgroup, lowercased, from its config_parameter blocks. Unset, it is the service's default,
 * which the input does not show (a plan shows the API's full list once the workgroup exists): unknown.
 */
function requireSslAttr(rec: TfRecord): Val<string> {
  const raw = rawAt(rec.values, 'config_parameter');
  const loc = locOf(rec, 'config_parameter');
  if (isUnknown(raw)) return unknownVal(loc);
  for (const p of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    if (isUnknown(p)) return unknownVal(loc);
    const param = p as { parameter_key?: unknown; parameter_value?: unknown; _loc?: Val['loc'] };
    if (param.parameter_key !== 'require_ssl') continue;
    if (isUnknown(param.parameter_value)) return unknownVal(param._loc ?? loc);
    return { value: String(param.parameter_value).toLowerCase(), origin: 'explicit', loc: param._loc ?? loc };
  }
  return unknownVal(loc);
}

/** aws_redshiftserverless_workgroup: the endpoint of a namespace; private unless publicly_accessible is set. */
const serverlessWorkgroup: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.redshiftserverless.workgroup', [rec.values.workgroup_name]);
  r.attrs = {
    name: attr<string>(rec, 'workgroup_name'),
    namespaceName: attr<string>(rec, 'namespace_name'),
    publiclyAccessible: attr<boolean>(rec, 'publicly_accessible', { default: false, map: asBool }),
    enhancedVpcRouting: attr<boolean>(rec, 'enhanced_vpc_routing', { default: false, map: asBool }),
    requireSsl: requireSslAttr(rec),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'namespace', 'namespace_name', ['aws.redshiftserverless.namespace']));
  r.classifiedBy = 'namespace';
  return r;
};

export const redshiftAdapters: Record<string, TfAdapter> = {
  aws_redshift_cluster: cluster,
  aws_redshift_logging: logging,
  aws_redshift_parameter_group: parameterGroup,
  aws_redshift_cluster_snapshot: snapshot,
  aws_redshiftserverless_namespace: serverlessNamespace,
  aws_redshiftserverless_workgroup: serverlessWorkgroup,
};
