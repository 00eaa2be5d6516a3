// A control is not "Ready" on the strength of the policies that ran when others of its policies judge
// inputs the report does not have (a live-only root-MFA policy on a Terraform scan): they never ran,
// and their silence is not a pass.
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportFramework, type ReportPolicyMeta } from '../../reports/ferpa/model.js';
import { finding, input, NOW, results } from './sample.js';

const FW: ReportFramework = {
  framework: 'ferpa',
  title: 'FERPA readiness (test)',
  version: '2026.12.0',
  families: { IAM: 'Identity' },
  controls: [
    { id: 'FERPA-IAM-01', title: 'Administrative access', family: 'IAM', sources: 'CIS 1.5', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-password', 'p-root-mfa'], requirement: 'Admins use MFA.', remediation: 'Turn on MFA.' },
    { id: 'FERPA-ACC-02', title: 'Authentication', family: 'IAM', sources: 'NDPA', evidence: ['TF', 'LIVE'], primaryEvidence: ['TF', 'LIVE'], policies: ['p-cognito'], requirement: 'Users authenticate.', remediation: 'Require MFA.' },
  ],
};
const META: ReportPolicyMeta[] = [
  { id: 'p-password', title: 'Password policy is strong', severity: 'medium', sources: ['hcl', 'plan', 'live'] },
  { id: 'p-root-mfa', title: 'Root has MFA', severity: 'critical', sources: ['live'] },
  { id: 'p-cognito', title: 'Cognito requires MFA', severity: 'high', sources: ['hcl', 'plan'] },
];

function control(kind: 'plan' | 'snapshot' | 'both', id: string) {
  const fs = [
    finding({ policyId: 'p-password', status: 'pass', address: 'aws_iam_account_password_policy.this', controls: ['FERPA-IAM-01'] }),
    ...(kind !== 'snapshot' ? [finding({ policyId: 'p-cognito', status: 'pass', address: 'aws_cognito_user_pool.users', controls: ['FERPA-ACC-02'] })] : []),
    ...(kind !== 'plan' ? [finding({ policyId: 'p-root-mfa', status: 'pass', address: 'account', controls: ['FERPA-IAM-01'], source: 'live' })] : []),
  ];
  const inputs = [
    ...(kind !== 'snapshot' ? [{ kind: 'plan' as const, path: 'plan.json', sha256: 'a'.repeat(64) }] : []),
    ...(kind !== 'plan' ? [{ kind: 'snapshot' as const, path: 'snapshot.json', sha256: 'b'.repeat(64) }] : []),
  ];
  const report = buildReport([input(results(fs, { inputs }))], FW, META, { now: NOW, attestations: [] });
  return report.controls.find((c) => c.id === id)!;
}

describe('policies the inputs could not feed', () => {
  it('a Terraform scan does not make a control with a live-only policy ready: it needs a live audit', () => {
    const c = control('plan', 'FERPA-IAM-01');
    expect(c.status).toBe('needs-evidence');
    expect(c.reason).toMatch(/1 passing finding, none failing, but 1 policy of this control judges what these inputs do not hold and did not run \(p-root-mfa\): needs a live audit\./);
  });

  it('with a snapshot beside the plan the same control is ready', () => {
    expect(control('both', 'FERPA-IAM-01').status).toBe('ready');
  });

  it('an audit alone does not make a Terraform-only control ready: it needs a Terraform scan', () => {
    const c = control('snapshot', 'FERPA-ACC-02');
    expect(c.status).toBe('needs-evidence');
    expect(c.reason).toMatch(/p-cognito\): needs a Terraform scan or plan\./);
  });

  it('a policy with no declared sources, or a report of no inputs, is not held against the control', () => {
    const meta = META.map((m) => (m.id === 'p-root-mfa' ? { ...m, sources: undefined } : m));
    const fs = [finding({ policyId: 'p-password', status: 'pass', address: 'x', controls: ['FERPA-IAM-01'] })];
    const withPlan = buildReport([input(results(fs, { inputs: [{ kind: 'plan', path: 'p.json', sha256: 'c'.repeat(64) }] }))], FW, meta, { now: NOW, attestations: [] });
    expect(withPlan.controls.find((c) => c.id === 'FERPA-IAM-01')!.status).toBe('ready');
    const none = buildReport([input(results(fs, { inputs: [] }))], FW, META, { now: NOW, attestations: [] });
    expect(none.controls.find((c) => c.id === 'FERPA-IAM-01')!.status).toBe('ready');
  });
});

describe('controls whose primary evidence is the application', () => {
  const APP_FW: ReportFramework = {
    ...FW,
    families: { DEL: 'Deletion' },
    controls: [{ id: 'FERPA-DEL-01', title: 'Deletion endpoint', family: 'DEL', sources: 'SOPIPA', evidence: ['LIVE', 'APP'], primaryEvidence: ['APP'], policies: ['p-password'], appChecks: ['app-deletion-complete'], requirement: 'Deletion works.', remediation: 'Build it.' }],
  };
  const pass = finding({ policyId: 'p-password', status: 'pass', address: 'aws_backup_plan.this', controls: ['FERPA-DEL-01'] });
  const appPass = finding({ policyId: 'app-deletion-complete', status: 'pass', address: 'DELETE /students/{id}', controls: ['FERPA-DEL-01'], source: 'app' });
  const build = (fs: ReturnType<typeof finding>[], kinds: Array<'plan' | 'app'>) =>
    buildReport([input(results(fs, { inputs: kinds.map((kind, i) => ({ kind, path: `${kind}.json`, sha256: String(i).repeat(64) })) }))], APP_FW, META, { now: NOW, attestations: [] }).controls[0]!;

  it('is not ready on infrastructure passes alone: the application checks it names never ran', () => {
    const c = build([pass], ['plan']);
    expect(c.status).toBe('needs-evidence');
    expect(c.reason).toMatch(/1 passing finding, none failing, but its primary evidence is the application, and these inputs hold no application results \(app-deletion-complete\): needs the conformance suite's results/);
  });

  it('is ready once the conformance results are an input beside the plan', () => {
    expect(build([pass, appPass], ['plan', 'app']).status).toBe('ready');
  });
});
