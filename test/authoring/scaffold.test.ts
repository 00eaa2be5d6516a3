import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { KINDS_OF_TYPE } from '../../checks/adapters/live/index.js';
import { addPolicyToControls } from '../../checks/authoring/framework-edit.js';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { LIVE_RECORDS } from '../../checks/authoring/live-records.js';
import { mutationProblems } from '../../checks/authoring/mutation-stub.js';
import { coreLayout, scaffoldPolicy } from '../../checks/authoring/scaffold.js';
import { loadCatalog, loadPolicyFile } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import { InputError } from '../../checks/errors.js';
import { runPolicyFixtures } from '../../checks/pipeline/fixtures.js';
import { cli } from '../cli/run.js';

const REPO = join(__dirname, '../..');

/** A copy of the parts of the repository the scaffolder writes to. */
function repoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'frscaf-'));
  cpSync(join(REPO, 'policies'), join(root, 'policies'), { recursive: true });
  cpSync(join(REPO, 'reference-stack/terraform'), join(root, 'reference-stack/terraform'), { recursive: true });
  cpSync(join(REPO, 'reference-stack/mutations.yaml'), join(root, 'reference-stack/mutations.yaml'));
  mkdirSync(join(root, 'fixtures'));
  return root;
}

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.includes('.')).sort();
}

