import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, withParameterGroup, type LiveAdapter } from './helpers/index.js';

/** A Neptune cluster as the RDS API's DescribeDBClusters describes it (Engine "neptune"), with its tags. */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.neptune.cluster', ctx, [dataAt(rec, 'DBClusterIdentifier'), dataAt(rec, 'DbClusterResourceId')]);
  const kmsKeyId = dataAt(rec, 'KmsKeyId') as string | undefined;
  const encrypted = dataAt(rec, 'StorageEncrypted') === true;
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'DBClusterIdentifier'),
    engine: liveAttr(rec, ctx, 'Engine', { default: 'neptune' }),
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
  // the group's neptune_enable_audit_log, read by the collector (DescribeDBClusterParameters)
  return withParameterGroup(rec, ctx, r, dataAt(rec, 'DBClusterParameterGroup') as string | undefined, 'clusterParameterGroup');
};

// variants slice (issue 14, wave 4)
/** A Neptune instance as the RDS API's DescribeDBInstances describes it (the collector types it by engine). */
const instance: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.neptune.instance', ctx, [dataAt(rec, 'DBInstanceIdentifier'), dataAt(rec, 'DbiResourceId')]);
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'DBInstanceIdentifier'),
    clusterIdentifier: liveAttr(rec, ctx, 'DBClusterIdentifier'),
    publiclyAccessible: liveAttr(rec, ctx, 'PubliclyAccessible', { default: false }),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'cluster', dataAt(rec, 'DBClusterIdentifier') as string | undefined, ['aws.neptune.cluster'], { attribute: 'DBClusterIdentifier' }));
  return r;
};

export const neptuneLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Neptune::DBCluster': cluster, 'AWS::Neptune::DBInstance': instance };
