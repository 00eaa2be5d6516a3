import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { readPlan } from '../../../checks/sources/plan/index.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { model, verdicts } from '../../helpers/policy-tester.js';

// Labelled plan + HCL pairs from fugue/regula (../shared/corpora, read in place). Expectations are
// regula's own (`_derived/expected_aws.json`); where our policy is stricter it is said per case.
const ROOT = sharedDir('corpora/fugue__regula/rego/tests/rules/tf/aws');

async function statuses(policy: string, file: string): Promise<Record<string, string>> {
  const src = file.endsWith('.json') ? readPlan(file) : await readHcl([file], { root: dirname(file) });
  const source = file.endsWith('.json') ? 'plan' : 'hcl';
  return verdicts(policy, model(src.records, source));
}

const cases: Array<{ policy: string; base: string; expect: Record<string, string>; note?: string }> = [
  { policy: 'aws-kms-key-rotation-enabled', base: 'kms/inputs/key_rotation_infra', expect: { 'aws_kms_key.valid': 'pass', 'aws_kms_key.invalid': 'fail', 'aws_kms_key.blank-invalid': 'fail' } },
  { policy: 'aws-cloudtrail-log-file-validation', base: 'cloudtrail/inputs/log_file_validation_infra', expect: { 'aws_cloudtrail.valid_trail': 'pass', 'aws_cloudtrail.invalid_trail': 'fail' } },
  {
    policy: 'aws-s3-sse-kms',
    base: 's3/inputs/bucket_sse_infra',
    // regula passes aes_encrypted (any SSE); ours requires SSE-KMS with a customer-managed key, so it fails.
    expect: { 'aws_s3_bucket.unencrypted': 'fail', 'aws_s3_bucket.aes_encrypted': 'fail', 'aws_s3_bucket.kms_encrypted': 'pass' },
    note: 'stricter than regula on aes_encrypted',
  },
];

describeWithShared('regula corpus (storage policies)', 'corpora/fugue__regula/rego/tests/rules/tf/aws', () => {
  describe.each(cases)('regula corpus: $policy on $base', ({ policy, base, expect: want }) => {
    it('plan JSON gives the labelled verdicts', async () => {
      const got = await statuses(policy, join(ROOT, `${base}.json`));
      for (const [addr, status] of Object.entries(want)) expect(got[addr], addr).toBe(status);
    });
    it('HCL gives the same verdicts', async () => {
      const got = await statuses(policy, join(ROOT, `${base}.tf`));
      for (const [addr, status] of Object.entries(want)) expect(got[addr], addr).toBe(status);
    });
  });
});
