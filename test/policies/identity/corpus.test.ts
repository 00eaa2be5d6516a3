import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import type { Finding } from '../../../checks/engine/types.js';
import { readHcl } from '../../../checks/sources/hcl/index.js';
import { readPlan } from '../../../checks/sources/plan/index.js';
import type { TfSourceResult } from '../../../checks/sources/terraform/record.js';
import { describeWithShared, sharedDir } from '../../helpers/shared.js';
import { findings, model } from '../../helpers/policy-tester.js';

// Labelled IAM cases from fugue/regula (read in place from ../shared/corpora, never copied):
// FG_R00092 "no full admin" per resource, and FG_R00007 "no policies attached to users" per input file.
const REGULA = sharedDir('corpora/fugue__regula');
// Trivy's good/bad IAM examples, one snippet per file (aquasecurity/trivy-checks _derived/split).
const TRIVY = sharedDir('corpora/aquasecurity__trivy-checks/_derived/split/iam');
const INPUTS = join(REGULA, 'rego/tests/rules/tf/aws/iam/inputs');

interface Expected {
  rule: { id: string };
  cases: Array<{ resource?: string; expected: 'pass' | 'fail'; input: string }>;
}

function run(policyId: string, src: TfSourceResult, source: 'hcl' | 'plan'): Finding[] {
  return findings(policyId, model(src.records, source));
}

function inputFile(name: string): string {
  return name.endsWith('_infra_json') ? join(INPUTS, `${name.slice(0, -'_json'.length)}.json`) : join(INPUTS, `${name.slice(0, -'_tf'.length)}.tf`);
}

describeWithShared('regula IAM corpus', 'corpora/fugue__regula', () => {
  const expected = JSON.parse(readFileSync(join(REGULA, '_derived/expected_aws.json'), 'utf8')) as Expected[];
  const admin = expected.find((e) => e.rule.id === 'FG_R00092')!;
  const users = expected.find((e) => e.rule.id === 'FG_R00007')!;

  it('FG_R00092 labels match aws-iam-no-full-admin on the plan and on its HCL', async () => {
    const planFile = inputFile(admin.cases[0]!.input);
    const plan = run('aws-iam-no-full-admin', readPlan(planFile), 'plan');
    const tfFile = planFile.replace(/\.json$/, '.tf');
    const hcl = run('aws-iam-no-full-admin', await readHcl([tfFile], { root: dirname(tfFile) }), 'hcl');
    for (const [name, findings] of [['plan', plan], ['hcl', hcl]] as const) {
      const got = Object.fromEntries(findings.map((f) => [f.resource.address, f.status]));
      const want = Object.fromEntries(admin.cases.map((c) => [c.resource!, c.expected]));
      expect({ source: name, got: Object.fromEntries(Object.keys(want).map((k) => [k, got[k]])) }).toEqual({ source: name, got: want });
    }
  });

  it('FG_R00007 labels match aws-iam-user-no-attached-policies per HCL file', async () => {
    const tfCases = users.cases.filter((c) => c.input.endsWith('_tf'));
    expect(tfCases.length).toBeGreaterThan(5);
    const got: Record<string, string> = {};
    for (const c of tfCases) {
      const file = inputFile(c.input);
      const findings = run('aws-iam-user-no-attached-policies', await readHcl([file], { root: dirname(file) }), 'hcl');
      got[c.input] = findings.some((f) => f.status === 'fail') ? 'fail' : 'pass';
    }
    expect(got).toEqual(Object.fromEntries(tfCases.map((c) => [c.input, c.expected])));
  });
});

describeWithShared('trivy IAM examples', 'corpora/aquasecurity__trivy-checks/_derived/split/iam', () => {
  // check folder -> our policy that covers the same mistake
  const cases: Array<[string, string[]]> = [
    ['no_policy_wildcards', ['aws-iam-no-service-wildcard-on-all-resources']],
    ['limit_s3_full_access', ['aws-iam-no-service-wildcard-on-all-resources', 'aws-iam-no-broad-aws-managed-policy-attached']],
    ['no_user_attached_policies', ['aws-iam-user-no-attached-policies']],
  ];
  it.each(cases)('%s: bad examples fail, good examples do not', async (folder, policies) => {
    for (const kind of ['bad_1', 'good_1'] as const) {
      const file = join(TRIVY, folder, `${kind}.tf`);
      const src = await readHcl([file], { root: dirname(file) });
      for (const policy of policies) {
        const statuses = run(policy, src, 'hcl').map((f) => f.status);
        if (kind === 'bad_1') expect({ policy, kind, failed: statuses.includes('fail') }).toEqual({ policy, kind, failed: true });
        else expect({ policy, kind, failed: statuses.includes('fail') }).toEqual({ policy, kind, failed: false });
      }
    }
  });
});