function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('policies new on the core catalog', () => {
  const root = repoCopy();
  const frameworkBefore = readFileSync(join(root, 'policies/frameworks/ferpa.yaml'), 'utf8');
  const mutationsBefore = readFileSync(join(root, 'reference-stack/mutations.yaml'), 'utf8');
  const result = scaffoldPolicy({ id: 'aws-rds-cluster-example', kind: 'aws.rds.cluster', controls: ['FERPA-GOV-01'], severity: 'info', category: 'governance' }, coreLayout(root));

  it('writes the policy, compact pass and fail fixtures for each source and expect.yaml', () => {
    expect(result.created).toEqual([
      'policies/aws-rds-cluster-example.policy.yaml',
      'fixtures/aws-rds-cluster-example/pass/main.tf',
      'fixtures/aws-rds-cluster-example/pass/plan.yaml',
      'fixtures/aws-rds-cluster-example/pass/live.yaml',
      'fixtures/aws-rds-cluster-example/fail/main.tf',
      'fixtures/aws-rds-cluster-example/fail/plan.yaml',
      'fixtures/aws-rds-cluster-example/fail/live.yaml',
      'fixtures/aws-rds-cluster-example/fail/expect.yaml',
    ]);
    for (const f of result.created) expect(existsSync(join(root, f)), f).toBe(true);
    expect(parse(readFileSync(join(root, 'fixtures/aws-rds-cluster-example/fail/expect.yaml'), 'utf8')).findings).toEqual([
      { address: 'aws_rds_cluster.main', status: 'fail' },
      { arn: 'arn:aws:rds:us-east-1:111122223333:cluster:sis-main', status: 'fail' },
    ]);
  });

  it('adds the id to the control in the framework file and changes no other line', () => {
    expect(result.edited).toEqual(['policies/frameworks/ferpa.yaml', 'reference-stack/mutations.yaml']);
    const after = readFileSync(join(root, 'policies/frameworks/ferpa.yaml'), 'utf8').split('\n');
    const before = frameworkBefore.split('\n');
    const changed = after.map((l, i) => [l, before[i]]).filter(([a, b]) => a !== b);
    const gov01 = before.find((l, i) => l.startsWith('    policies: [') && before.slice(0, i).reverse().find((x) => /^  FERPA-/.test(x)) === '  FERPA-GOV-01:')!;
    expect(changed).toEqual([[gov01.replace(/\]$/, ', aws-rds-cluster-example]'), gov01]]);
  });

  it('appends a mutation stub on the stack file that declares the kind, which policies test refuses until filled', () => {
    const text = readFileSync(join(root, 'reference-stack/mutations.yaml'), 'utf8');
    expect(text.startsWith(mutationsBefore.replace(/\n*$/, '\n'))).toBe(true);
    const stub = (parse(text) as { mutations: Array<Record<string, unknown>> }).mutations.at(-1)!;
    expect(stub).toMatchObject({ id: 'rds-cluster-example', policy: 'aws-rds-cluster-example', file: 'modules/database/main.tf' });
    expect(mutationProblems('aws-rds-cluster-example', join(root, 'reference-stack/mutations.yaml'))).toEqual(['mutation rds-cluster-example still holds TODO placeholders']);
    expect(mutationProblems('aws-no-such-policy', join(root, 'reference-stack/mutations.yaml'))[0]).toMatch(/no mutation in reference-stack\/mutations.yaml/);
  });

  it('the skeleton does not load until every TODO is replaced, and then it does', () => {
    const file = join(root, 'policies/aws-rds-cluster-example.policy.yaml');
    expect(inputError(() => loadPolicyFile(file, root))).toMatch(/^policies\/aws-rds-cluster-example.policy.yaml: \/title: still a TODO placeholder/);
    const filled = readFileSync(file, 'utf8')
      .replace(/^title: TODO.*$/m, 'title: RDS DB cluster copies its tags to snapshots')
      .replace(/^description: TODO.*$/m, 'description: copy_tags_to_snapshot is true.')
      .replace(/^rationale: TODO.*$/m, 'rationale: Snapshots keep their data classification.')
      .replace('TODO the compliant argument', 'copy_tags_to_snapshot = true')
      .replace(/cli: TODO.*$/m, 'cli: aws rds modify-db-cluster --copy-tags-to-snapshot')
      .replace(/- TODO.*$/m, '- https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html')
      .replace(/path: TODO.*$/m, 'path: copyTagsToSnapshot');
    writeFileSync(file, filled);
    expect(inputError(() => loadPolicyFile(file, root))).toMatch(/\/rule\/assert\/equals: still a TODO placeholder/);
    writeFileSync(file, filled.replace('equals: TODO', 'equals: true'));
    expect(loadPolicyFile(file, root).rule.assert).toEqual({ path: 'copyTagsToSnapshot', equals: true });
  });

  it('its fixtures fail the harness while they hold TODOs', async () => {
    const policy = { ...loadCatalog().byId.get('aws-rds-copy-tags-to-snapshot')!, id: 'aws-rds-cluster-example', resource: 'aws.rds.cluster' };
    const results = await runPolicyFixtures(policy, join(root, 'fixtures'), loadConfig(undefined, root), loadCatalog());
    expect(results).toHaveLength(6);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.problems.join()).toMatch(/TODO placeholders left in|still|scan failed/);
    }
  });

  it('refuses an id that exists, an unknown kind, control, source, severity or category, with nothing written', () => {
    const before = files(root);
    const layout = coreLayout(root);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-kms-deletion-window', kind: 'aws.kms.key' }, layout))).toMatch(/policy id "aws-kms-deletion-window" exists already/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-rds-cluster-example', kind: 'aws.rds.cluster' }, layout))).toMatch(/exists already/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.rds.database' }, layout))).toMatch(/--kind: unknown model kind "aws.rds.database"/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.kms.key', controls: ['FERPA-ENC-99'] }, layout))).toMatch(/--control: unknown control "FERPA-ENC-99"/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.kms.key', sources: ['app'] }, layout))).toMatch(/--sources: unknown source "app"/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.kms.key', severity: 'urgent' }, layout))).toMatch(/--severity/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.kms.key', category: 'privacy' }, layout))).toMatch(/--category/);
    expect(inputError(() => scaffoldPolicy({ id: 'aws-x', kind: 'aws.kms.key', assert: 'keyUsage=true' }, layout))).toMatch(/is a string, not a boolean/);
    expect(inputError(() => scaffoldPolicy({ id: 'AWS_X', kind: 'aws.kms.key' }, layout))).toMatch(/lowercase words joined by hyphens/);
    expect(files(root)).toEqual(before);
    expect(readFileSync(join(root, 'reference-stack/mutations.yaml'), 'utf8').match(/policy: aws-x\b/)).toBeNull();
  });

  it('says so when the reference stack has no resource of the kind', () => {
    const r = scaffoldPolicy({ id: 'aws-iam-user-example', kind: 'aws.iam.user', controls: ['FERPA-IAM-01'] }, coreLayout(root));
    expect(r.mutation).toBeUndefined();
    expect(r.notes.join()).toMatch(/the reference stack has no aws_iam_user/);
  });
});

