import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

// fugue/regula's labelled cases (../shared/corpora/fugue__regula/_derived/expected_aws.json), read in
// place: for every regula rule that a policy of ours covers, our verdict on the same resource of the same
// input (plan JSON or HCL) must agree, except for the disagreements listed below with their reason.
const ROOT = sharedDir('corpora/fugue__regula');
const EXPECTED = join(ROOT, '_derived/expected_aws.json');

/** regula rule id -> our policy (one direction: where the two mean the same thing). */
const COVERED: Record<string, string> = {
  FG_R00007: 'aws-iam-user-no-attached-policies',
  FG_R00016: 'aws-ebs-volume-encrypted',
  FG_R00027: 'aws-cloudtrail-log-file-validation',
  FG_R00036: 'aws-kms-key-rotation-enabled',
  FG_R00054: 'aws-vpc-flow-logs-enabled',
  FG_R00085: 'aws-sg-no-world-ssh-rdp',
  FG_R00087: 'aws-sg-no-world-ssh-rdp',
  FG_R00092: 'aws-iam-no-full-admin',
  FG_R00099: 'aws-s3-sse-kms',
  FG_R00211: 'aws-s3-no-public-policy',
  // doors (issue 14)
  FG_R00011: 'aws-cloudfront-viewer-https-only',
};
/** Not covered: FG_R00031 and FG_R00377 (different questions, see below). */
const NOT_COVERED: Record<string, string> = {
  FG_R00031: 'regula asks for access logging on the CloudTrail bucket; ours asks it of student-data and audit buckets by class',
  FG_R00377: 'regula allows world ingress on 80/443 on any group; ours allows it only on groups attached to load balancers',
};

/** Disagreements we keep: `${rule} ${input} ${resource}` -> why ours differs. */
const KEPT: Record<string, string> = {
  'FG_R00099 bucket_sse_infra_json aws_s3_bucket.aes_encrypted': 'ours is stricter: SSE-S3 (AES256) is encrypted, but student data needs SSE-KMS with a customer-managed key',
  'FG_R00016 ebs_volume_unencrypted_tf (whole input)':
    'ours says unknown, not fail: a volume without `encrypted` is encrypted when the account has EBS encryption by default, which the configuration does not show',
  'FG_R00016 ebs_volumes_encrypted_and_unencrypted_tf (whole input)': 'ours says unknown for the volume without `encrypted`, as above',
  'FG_R00087 validSecurityGroupAllOpenLowerPortSet_tf (whole input)':
    'ours covers SSH and RDP in one policy: ports 0-3388 open to the world include SSH (22), so ours fails where the RDP-only rule passes',
  'FG_R00211 bucketpolicy_allowlist_infra_json aws_s3_bucket.allowget-inline-policy':
    'ours is stricter: regula only objects to list actions for everyone; an Allow of s3:GetObject to Principal "*" makes every object public, which fails ours',
  'FG_R00211 bucketpolicy_allowlist_infra_json aws_s3_bucket.allowget-external-policy': 'ours is stricter, as above (the policy is a separate aws_s3_bucket_policy)',
};

interface Case {
  /** Absent: the verdict is about the whole input (fail = some resource fails). */
  resource?: string;
  expected: 'pass' | 'fail';
  input: string;
}
interface Rule {
  test: string;
  rule: { id: string; title: string };
  cases: Case[];
}

function inputFile(testFile: string, input: string): string {
  const dir = join(ROOT, dirname(testFile), 'inputs');
  if (input.endsWith('_infra_json')) return join(dir, `${input.slice(0, -'_json'.length)}.json`);
  if (input.endsWith('_tf')) return join(dir, `${input.slice(0, -'_tf'.length)}.tf`);
  throw new Error(`unknown input form ${input}`);
}

describeWithShared('regula labelled cases', 'corpora/fugue__regula/_derived/expected_aws.json', () => {
  const rules = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Rule[];
  const catalog = loadCatalog();
  const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };

  async function verdicts(policyId: string, file: string): Promise<Map<string, string>> {
    const policy = catalog.byId.get(policyId)!;
    const single: Catalog = { ...catalog, policies: [policy], byId: new Map([[policyId, policy]]) };
    const { results } = await scanPaths([file], { config, catalog: single, now: new Date('2026-11-22T00:00:00Z'), cwd: dirname(file) });
    const map = new Map(results.findings.map((f) => [f.resource.address ?? '', f.status as string]));
    const all = results.findings.map((f) => f.status);
    // A whole input fails when any resource fails; it is unknown when nothing fails but something is undecided.
    map.set('(whole input)', all.includes('fail') ? 'fail' : all.some((s) => s === 'unknown' || s === 'error') ? 'unknown' : all.length ? 'pass' : 'no finding');
    return map;
  }

  describe('regula labelled cases agree with our policies', () => {
    it('every regula rule is either covered by a policy or listed as not covered, with a reason', () => {
      for (const r of rules) expect(COVERED[r.rule.id] ?? NOT_COVERED[r.rule.id], r.rule.id).toBeTruthy();
      for (const p of Object.values(COVERED)) expect(catalog.byId.has(p), p).toBe(true);
    });

    it.each(rules.filter((r) => COVERED[r.rule.id]).map((r) => [r.rule.id, r] as const))('%s', async (id, rule) => {
      const policy = COVERED[id]!;
      const disagreements: string[] = [];
      const kept: string[] = [];
      const byInput = new Map<string, Case[]>();
      for (const c of rule.cases) byInput.set(c.input, [...(byInput.get(c.input) ?? []), c]);
      for (const [input, cases] of byInput) {
        const file = inputFile(rule.test, input);
        expect(existsSync(file), file).toBe(true);
        const got = await verdicts(policy, file);
        for (const c of cases) {
          const resource = c.resource ?? '(whole input)';
          const ours = got.get(resource) ?? 'no finding';
          const key = `${id} ${input} ${resource}`;
          // An input with nothing the policy applies to has nothing failing: that agrees with a whole-input pass.
          const agrees = ours === c.expected || (resource === '(whole input)' && c.expected === 'pass' && ours === 'no finding');
          if (agrees) continue;
          if (KEPT[key]) kept.push(key);
          else disagreements.push(`${key}: regula ${c.expected}, ours ${ours}`);
        }
      }
      expect(disagreements).toEqual([]);
      for (const k of Object.keys(KEPT).filter((k) => k.startsWith(`${id} `))) expect(kept, `kept disagreement ${k} no longer happens: remove it from KEPT`).toContain(k);
    });
  });
});
