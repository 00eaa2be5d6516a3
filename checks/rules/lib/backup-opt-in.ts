import type { Resource } from '../../model/resource.js';
import type { Location } from '../../model/value.js';
import { isUnknown } from '../../model/value.js';
import { settingsAccount, valuesForRegion } from './region-account.js';

/**
 * AWS Backup's per-region resource-type opt-in (AWS Backup developer guide, "Assign resources to a backup
 * plan"): a selection by tag, or by a wildcard that names no resource type (`*`, `arn:aws:s3:::*`), protects
 * only the types the region opts in to; a type named explicitly (an ARN, `arn:aws:dynamodb:*:*:table/*`) is
 * protected whatever the opt-in, except Aurora, Neptune and DocumentDB, which always need it.
 */

/** Opt-in names (ResourceTypeOptInPreference keys) by data-store type, Terraform and live. */
const OPT_IN_NAME: Record<string, string> = {
  aws_db_instance: 'RDS',
  'AWS::RDS::DBInstance': 'RDS',
  aws_dynamodb_table: 'DynamoDB',
  'AWS::DynamoDB::Table': 'DynamoDB',
  aws_s3_bucket: 'S3',
  'AWS::S3::Bucket': 'S3',
  aws_efs_file_system: 'EFS',
  'AWS::EFS::FileSystem': 'EFS',
  aws_ebs_volume: 'EBS',
  'AWS::EC2::Volume': 'EBS',
  aws_docdb_cluster: 'DocumentDB',
  'AWS::DocDB::DBCluster': 'DocumentDB',
  aws_neptune_cluster: 'Neptune',
  'AWS::Neptune::DBCluster': 'Neptune',
  aws_redshift_cluster: 'Redshift',
  'AWS::Redshift::Cluster': 'Redshift',
  aws_fsx_lustre_file_system: 'FSx',
  aws_fsx_windows_file_system: 'FSx',
  aws_fsx_ontap_file_system: 'FSx',
  aws_fsx_openzfs_file_system: 'FSx',
  'AWS::FSx::FileSystem': 'FSx',
  aws_timestreamwrite_table: 'Timestream',
  'AWS::Timestream::Table': 'Timestream',
};

const RDS_CLUSTER_TYPES = new Set(['aws_rds_cluster', 'AWS::RDS::DBCluster']);

/** Types whose clusters share the RDS cluster ARN format: the opt-in applies even to an assignment by ARN. */
const ALWAYS_NEEDS_OPT_IN = new Set(['Aurora', 'DocumentDB', 'Neptune']);

/**
 * Types AWS Backup protected at its launch (January 2019). An account is opted in to every type supported
 * when it first used AWS Backup in a region, so these are on unless turned off; a configuration that does
 * not set them is taken at that default. Types added later (S3, Redshift, FSx, Timestream, Aurora, ...)
 * may be off in any account that first used AWS Backup before they were added.
 */
const ON_SINCE_LAUNCH = new Set(['RDS', 'DynamoDB', 'EBS', 'EFS']);

/** The opt-in name of a store's type; an RDS cluster is Aurora unless its engine is known to be another. */
export function optInNameOf(type: string, engine: unknown): string | undefined {
  if (RDS_CLUSTER_TYPES.has(type)) return typeof engine === 'string' && !engine.startsWith('aurora') ? 'RDS' : 'Aurora';
  return OPT_IN_NAME[type];
}

/** An ARN pattern names a resource type when its resource part starts with literal text (`table/*`, `db:sis`, `sis-*`). */
export function namesResourceType(pattern: string): boolean {
  const parts = pattern.split(':');
  if (parts.length < 6) return false;
  const resource = parts.slice(5).join(':');
  return resource !== '' && !resource.startsWith('*');
}

/** Whether a selection's match of a store depends on the opt-in: matched by type (explicit) or not. */
export function dependsOnOptIn(name: string | undefined, explicit: boolean): boolean {
  if (!name) return !explicit;
  return !explicit || ALWAYS_NEEDS_OPT_IN.has(name);
}

export type OptInState = { state: 'on' | 'off'; loc?: Location } | { state: 'unknown'; loc?: Location } | { state: 'error'; error: string; loc?: Location };

/**
 * The opt-in of `name` in the store's region: live, the region's account resource (DescribeRegionSettings);
 * Terraform, the aws_backup_region_settings of the store's provider region (one whose region or the store's
 * is not known applies too, and settings that disagree leave it unknown). A type no applicable setting
 * lists is on when AWS Backup has protected it since its launch (Terraform) and unknown otherwise.
 */
export function optInState(accounts: Resource[], store: Resource, name: string | undefined): OptInState {
  const attr = settingsAccount(accounts, store)?.attrs.backupRegionSettings;
  if (attr?.error) return { state: 'error', error: attr.error, loc: attr.loc };
  const live = store.source === 'live';
  const fallback: OptInState = !live && name && ON_SINCE_LAUNCH.has(name) ? { state: 'on' } : { state: 'unknown', ...(attr?.loc ? { loc: attr.loc } : {}) };
  if (!name || !attr || attr.origin === 'unknown' || !Array.isArray(attr.value)) return fallback;
  const said = new Set<unknown>();
  for (const map of valuesForRegion(attr.value, store, 'optIn')) {
    const v = isUnknown(map) ? map : map && typeof map === 'object' ? (map as Record<string, unknown>)[name] : undefined;
    if (v !== undefined) said.add(v);
  }
  if (said.size > 1 || [...said].some((v) => isUnknown(v))) return { state: 'unknown', loc: attr.loc };
  if (said.has(true)) return { state: 'on', loc: attr.loc };
  if (said.has(false)) return { state: 'off', loc: attr.loc };
  return fallback;
}
