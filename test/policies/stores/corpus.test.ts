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

// trivy AWS-0025 (aws-dynamodb-table-customer-key) against aws-dynamodb-table-cmk: no kept disagreement.
const CASES: Array<[string, string, string, Record<string, string>, string?]> = [
  ['dynamodb/table_customer_key/bad_1.tf', 'aws-dynamodb-table-cmk', 'bad', { 'aws_dynamodb_table.bad_example': 'fail' }, 'no server_side_encryption: the AWS owned key'],
  ['dynamodb/table_customer_key/bad_2.tf', 'aws-dynamodb-table-cmk', 'bad', { 'aws_dynamodb_table.bad_example': 'fail' }, 'alias/aws/dynamodb is the AWS managed key'],
  ['dynamodb/table_customer_key/bad_3.tf', 'aws-dynamodb-table-cmk', 'bad', { 'aws_dynamodb_table.bad_example': 'fail' }, 'enabled = false: the key argument is ignored'],
  ['dynamodb/table_customer_key/good_1.tf', 'aws-dynamodb-table-cmk', 'good', { 'aws_dynamodb_table.good_example': 'pass' }],
  // trivy AWS-0135 (aws-sqs-queue-encryption-use-cmk) against aws-sqs-queue-cmk.
  ['sqs/queue_encryption_with_cmk/bad_1.tf', 'aws-sqs-queue-cmk', 'bad', { 'aws_sqs_queue.bad_example': 'fail' }],
  ['sqs/queue_encryption_with_cmk/good_1.tf', 'aws-sqs-queue-cmk', 'good', { 'aws_sqs_queue.good_example': 'unknown' }, 'kept disagreement: trivy passes any key other than alias/aws/sqs; a literal key id ("/blah") may name the AWS managed key, so ours is unknown until the live scan reads it'],
];

describeWithShared('trivy-checks labelled snippets (stores)', 'corpora/aquasecurity__trivy-checks/_derived/split', () => {
  it.each(CASES)('%s -> %s (trivy: %s)', async (rel, policy, _label, expected, _why) => {
    expect(await verdictsFor(rel, policy)).toEqual(expected);
  });
});