describe('policies new --assert writes a policy whose fixtures already prove it', () => {
  it('for a boolean attribute the adapters map by the usual names, every source passes and fails as it should', async () => {
    const root = repoCopy();
    const r = scaffoldPolicy({ id: 'aws-rds-cluster-tags-example', kind: 'aws.rds.cluster', assert: 'copyTagsToSnapshot=true', controls: ['FERPA-GOV-01'] }, coreLayout(root));
    expect(r.notes).toEqual([]);
    expect(readFileSync(join(root, 'fixtures/aws-rds-cluster-tags-example/fail/plan.yaml'), 'utf8')).toContain('values: { copy_tags_to_snapshot: false }');
    expect(readFileSync(join(root, 'fixtures/aws-rds-cluster-tags-example/pass/live.yaml'), 'utf8')).toContain('CopyTagsToSnapshot: true');
    const policy = { ...loadCatalog().byId.get('aws-rds-copy-tags-to-snapshot')!, id: 'aws-rds-cluster-tags-example', resource: 'aws.rds.cluster', where: undefined };
    const results = await runPolicyFixtures(policy, join(root, 'fixtures'), loadConfig(undefined, root), loadCatalog());
    expect(results.map((x) => `${x.source} ${x.expectation} ${x.ok} ${x.problems.join()}`)).toEqual(['hcl pass true ', 'hcl fail true ', 'plan pass true ', 'plan fail true ', 'live pass true ', 'live fail true ']);
  });

  it('leaves TODOs (and says why) where the names are not the usual ones', () => {
    const root = repoCopy();
    const r = scaffoldPolicy({ id: 'aws-cloudtrail-example', kind: 'aws.cloudtrail.trail', assert: 'logFileValidation=true', controls: ['FERPA-LOG-01'] }, coreLayout(root));
    expect(r.notes.join(' | ')).toMatch(/no Terraform argument of aws_cloudtrail gave logFileValidation.*no API field gave logFileValidation/);
    expect(readFileSync(join(root, 'fixtures/aws-cloudtrail-example/pass/plan.yaml'), 'utf8')).toMatch(/TODO/);
  });
});

describe('the live record templates', () => {
  it.each(Object.entries(LIVE_RECORDS))('%s: the live adapter makes its kind from the template record', (kind, t) => {
    expect(KINDS_OF_TYPE[t.type], t.type).toContain(kind);
    const snap = expandCompactLive({ resources: { [t.type]: [{ arn: t.arn('sis-main'), data: t.ids('sis-main') }] } }, 'x');
    expect(adaptSnapshot(snap, 'x').map((r) => r.kind)).toContain(kind);
  });
});

describe('the framework edit', () => {
  const text = '# comment kept\ncontrols:\n  A:\n    title: "keep \\u00a7 escapes and a very long line that a YAML printer would fold somewhere along the way, sure"\n    policies: [p1]\n  B:\n    policies:\n      - p1\n      - p2  # trailing comment\n  C:\n    policies: []\n';
  it('appends to flow, block and empty lists as text', () => {
    expect(addPolicyToControls(text, ['A', 'B', 'C'], 'new', 'f')).toBe(text.replace('[p1]', '[p1, new]').replace('- p2  # trailing comment\n', '- p2  # trailing comment\n      - new\n').replace('[]', '[new]'));
  });
  it('adds to an aliased list through its anchor, once', () => {
    const aliased = 'controls:\n  X:\n    policies: &shared\n      - p1\n  Y:\n    policies: *shared\n';
    const out = addPolicyToControls(aliased, ['X', 'Y'], 'new', 'f');
    expect(out).toBe(aliased.replace('      - p1\n', '      - p1\n      - new\n'));
    expect(addPolicyToControls(aliased, ['Y'], 'new', 'f')).toBe(out);
  });
  it('leaves a list that has the id alone and refuses a control without a list', () => {
    expect(addPolicyToControls(text, ['A'], 'p1', 'f')).toBe(text);
    expect(inputError(() => addPolicyToControls(text, ['D'], 'new', 'f'))).toMatch(/\/controls\/D\/policies: not a list/);
  });
});

