// Labelled HCL snippets from trivy-checks (../shared/corpora), read where they are, through the real
// HCL source. Expectations follow our policies; where they differ from trivy's label, the row says why.
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { model, verdicts } from '../../helpers/policy-tester.js';

const SPLIT = sharedDir('corpora/aquasecurity__trivy-checks/_derived/split');

async function verdictsFor(rel: string, policy: string): Promise<Record<string, string>> {
  const file = join(SPLIT, rel);
  const src = await readHcl([file], { root: dirname(file) });
  return verdicts(policy, model(src.records, 'hcl'));
}

const CASES: Array<[string, string, string, Record<string, string>, string?]> = [
  ['rds/disable_public_access/bad_1.tf', 'aws-rds-not-publicly-accessible', 'bad', { 'aws_db_instance.bad_example': 'fail' }],
  ['rds/disable_public_access/good_1.tf', 'aws-rds-not-publicly-accessible', 'good', { 'aws_db_instance.good_example': 'pass' }],
  ['rds/encrypt_instance_storage_data/bad_1.tf', 'aws-rds-instance-storage-encrypted', 'bad', { 'aws_db_instance.bad_example': 'fail' }],
  ['rds/encrypt_instance_storage_data/good_1.tf', 'aws-rds-instance-storage-encrypted', 'good', { 'aws_db_instance.good_example': 'pass' }],
  ['rds/encrypt_cluster_storage_data/bad_1.tf', 'aws-rds-cluster-storage-encrypted', 'bad', { 'aws_rds_cluster.bad_example': 'fail' }],
  ['rds/encrypt_cluster_storage_data/bad_2.tf', 'aws-rds-cluster-storage-encrypted', 'bad', { 'aws_rds_cluster.bad_example': 'pass' }, 'encrypted, only with aws/rds: our CMK policy is the one that fails it'],
  ['rds/encrypt_cluster_storage_data/bad_2.tf', 'aws-rds-cluster-encrypted-with-cmk', 'bad', { 'aws_rds_cluster.bad_example': 'fail' }],
  ['rds/encrypt_cluster_storage_data/good_1.tf', 'aws-rds-cluster-encrypted-with-cmk', 'good', { 'aws_rds_cluster.good_example': 'unknown' }, 'a literal key ARN not in the input may be the aws/rds key: needs live verification'],
  ['rds/performance_insights_encryption_customer_key/bad_1.tf', 'aws-rds-performance-insights-cmk', 'bad', { 'aws_rds_cluster_instance.bad_example': 'fail' }],
  ['rds/performance_insights_encryption_customer_key/good_1.tf', 'aws-rds-performance-insights-cmk', 'good', { 'aws_rds_cluster_instance.good_example': 'unknown' }, 'literal key ARN: unknown until checked live'],
  ['rds/performance_insights_encryption_customer_key/good_2.tf', 'aws-rds-performance-insights-cmk', 'good', {}, 'Performance Insights off: not applicable'],
  ['rds/specify_backup_retention/bad_1.tf', 'aws-rds-backup-retention-floor', 'bad', { 'aws_db_instance.bad_example': 'fail' }],
  ['rds/specify_backup_retention/bad_2.tf', 'aws-rds-backup-retention-floor', 'bad', { 'aws_db_instance.bad_example': 'fail' }],
  ['rds/specify_backup_retention/bad_3.tf', 'aws-rds-cluster-backup-retention-floor', 'bad', { 'aws_rds_cluster.bad_example': 'fail' }],
  ['rds/specify_backup_retention/good_1.tf', 'aws-rds-cluster-backup-retention-floor', 'good', { 'aws_rds_cluster.good_example': 'fail' }, 'stricter: 5 days is below the profile floor backupMinDays = 7'],
  ['rds/specify_backup_retention/good_2.tf', 'aws-rds-backup-retention-floor', 'good', { 'aws_db_instance.good_example': 'fail' }, 'stricter: 5 days is below the profile floor backupMinDays = 7'],
  ['rds/specify_backup_retention/bad_1.tf', 'aws-rds-master-password-managed', 'n/a', { 'aws_db_instance.bad_example': 'fail' }, 'the literal password lands in state'],
  ['rds/specify_backup_retention/bad_1.tf', 'aws-rds-force-ssl-parameter-attached', 'n/a', { 'aws_db_instance.bad_example': 'fail' }, 'default.mysql5.7 does not require TLS'],
  ['elasticache/enable_at_rest_encryption/bad_1.tf', 'aws-elasticache-at-rest-encryption', 'bad', { 'aws_elasticache_replication_group.bad_example': 'fail' }],
  ['elasticache/enable_at_rest_encryption/good_1.tf', 'aws-elasticache-at-rest-encryption', 'good', { 'aws_elasticache_replication_group.good_example': 'pass' }],
  ['elasticache/enable_in_transit_encryption/bad_1.tf', 'aws-elasticache-transit-encryption', 'bad', { 'aws_elasticache_replication_group.bad_example': 'fail' }],
  ['elasticache/enable_in_transit_encryption/good_1.tf', 'aws-elasticache-transit-encryption', 'good', { 'aws_elasticache_replication_group.good_example': 'pass' }],
];

describeWithShared('trivy-checks labelled snippets (data stores)', 'corpora/aquasecurity__trivy-checks/_derived/split', () => {
  it.each(CASES)('%s -> %s (trivy: %s)', async (rel, policy, _label, expected, _why) => {
    expect(await verdictsFor(rel, policy)).toEqual(expected);
  });
});
