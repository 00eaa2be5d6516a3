import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFixture } from '../../checks/authoring/plan-fixture.js';
import { readPlan } from '../../checks/sources/plan/index.js';
import { planShape } from './plan-shape.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

const REPO = join(__dirname, '../..');
const CORPORA = sharedDir('corpora');
const REAL_PLAN_DIRS = ['hashicorp__terraform-json', 'terraform-compliance__cli', 'fugue__regula'];

/** Every plan Terraform wrote in the shared corpora (state files and broken JSON left out). */
function realPlans(): Array<{ file: string; shape: Set<string> }> {
  const out: Array<{ file: string; shape: Set<string> }> = [];
  for (const d of REAL_PLAN_DIRS) {
    const root = join(CORPORA, d);
    for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.json')).sort()) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(join(root, f), 'utf8'));
      } catch {
        continue;
      }
      if (doc && typeof doc === 'object' && !Array.isArray(doc) && ('planned_values' in doc || 'resource_changes' in doc)) out.push({ file: `${d}/${f}`, shape: planShape(doc) });
    }
  }
  return out;
}

/** The compact plans this repository holds: the expander's own example and every plan.yaml fixture. */
function compactPlans(): string[] {
  const fixtures = readdirSync(join(REPO, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('plan.yaml'))
    .map((f) => join(REPO, 'fixtures', f));
  return [join(__dirname, 'fixtures/every-feature.plan.yaml'), ...fixtures.sort()];
}

// Only this comparison needs ../shared: skipped with the reason in a clone without it, failing in CI.
describeWithShared('expanded compact plans have the structure of real Terraform plans', 'corpora/hashicorp__terraform-json', () => {
  const real = realPlans();
  const union = new Set(real.flatMap((r) => [...r.shape]));
  // What every real plan with changes and a configuration has: the skeleton a plan reader may rely on.
  const complete = real.filter((r) => r.shape.has('/resource_changes/[]/change/actions:array') && r.shape.has('/configuration/root_module:object'));
  const core = [...complete[0]!.shape].filter((p) => complete.every((r) => r.shape.has(p)));
  const dir = mkdtempSync(join(tmpdir(), 'frshape-'));

  it('reads enough real plans to stand for Terraform 0.12 to 1.x', () => {
    expect(real.length).toBeGreaterThan(100);
    expect(core).toEqual(expect.arrayContaining(['/format_version:string', '/resource_changes/[]/change/after_unknown:object', '/configuration/root_module:object']));
  });

  it.each(compactPlans().map((f) => [relative(REPO, f), f]))('%s: every pointer is one real plans have, the common skeleton is there, the plan source reads it', (_name, file) => {
    const doc = readPlanFixture(file);
    const shape = planShape(doc);
    expect([...shape].filter((p) => !union.has(p)), 'structure no real plan has').toEqual([]);
    expect(core.filter((p) => !shape.has(p)), 'skeleton every real plan has').toEqual([]);
    const out = join(dir, 'plan.json');
    writeFileSync(out, JSON.stringify(doc));
    expect(readPlan(out).records.length).toBeGreaterThan(0);
  });

  it('the comparison catches structure Terraform never writes', () => {
    const doc = readPlanFixture(join(__dirname, 'fixtures/every-feature.plan.yaml')) as Record<string, any>;
    doc.resource_changes[0].change.after_unknown_paths = ['arn'];
    doc.planned_values.root_module.modules = [];
    const odd = [...planShape(doc)].filter((p) => !union.has(p));
    expect(odd.sort()).toEqual(['/planned_values/root_module/modules:array', '/resource_changes/[]/change/after_unknown_paths/[]:string', '/resource_changes/[]/change/after_unknown_paths:array']);
  });
});
