import type { Resource } from '../../model/resource.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { engineFamily } from '../shared/rds-engines.js';
import { asBool, dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveRefToken, liveResource, tagVals, withParameterGroup, type LiveAdapter, type LiveCtx } from './helpers/index.js';

type Str = string | undefined;

function dbCommon(rec: SnapshotResource, ctx: LiveCtx, r: Resource, cluster: boolean): void {
  const engine = dataAt(rec, 'Engine') as Str;
  const kmsKeyId = dataAt(rec, 'KmsKeyId') as Str;
  const encrypted = dataAt(rec, 'StorageEncrypted') === true;
  const piKey = dataAt(rec, 'PerformanceInsightsKMSKeyId') as Str;
  r.attrs = {
    ...r.attrs,
    identifier: liveAttr(rec, ctx, cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier'),
    engine: liveAttr(rec, ctx, 'Engine'),
    engineVersion: liveAttr(rec, ctx, 'EngineVersion'),
    engineFamily: liveDerived(rec, ctx, 'Engine', engineFamily(engine)),
    aurora: liveDerived(rec, ctx, 'Engine', engine ? engine.startsWith('aurora') : undefined),
    storageEncrypted: liveAttr(rec, ctx, 'StorageEncrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, encrypted ? kmsKeyId : undefined, liveDerived(rec, ctx, 'KmsKeyId', encrypted ? keyIsAwsManaged(ctx, kmsKeyId) : undefined)),
    publiclyAccessible: liveAttr(rec, ctx, 'PubliclyAccessible', { default: false }),
    backupRetentionPeriod: liveAttr(rec, ctx, 'BackupRetentionPeriod', { default: 1 }),
    deletionProtection: liveAttr(rec, ctx, 'DeletionProtection', { default: false }),
    iamDatabaseAuthenticationEnabled: liveAttr(rec, ctx, 'IAMDatabaseAuthenticationEnabled', { default: false }),
    manageMasterUserPassword: liveDerived(rec, ctx, 'MasterUserSecret', dataAt(rec, 'MasterUserSecret') !== undefined),
    masterUserSecretKmsKeyId: liveAttr(rec, ctx, 'MasterUserSecret.KmsKeyId'),
    enabledCloudwatchLogsExports: liveAttr(rec, ctx, 'EnabledCloudwatchLogsExports', { default: [] }),
    copyTagsToSnapshot: liveAttr(rec, ctx, 'CopyTagsToSnapshot', { default: false }),
    performanceInsightsEnabled: liveAttr(rec, ctx, cluster ? 'PerformanceInsightsEnabled' : 'PerformanceInsightsEnabled', { default: false, map: asBool }),
    performanceInsightsKmsKeyId: liveAttr(rec, ctx, 'PerformanceInsightsKMSKeyId'),
    performanceInsightsKmsKeyIsAwsManaged: keyFlag(ctx, piKey, liveDerived(rec, ctx, 'PerformanceInsightsKMSKeyId', keyIsAwsManaged(ctx, piKey))),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', kmsKeyId, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'performanceInsightsKmsKey', piKey, ['aws.kms.key'], { attribute: 'PerformanceInsightsKMSKeyId' }));
  const sgs = ((dataAt(rec, 'VpcSecurityGroups') as Array<{ VpcSecurityGroupId?: string }> | undefined) ?? []).map((g) => g.VpcSecurityGroupId);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'VpcSecurityGroups' }));
}

const instance: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.rds.instance', ctx, [dataAt(rec, 'DBInstanceIdentifier'), dataAt(rec, 'DbiResourceId')]);
  dbCommon(rec, ctx, r, false);
  const clusterId = dataAt(rec, 'DBClusterIdentifier') as Str;
  const group = (dataAt(rec, 'DBParameterGroups.0.DBParameterGroupName') as Str) ?? undefined;
  r.attrs.instanceClass = liveAttr(rec, ctx, 'DBInstanceClass');
  r.attrs.isClusterMember = liveDerived(rec, ctx, 'DBClusterIdentifier', clusterId !== undefined);
  r.attrs.clusterIdentifier = liveAttr(rec, ctx, 'DBClusterIdentifier');
  r.attrs.isReadReplica = liveDerived(rec, ctx, 'ReadReplicaSourceDBInstanceIdentifier', dataAt(rec, 'ReadReplicaSourceDBInstanceIdentifier') !== undefined || dataAt(rec, 'ReadReplicaSourceDBClusterIdentifier') !== undefined);
  r.attrs.multiAz = liveAttr(rec, ctx, 'MultiAZ', { default: false });
  r.attrs.caCertIdentifier = liveAttr(rec, ctx, 'CACertificateIdentifier');
  r.attrs.parameterGroupName = liveAttr(rec, ctx, 'DBParameterGroups.0.DBParameterGroupName');
  r.linkRefs!.push(liveLink(rec, ctx, 'cluster', clusterId, ['aws.rds.cluster'], { inverse: 'instances', attribute: 'DBClusterIdentifier' }));
  return withParameterGroup(rec, ctx, r, group, 'parameterGroup');
};

const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.rds.cluster', ctx, [dataAt(rec, 'DBClusterIdentifier'), dataAt(rec, 'DbClusterResourceId')]);
  dbCommon(rec, ctx, r, true);
  const group = dataAt(rec, 'DBClusterParameterGroup') as Str;
  r.attrs.engineMode = liveAttr(rec, ctx, 'EngineMode', { default: 'provisioned' });
  r.attrs.clusterParameterGroupName = liveAttr(rec, ctx, 'DBClusterParameterGroup');
  // Aurora clusters report no PubliclyAccessible: member instances carry it.
  if (dataAt(rec, 'PubliclyAccessible') === undefined) r.attrs.publiclyAccessible = liveDerived(rec, ctx, 'PubliclyAccessible', false, [], 'default');
  return withParameterGroup(rec, ctx, r, group, 'clusterParameterGroup');
};

export const rdsLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::RDS::DBInstance': instance,
  'AWS::RDS::DBCluster': cluster,
};
