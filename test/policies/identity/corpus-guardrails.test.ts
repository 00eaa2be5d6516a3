import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { readPlan } from '../../../checks/sources/plan/index.js';
import type { TfRecord } from '../../../checks/sources/terraform/record.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { model, verdicts } from '../../helpers/policy-tester.js';

// guard slice: the one labelled counterpart of the guardrail policies in ../shared/corpora, fugue/regula's
// password-length example (`valid`, `invalid_1`, `invalid_2`). An account has one password policy, so
// each resource is judged alone (in one configuration they would all merge into the same account).
// Kept disagreement: regula's example accepts 8 characters (`valid`); aws-iam-password-policy-strong
// follows CIS AWS Foundations 1.8 (14 characters) and fails it.
const BASE = sharedDir('corpora/fugue__regula/rego/tests/examples/aws/inputs/iam_password_length_infra');
const REGULA: Record<string, 'pass' | 'fail'> = { 'aws_iam_account_password_policy.valid': 'pass', 'aws_iam_account_password_policy.invalid_1': 'fail', 'aws_iam_account_password_policy.invalid_2': 'fail' };
const OURS: Record<string, 'pass' | 'fail'> = { ...REGULA, 'aws_iam_account_password_policy.valid': 'fail' };

async function alone(file: string): Promise<Record<string, string>> {
  const records: TfRecord[] = file.endsWith('.json') ? readPlan(file).records : (await readHcl([file], { root: dirname(file) })).records;
  const source = file.endsWith('.json') ? 'plan' : 'hcl';
  const out: Record<string, string> = {};
  for (const r of records.filter((x) => x.type === 'aws_iam_account_password_policy')) out[r.address] = verdicts('aws-iam-password-policy-strong', model([r], source)).account!;
  return out;
}

describeWithShared('regula corpus (password policy)', 'corpora/fugue__regula/rego/tests/examples/aws/inputs/iam_password_length_infra.json', () => {
  describe.each(['json', 'tf'])('iam_password_length_infra.%s', (ext) => {
    it('fails what regula fails; passes nothing regula fails (stricter on the 8-character "valid")', async () => {
      const got = await alone(join(dirname(BASE), `iam_password_length_infra.${ext}`));
      expect(got).toEqual(OURS);
      for (const [addr, status] of Object.entries(REGULA)) if (status === 'fail') expect(got[addr], addr).toBe('fail');
    });
  });
});
