import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, withParameterGroup, type LiveAdapter } from './helpers/index.js';

/** A DocumentDB cluster as the RDS API's DescribeDBClusters describes it (Engine "docdb"), with its tags. */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.docdb.cluster', ctx, [dataAt(rec, 'DBClusterIdentifier'), dataAt(rec, 'DbClusterResourceId')]);
  const kmsKeyId = dataAt(rec, 'KmsKeyId') as string | undefined;
  const encrypted = dataAt(rec, 'StorageEncrypted') === true;
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'DBClusterIdentifier'),
    engine: liveAttr(rec, ctx, 'Engine', { default: 'docdb' }),
    storageEncrypted: liveAttr(rec, ctx, 'StorageEncrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, encrypted ? kmsKeyId : undefined, liveDerived(rec, ctx, 'KmsKeyId', encrypted ? keyIsAwsManaged(ctx, kmsKeyId) : undefined)),
    backupRetentionPeriod: liveAttr(rec, ctx, 'BackupRetentionPeriod', { default: 1 }),
    deletionProtection: liveAttr(rec, ctx, 'DeletionProtection', { default: false }),
    enabledCloudwatchLogsExports: liveAttr(rec, ctx, 'EnabledCloudwatchLogsExports', { default: [] }),
    clusterParameterGroupName: liveAttr(rec, ctx, 'DBClusterParameterGroup'),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', kmsKeyId, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  const sgs = ((dataAt(rec, 'VpcSecurityGroups') as Array<{ VpcSecurityGroupId?: string }> | undefined) ?? []).map((g) => g.VpcSecurityGroupId);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'VpcSecurityGroups' }));
  // the group's tls and audit_logs, read by the collector (DescribeDBClusterParameters)
  return withParameterGroup(rec, ctx, r, dataAt(rec, 'DBClusterParameterGroup') as string | undefined, 'clusterParameterGroup');
};

// variants slice (issue 14, wave 4)
/** A DocDB instance as the RDS API's DescribeDBInstances describes it (the collector types it by engine). */
const instance: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.docdb.instance', ctx, [dataAt(rec, 'DBInstanceIdentifier'), dataAt(rec, 'DbiResourceId')]);
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'DBInstanceIdentifier'),
    clusterIdentifier: liveAttr(rec, ctx, 'DBClusterIdentifier'),
    caCertIdentifier: liveAttr(rec, ctx, 'CACertificateIdentifier'),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'cluster', dataAt(rec, 'DBClusterIdentifier') as string | undefined, ['aws.docdb.cluster'], { attribute: 'DBClusterIdentifier' }));
  return r;
};

/**
 * A DocumentDB elastic cluster in the shape of the docdb-elastic API's GetCluster (camelCase fields), tags as an
 * object (collect/docdb-elastic.ts).
 */
const elasticCluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.docdb.elastic-cluster', ctx, [dataAt(rec, 'clusterName')]);
  const kmsKeyId = dataAt(rec, 'kmsKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'clusterName'),
    kmsKeyId: liveAttr(rec, ctx, 'kmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, kmsKeyId, liveDerived(rec, ctx, 'kmsKeyId', kmsKeyId ? keyIsAwsManaged(ctx, kmsKeyId) : true)),
    backupRetentionPeriod: liveAttr(rec, ctx, 'backupRetentionPeriod', { default: 1 }),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', kmsKeyId, ['aws.kms.key'], { attribute: 'kmsKeyId' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', (dataAt(rec, 'vpcSecurityGroupIds') as string[] | undefined) ?? [], ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'vpcSecurityGroupIds' }));
  return r;
};

export const docdbLiveAdapters: Record<string, LiveAdapter> = { 'AWS::DocDB::DBCluster': cluster, 'AWS::DocDB::DBInstance': instance, 'AWS::DocDBElastic::Cluster': elasticCluster };
