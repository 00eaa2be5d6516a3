import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import { readPlan } from '../../checks/sources/plan/index.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

const corpora = sharedDir('corpora');
const tfJson = join(corpora, 'hashicorp__terraform-json/testdata');
const compliance = join(corpora, 'terraform-compliance__cli/tests');
const regula = join(corpora, 'fugue__regula');

function files(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => re.test(f))
    .sort()
    .map((f) => join(dir, f));
}

type Kind = 'plan' | 'state' | 'invalid-json' | 'other';

/** What a corpus file is, judged from its content independently of the reader. */
function kindOf(file: string): Kind {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return 'invalid-json';
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'other';
  if ('planned_values' in doc || 'resource_changes' in doc) return 'plan';
  if ('values' in doc) return 'state';
  return 'other';
}

/** Addresses in planned_values, walked here without the reader's code. */
function plannedAddresses(file: string): string[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { planned_values?: { root_module?: unknown } };
  const out: string[] = [];
  const visit = (m: unknown): void => {
    if (!m || typeof m !== 'object') return;
    const mod = m as { resources?: Array<{ address?: string }>; child_modules?: unknown[] };
    for (const r of mod.resources ?? []) if (typeof r.address === 'string') out.push(r.address);
    for (const c of mod.child_modules ?? []) visit(c);
  };
  visit(doc.planned_values?.root_module);
  return out;
}

function rejection(file: string): InputError {
  try {
    readPlan(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`${file} was accepted but must be rejected`);
}

describeWithShared('hashicorp/terraform-json testdata: every format version 0.1 to 1.2', 'corpora/hashicorp__terraform-json/testdata', () => {
  const all = files(tfJson, /\.json$/);
  const kinds = new Map(all.map((f) => [f, kindOf(f)]));

  it('holds plans and states to judge', () => {
    expect([...kinds.values()].filter((k) => k === 'plan').length).toBeGreaterThanOrEqual(20);
    expect([...kinds.values()].filter((k) => k === 'state').length).toBeGreaterThanOrEqual(3);
  });

  for (const file of all) {
    const name = file.slice(tfJson.length + 1);
    const kind = kinds.get(file)!;
    it(`${name} (${kind})`, () => {
      if (kind === 'plan') {
        const result = readPlan(file);
        const got = new Set(result.records.map((r) => r.address));
        for (const a of plannedAddresses(file)) expect(got.has(a), `${name}: ${a}`).toBe(true);
        for (const r of result.records) {
          expect(r.source).toBe('plan');
          expect(typeof r.values).toBe('object');
        }
      } else if (kind === 'state') {
        expect(rejection(file).message).toMatch(/Terraform state, not a plan/);
      } else if (kind === 'invalid-json') {
        expect(rejection(file).message).toMatch(/not valid JSON/);
      } else {
        expect(rejection(file).message).toMatch(/not a Terraform plan/);
      }
    });
  }

  it('reads the module plan of 1.x with references and aliased provider regions', () => {
    const result = readPlan(join(tfJson, '120_basic/plan.json'));
    expect(result.regions).toEqual({ aws: 'us-west-2', 'aws.east': 'us-east-1' });
    const baz = result.records.filter((r) => r.address.startsWith('null_resource.baz['));
    expect(baz).toHaveLength(3);
    for (const r of baz) expect(r.references.triggers).toEqual(['null_resource.foo']);
  });

  it('treats empty sensitive marks (110_sensitive_values) as marking nothing', () => {
    const result = readPlan(join(tfJson, '110_sensitive_values/plan.json'));
    const foo = result.records.find((r) => r.address === 'module.foo.null_resource.foo');
    expect(foo?.values.triggers).toEqual({ foo: 'bar' });
    expect(JSON.stringify(foo?.values.id)).toBe('"(known after apply)"');
  });
});

describeWithShared('terraform-compliance plans: real AWS plans', 'corpora/terraform-compliance__cli/tests', () => {
  const all = files(compliance, /(^|\/)plan\.out\.json$/);

  it('has the plans', () => {
    expect(all.length).toBeGreaterThanOrEqual(70);
  });

  it('loads every plan; a state saved as plan.out.json is rejected as a state', () => {
    let loaded = 0;
    let withAws = 0;
    let withRefs = 0;
    for (const file of all) {
      const kind = kindOf(file);
      if (kind === 'state') {
        expect(rejection(file).message, file).toMatch(/Terraform state, not a plan/);
        continue;
      }
      expect(kind, file).toBe('plan');
      const result = readPlan(file);
      loaded++;
      if (result.records.some((r) => r.type.startsWith('aws_'))) withAws++;
      if (result.records.some((r) => Object.values(r.references).some((a) => a.length > 0))) withRefs++;
      const got = new Set(result.records.map((r) => r.address));
      for (const a of plannedAddresses(file)) expect(got.has(a), `${file}: ${a}`).toBe(true);
    }
    expect(loaded).toBeGreaterThanOrEqual(70);
    expect(withAws / loaded).toBeGreaterThan(0.7);
    expect(withRefs).toBeGreaterThan(10);
  });

  it('resolves a for_each module output reference to the module resource', () => {
    const file = join(compliance, 'functional/test_issue-456/plan.out.json');
    const role = readPlan(file).records.find((r) => r.address === 'aws_iam_role.test_iam_role["repository_1"]');
    expect(role?.references.name).toEqual(['module.ecr_repository_with_for.aws_ecr_repository.ecr_repository']);
  });
});

describeWithShared('fugue/regula plans (Terraform 0.13 to 1.0)', 'corpora/fugue__regula', () => {
  it('loads every *_infra.json plan', () => {
    const all = files(regula, /_infra\.json$/);
    expect(all.length).toBeGreaterThan(5);
    for (const file of all) {
      const kind = kindOf(file);
      if (kind !== 'plan') continue;
      const got = new Set(readPlan(file).records.map((r) => r.address));
      for (const a of plannedAddresses(file)) expect(got.has(a), `${file}: ${a}`).toBe(true);
    }
  });
});
