import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { model, verdicts } from '../../helpers/policy-tester.js';

// trivy-checks good/bad Terraform snippets (provider v4+ split S3 resources among them), read in place
// from ../shared/corpora. A bad snippet must fail our policy; a good one must not fail it, except the
// cases listed in `stricter`, where our policy deliberately asks for more than trivy's check.
const ROOT = sharedDir('corpora/aquasecurity__trivy-checks/_derived/split');

const CASES: Array<{ dir: string; policy: string; stricter?: Record<string, string> }> = [
  { dir: 'cloudtrail/enable_log_validation', policy: 'aws-cloudtrail-log-file-validation' },
  { dir: 'cloudtrail/enable_all_regions', policy: 'aws-cloudtrail-multi-region' },
  { dir: 'cloudtrail/encryption_customer_key', policy: 'aws-cloudtrail-kms-encrypted' },
  { dir: 'kms/auto_rotate_keys', policy: 'aws-kms-key-rotation-enabled' },
  { dir: 's3/no_public_access_with_acl', policy: 'aws-s3-no-public-acl' },
  // good_5 is a log bucket recognised only by its bucket policy (logging.s3.amazonaws.com may put objects): exempt
  { dir: 's3/encryption_customer_key', policy: 'aws-s3-sse-kms' },
  {
    dir: 's3/specify_public_access_block',
    policy: 'aws-s3-public-access-block',
    stricter: { 'good_1.tf': 'trivy accepts a block with two of the four flags; FERPA-NET-02 wants all four' },
  },
];

async function statuses(policy: string, file: string): Promise<string[]> {
  const src = await readHcl([file], { root: dirname(file) });
  return Object.values(verdicts(policy, model(src.records, 'hcl')));
}

describeWithShared('trivy-checks corpus (storage policies)', 'corpora/aquasecurity__trivy-checks/_derived/split', () => {
  describe.each(CASES)('trivy corpus: $policy on $dir', ({ dir, policy, stricter }) => {
    const files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.tf')).sort();
    it('has good and bad snippets', () => {
      expect(files.some((f) => f.startsWith('good'))).toBe(true);
      expect(files.some((f) => f.startsWith('bad'))).toBe(true);
    });
    it.each(files)('%s', async (file) => {
      const got = await statuses(policy, join(ROOT, dir, file));
      if (file.startsWith('bad') || stricter?.[file]) expect(got, `${dir}/${file}`).toContain('fail');
      else expect(got, `${dir}/${file}`).not.toContain('fail');
    });
  });
});