describe('the CLI', () => {
  it('scaffolds into a folder of your own; validate refuses it with one line until the TODOs are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frscafcli-'));
    const r = cli(['policies', 'new', 'acme-kms-multi-region', '--kind', 'aws.kms.key', '--sources', 'plan,live', '--assert', 'multiRegion=false', '--severity', 'low', '--category', 'governance', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created .*acme-kms-multi-region.policy.yaml/);
    expect(r.stdout).not.toMatch(/edited|mutation/);
    expect(files(dir)).toEqual(['acme-kms-multi-region.policy.yaml', 'fixtures/acme-kms-multi-region/fail/expect.yaml', 'fixtures/acme-kms-multi-region/fail/live.yaml', 'fixtures/acme-kms-multi-region/fail/plan.yaml', 'fixtures/acme-kms-multi-region/pass/live.yaml', 'fixtures/acme-kms-multi-region/pass/plan.yaml']);
    const v = cli(['policies', 'validate', dir]);
    expect(v.code).toBe(2);
    expect(v.stderr.trim().split('\n')).toHaveLength(1);
    expect(v.stderr).toMatch(/acme-kms-multi-region.policy.yaml: \/title: still a TODO placeholder/);
    const file = join(dir, 'acme-kms-multi-region.policy.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^title: TODO.*$/m, 'title: KMS keys stay in one region')
        .replace(/^description: TODO.*$/m, 'description: multi_region is false.')
        .replace(/^rationale: TODO.*$/m, 'rationale: Key material stays where the data is.')
        .replace(/cli: TODO.*$/m, 'cli: recreate the key')
        .replace(/- TODO.*$/m, '- https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html'),
    );
    expect(cli(['policies', 'validate', dir]).stdout).toMatch(/1 policies valid/);
    const t = cli(['policies', 'test', dir]);
    expect(t.stdout).toMatch(/^4 passed, 0 failed$/m);
    expect(t.code).toBe(0);
  });

  it.each([
    [['policies', 'new', 'aws-kms-deletion-window', '--kind', 'aws.kms.key'], /policy id "aws-kms-deletion-window" exists already/],
    [['policies', 'new', 'aws-x-new', '--kind', 'aws.kms.kee'], /unknown model kind "aws.kms.kee"/],
    [['policies', 'new', 'aws-x-new', '--kind', 'aws.data-store'], /"aws.data-store" stands for resources of several Terraform types/],
    [['policies', 'new', 'aws-x-new', '--kind', 'aws.kms.key', '--control', 'FERPA-NOPE-01'], /unknown control "FERPA-NOPE-01"/],
    [['policies', 'new', 'aws-x-new'], /required option '--kind <kind>'/],
  ])('%j exits 2 with one line and writes nothing', (args, re) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(re);
    expect(existsSync(join(REPO, 'policies/aws-x-new.policy.yaml'))).toBe(false);
    expect(existsSync(join(REPO, 'fixtures/aws-x-new'))).toBe(false);
  });

  it('fixtures expand prints the full document of a compact fixture', () => {
    const r = cli(['fixtures', 'expand', 'fixtures/aws-kms-key-rotation-enabled/fail/plan.yaml']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.resource_changes.map((c: { address: string }) => c.address)).toEqual(['aws_kms_key.records', 'aws_kms_key.signing']);
    const live = JSON.parse(cli(['fixtures', 'expand', 'fixtures/aws-kms-key-rotation-enabled/fail/live.yaml']).stdout);
    expect(live.snapshotVersion).toBe('1');
    const bad = cli(['fixtures', 'expand', 'package.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a compact fixture/);
  });

  it('policies test checks a core policy\'s control and mutation too', () => {
    const r = cli(['policies', 'test', '--policy', 'aws-kms-deletion-window']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^7 passed, 0 failed$/m);
  });
});
