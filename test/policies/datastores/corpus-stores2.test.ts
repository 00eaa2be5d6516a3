// DocumentDB and Neptune against trivy-checks' labelled snippets (../shared/corpora), read where they are,
// through the real HCL source. Expectations follow our policies; a row whose verdict differs from trivy's
// label says why (the kept disagreements). Trivy's customer-managed-key checks (AWS-0022 DocumentDB,
// AWS-0128 Neptune) have no counterpart in the catalog yet: those snippets are run against the storage
// encryption policy only, where their verdict is still defined.
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
  ['documentdb/enable_storage_encryption/bad_1.tf', 'aws-docdb-cluster-storage-encrypted', 'bad', { 'aws_docdb_cluster.bad_example': 'fail' }],
  ['documentdb/enable_storage_encryption/good_1.tf', 'aws-docdb-cluster-storage-encrypted', 'good', { 'aws_docdb_cluster.good_example': 'pass' }],
  ['documentdb/encryption_customer_key/bad_1.tf', 'aws-docdb-cluster-storage-encrypted', 'n/a', { 'aws_docdb_cluster.docdb': 'fail' }, 'storage_encrypted unset: the default is false'],
  ['documentdb/encryption_customer_key/good_1.tf', 'aws-docdb-cluster-storage-encrypted', 'n/a', { 'aws_docdb_cluster.docdb': 'fail' }, 'a kms_key_id without storage_encrypted = true: the provider and API refuse it, and the flag is what we read'],
  ['documentdb/enable_log_export/bad_1.tf', 'aws-docdb-cluster-audit-log-export', 'bad', { 'aws_docdb_cluster.bad_example': 'fail' }],
  ['documentdb/enable_log_export/good_1.tf', 'aws-docdb-cluster-audit-log-export', 'good', { 'aws_docdb_cluster.good_example': 'fail' }, 'stricter: the cluster uses the engine default parameter group, whose audit_logs is disabled, so the exported audit log is empty (Trivy reads only the export)'],
  ['documentdb/enable_log_export/good_2.tf', 'aws-docdb-cluster-audit-log-export', 'good', { 'aws_docdb_cluster.good_example': 'fail' }, 'stricter: the profiler log records slow operations, not who read or changed which records (FERPA-LOG-02 asks for the audit log)'],
  ['neptune/enable_storage_encryption/bad_1.tf', 'aws-neptune-cluster-storage-encrypted', 'bad', { 'aws_neptune_cluster.bad_example': 'fail' }],
  ['neptune/enable_storage_encryption/good_1.tf', 'aws-neptune-cluster-storage-encrypted', 'good', { 'aws_neptune_cluster.good_example': 'pass' }],
  ['neptune/encryption_customer_key/bad_1.tf', 'aws-neptune-cluster-storage-encrypted', 'n/a', { 'aws_neptune_cluster.bad_example': 'fail' }, 'nothing set: storage_encrypted defaults to false'],
  ['neptune/enable_log_export/bad_1.tf', 'aws-neptune-cluster-audit-log-export', 'bad', { 'aws_neptune_cluster.bad_example': 'fail' }],
  ['neptune/enable_log_export/bad_2.tf', 'aws-neptune-cluster-audit-log-export', 'bad', { 'aws_neptune_cluster.bad_example': 'fail' }],
  ['neptune/enable_log_export/good_1.tf', 'aws-neptune-cluster-audit-log-export', 'good', { 'aws_neptune_cluster.good_example': 'fail' }, 'stricter: the cluster uses the engine default parameter group, whose neptune_enable_audit_log is 0, so the exported audit log is empty (Trivy reads only the export)'],
];

describeWithShared('trivy-checks labelled snippets (DocumentDB, Neptune)', 'corpora/aquasecurity__trivy-checks/_derived/split', () => {
  it.each(CASES)('%s -> %s (trivy: %s)', async (rel, policy, _label, expected, _why) => {
    expect(await verdictsFor(rel, policy)).toEqual(expected);
  });
});
