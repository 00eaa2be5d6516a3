import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../checks/sources/plan/index.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { model, verdicts } from '../../helpers/policy-tester.js';

// Real plans (terraform-compliance functional tests, read in place from ../shared/corpora) where
// aws_s3_bucket_public_access_block resources inside nested modules and for_each instances must reach
// the right bucket. Expectations follow the upstream .expected / .failure markers.
const ROOT = sharedDir('corpora/terraform-compliance__cli/tests/functional');

function statuses(dir: string): Record<string, string> {
  const src = readPlan(join(ROOT, dir, 'plan.out.json'));
  return verdicts('aws-s3-public-access-block', model(src.records, 'plan'));
}

describeWithShared('terraform-compliance corpus (storage policies)', 'corpora/terraform-compliance__cli/tests/functional', () => {
  describe('terraform-compliance corpus: aws-s3-public-access-block through modules', () => {
    it('test_multi-module-referencing: every bucket, three module levels deep, gets its block (upstream: pass)', () => {
      const got = statuses('test_multi-module-referencing');
      expect(Object.keys(got)).toHaveLength(7);
      expect(got['module.first_layer.module.second_layer.module.third_layer.aws_s3_bucket.test']).toBe('pass');
      expect(Object.values(got).every((s) => s === 'pass')).toBe(true);
    });
    it('test_resource_ref_in_module_fails: the for_each module bucket with block_public_policy = false fails (upstream: failure)', () => {
      const got = statuses('test_resource_ref_in_module_fails');
      expect(got['module.test2.aws_s3_bucket.test["a"]']).toBe('fail');
      expect(got['module.test["a"].aws_s3_bucket.test["a"]']).toBe('pass');
      expect(got['module.test["b"].aws_s3_bucket.test["a"]']).toBe('pass');
    });
  });
});
