import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import { runPolicyFixtures } from '../../checks/pipeline/fixtures.js';

const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frharn-cfg-')));
const policy = { ...catalog.byId.get('aws-kms-key-rotation-enabled')!, sources: ['plan', 'live'] as Array<'plan' | 'live'> };
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e';

const planYaml = (rotation: boolean) => `resources:\n  - address: aws_kms_key.records\n    values: { description: records, enable_key_rotation: ${rotation} }\n    unknown: [arn, id]\n`;
const liveYaml = (rotation: boolean) =>
  `resources:\n  AWS::KMS::Key:\n    - arn: ${KEY}\n      data: { KeyId: 0b6a3e9c-1f7a-4c1e-9d2b-5a1e2f3c4d5e, KeyManager: CUSTOMER, KeyState: Enabled, KeyUsage: ENCRYPT_DECRYPT, KeySpec: SYMMETRIC_DEFAULT, rotation: { enabled: ${rotation} } }\n`;

/** A fixtures root with the policy's cases, from file name -> content per side. */
function fixtures(pass: Record<string, string>, fail: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'frharn-'));
  for (const [side, files] of [['pass', pass], ['fail', fail]] as const) {
    mkdirSync(join(root, policy.id, side), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, policy.id, side, name), text);
  }
  return root;
}

const expectYaml = `findings:\n  - { address: aws_kms_key.records, status: fail }\n  - { arn: "${KEY}", status: fail }\n`;

describe('the fixture harness reads compact fixtures wherever it reads full ones', () => {
  it('plan.yaml and live.yaml cases pass and fail as declared', async () => {
    const root = fixtures({ 'plan.yaml': planYaml(true), 'live.yaml': liveYaml(true) }, { 'plan.yaml': planYaml(false), 'live.yaml': liveYaml(false), 'expect.yaml': expectYaml });
    const results = await runPolicyFixtures(policy, root, config, catalog);
    expect(results.map((r) => [r.source, r.expectation, r.ok, r.problems])).toEqual([
      ['plan', 'pass', true, []],
      ['plan', 'fail', true, []],
      ['live', 'pass', true, []],
      ['live', 'fail', true, []],
    ]);
    expect(results[1]!.findings.map((f) => `${f.status} ${f.resource.address}`)).toEqual(['fail aws_kms_key.records']);
  });

  it('a compact case that would pass is caught when it is filed as failing (the verdicts are real)', async () => {
    const root = fixtures({ 'plan.yaml': planYaml(false) }, { 'plan.yaml': planYaml(true), 'expect.yaml': expectYaml });
    const [pass, fail] = await runPolicyFixtures({ ...policy, sources: ['plan'] }, root, config, catalog);
    expect(pass!.problems.join()).toMatch(/unexpected fail: fail aws_kms_key.records/);
    expect(fail!.problems.join()).toMatch(/no fail finding \(pass aws_kms_key.records\)/);
  });

  it('refuses a case with both plan.json and plan.yaml', async () => {
    const root = fixtures({ 'plan.yaml': planYaml(true), 'plan.json': '{}' }, { 'plan.yaml': planYaml(false) });
    const [pass] = await runPolicyFixtures({ ...policy, sources: ['plan'] }, root, config, catalog);
    expect(pass!.ok).toBe(false);
    expect(pass!.problems.join()).toMatch(/both plan.json and plan.yaml: keep one/);
  });

  it('a broken compact fixture is a failing case naming the file and field', async () => {
    const root = fixtures({ 'plan.yaml': 'resources:\n  - adress: aws_kms_key.records\n' }, { 'plan.yaml': planYaml(false) });
    const [pass] = await runPolicyFixtures({ ...policy, sources: ['plan'] }, root, config, catalog);
    expect(pass!.problems.join()).toMatch(/scan failed: .*plan.yaml: \/resources\/0: unknown field "adress"/);
  });

  it('a case that still holds a scaffold TODO fails even when its verdict is right', async () => {
    const root = fixtures({ 'plan.yaml': `# TODO: describe the compliant case\n${planYaml(true)}` }, { 'plan.yaml': planYaml(false), 'expect.yaml': expectYaml });
    const [pass, fail] = await runPolicyFixtures({ ...policy, sources: ['plan'] }, root, config, catalog);
    expect(pass!.problems).toEqual(['TODO placeholders left in plan.yaml']);
    expect(fail!.ok).toBe(true);
  });

  it('names the compact form when a fixture is missing', async () => {
    const root = fixtures({}, {});
    const [pass] = await runPolicyFixtures({ ...policy, sources: ['live'] }, root, config, catalog);
    expect(pass!.problems.join()).toMatch(/missing fixture .*live.json \(or live.yaml\)/);
  });
});
