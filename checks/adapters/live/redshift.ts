import type { Val } from '../../model/value.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveRefToken, liveResource, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

/** Parameter group names repeat in every region (default.redshift-1.0): a cluster links to the group of its own region and account. */
const groupToken = (region: string, account: string, name: string): string => liveRefToken('redshift-parameter-group', account, region, name);

/** A cluster as DescribeClusters describes it, with its logging status (facet `logging`) and tags. */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.redshift.cluster', ctx, [dataAt(rec, 'ClusterIdentifier')]);
  const kmsKeyId = dataAt(rec, 'KmsKeyId') as string | undefined;
  const encrypted = dataAt(rec, 'Encrypted') === true;
  const group = (dataAt(rec, 'ClusterParameterGroups') as Array<{ ParameterGroupName?: string }> | undefined)?.[0]?.ParameterGroupName;
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'ClusterIdentifier'),
    encrypted: liveAttr(rec, ctx, 'Encrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, encrypted ? kmsKeyId : undefined, liveDerived(rec, ctx, 'KmsKeyId', encrypted ? (kmsKeyId ? keyIsAwsManaged(ctx, kmsKeyId) : true) : undefined)),
    publiclyAccessible: liveAttr(rec, ctx, 'PubliclyAccessible', { default: false }),
    loggingEnabled: liveAttr(rec, ctx, 'logging.LoggingEnabled', { default: false }),
    parameterGroupName: liveDerived(rec, ctx, 'ClusterParameterGroups', group),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', kmsKeyId, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'parameterGroup', group ? groupToken(rec.region, rec.account, group) : undefined, ['aws.redshift.parameter-group'], { attribute: 'ClusterParameterGroups' }));
  const sgs = ((dataAt(rec, 'VpcSecurityGroups') as Array<{ VpcSecurityGroupId?: string }> | undefined) ?? []).map((g) => g.VpcSecurityGroupId);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'VpcSecurityGroups' }));
  return r;
};

/** A cluster parameter group with the parameters the collector kept (facet `parameters`). */
const parameterGroup: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.redshift.parameter-group', ctx, [groupToken(rec.region, rec.account, String(dataAt(rec, 'ParameterGroupName')))]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'ParameterGroupName'),
    requireSsl: liveAttr(rec, ctx, 'parameters.require_ssl', { default: 'false' }),
  };
  return r;
};

// variants slice (issue 14, wave 4)
/** A cluster snapshot as DescribeClusterSnapshots describes it (tags as an object). */
const snapshot: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.redshift.snapshot', ctx, [dataAt(rec, 'SnapshotIdentifier')]);
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'SnapshotIdentifier'),
    clusterIdentifier: liveAttr(rec, ctx, 'ClusterIdentifier'),
    encrypted: liveAttr(rec, ctx, 'Encrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    ...tagVals(rec, ctx),
  };
  // No `cluster` link live: Encrypted is the snapshot's own answer, and a cluster encrypted since must not vouch for it.
  return r;
};

// rest slice (issue 14, wave 4)
/** What GetNamespace/ListNamespaces answer as kmsKeyId for a namespace under a key AWS owns. */
const AWS_OWNED_KEY = 'AWS_OWNED_KMS_KEY';

/** A Redshift Serverless namespace as ListNamespaces describes it (camelCase), tags as an object. */
const serverlessNamespace: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.redshiftserverless.namespace', ctx, [dataAt(rec, 'namespaceName')]);
  const raw = dataAt(rec, 'kmsKeyId') as string | undefined;
  const kmsKeyId = raw && raw !== AWS_OWNED_KEY ? raw : undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'namespaceName'),
    kmsKeyId: liveAttr(rec, ctx, 'kmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, kmsKeyId, liveDerived(rec, ctx, 'kmsKeyId', kmsKeyId ? keyIsAwsManaged(ctx, kmsKeyId) : true)),
    logExports: liveAttr(rec, ctx, 'logExports', { default: [] }),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', kmsKeyId, ['aws.kms.key'], { attribute: 'kmsKeyId' }));
  return r;
};

/** require_ssl from the workgroup's configParameters (ListWorkgroups lists them all); not listed: unknown, never a default. */
function requireSslLive(rec: SnapshotResource, ctx: LiveCtx): Val<string> {
  const params = dataAt(rec, 'configParameters') as Array<{ parameterKey?: string; parameterValue?: string }> | undefined;
  const value = Array.isArray(params) ? params.find((p) => p?.parameterKey === 'require_ssl')?.parameterValue : undefined;
  const v = liveDerived(rec, ctx, 'configParameters', typeof value === 'string' ? value.toLowerCase() : undefined);
  return value === undefined ? { ...v, origin: 'unknown' } : v;
}

/** A Redshift Serverless workgroup as ListWorkgroups describes it (camelCase); tags are not read: it is classified as its namespace. */
const serverlessWorkgroup: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.redshiftserverless.workgroup', ctx, [dataAt(rec, 'workgroupName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'workgroupName'),
    namespaceName: liveAttr(rec, ctx, 'namespaceName'),
    publiclyAccessible: liveAttr(rec, ctx, 'publiclyAccessible', { default: false }),
    enhancedVpcRouting: liveAttr(rec, ctx, 'enhancedVpcRouting', { default: false }),
    requireSsl: requireSslLive(rec, ctx),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'namespace', dataAt(rec, 'namespaceName'), ['aws.redshiftserverless.namespace'], { attribute: 'namespaceName' }));
  r.classifiedBy = 'namespace';
  return r;
};

export const redshiftLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::Redshift::Cluster': cluster,
  'AWS::Redshift::ClusterParameterGroup': parameterGroup,
  'AWS::Redshift::ClusterSnapshot': snapshot,
  'AWS::RedshiftServerless::Namespace': serverlessNamespace,
  'AWS::RedshiftServerless::Workgroup': serverlessWorkgroup,
};
