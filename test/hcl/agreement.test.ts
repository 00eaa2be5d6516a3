import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readHcl } from '../../checks/sources/hcl/index.js';
import { readPlan } from '../../checks/sources/plan/index.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { describeWithShared, sharedDir } from '../helpers/shared.js';

const CORPORA = sharedDir('corpora');

/**
 * Cases where the corpus's HCL is not what was planned (upstream kept a different main.tf beside
 * the plan), so addresses cannot agree. Module-only gaps are handled below (the module folder was
 * not copied into the corpus, and the HCL source must say so in a note).
 */
const CORPUS_MISMATCH: Record<string, string> = {
  'test_issue-127': 'main.tf holds one security group; the plan has a whole ASG stack',
  'test_issue-307': 'main.tf has a resource with an empty type name; plan differs',
  'test_issue-554': 'main.tf and plan name different rules',
  'test_issue-sgr': 'main.tf and plan name different rules',
};

function awsManaged(records: TfRecord[]): string[] {
  return records
    .filter((r) => r.mode === 'managed' && r.type.startsWith('aws_'))
    .map((r) => r.address)
    .sort();
}

function pairs(): Array<{ name: string; hcl: string; plan: string }> {
  const out: Array<{ name: string; hcl: string; plan: string }> = [];
  const tc = join(CORPORA, 'terraform-compliance__cli', 'tests', 'functional');
  for (const d of readdirSync(tc).sort()) {
    if (existsSync(join(tc, d, 'plan.out.json')) && existsSync(join(tc, d, 'main.tf'))) out.push({ name: d, hcl: join(tc, d), plan: join(tc, d, 'plan.out.json') });
  }
  const rg = join(CORPORA, 'fugue__regula', 'rego', 'tests', 'examples', 'aws', 'inputs');
  for (const f of readdirSync(rg).sort()) {
    const plan = join(rg, f.replace(/\.tf$/, '.json'));
    if (f.endsWith('_infra.tf') && existsSync(plan)) out.push({ name: f, hcl: join(rg, f), plan });
  }
  return out;
}

describeWithShared('HCL and plan sources agree on addresses', 'corpora', () => {
  it('yields the same AWS resource addresses as the plan for each corpus pair', async () => {
    const list = pairs();
    expect(list.length).toBeGreaterThan(50);
    const disagreements: string[] = [];
    let compared = 0;
    for (const p of list) {
      if (CORPUS_MISMATCH[p.name]) continue;
      let plan;
      try {
        plan = readPlan(p.plan);
      } catch {
        continue; // plans the plan source rejects are its own tests' business
      }
      const hcl = await readHcl([p.hcl], { root: CORPORA });
      const a = awsManaged(hcl.records);
      const b = awsManaged(plan.records);
      const missing = b.filter((x) => !a.includes(x));
      const extra = a.filter((x) => !b.includes(x));
      // resources inside modules whose folder is absent from the corpus: the HCL source must say so
      const unexplained = missing.filter((x) => {
        const m = /^module\.([\w-]+)/.exec(x);
        return !(m && hcl.notes.some((n) => n.startsWith(`module ${m[1]} `)));
      });
      if (unexplained.length || extra.length) disagreements.push(`${p.name}: only in plan ${JSON.stringify(unexplained)}, only in HCL ${JSON.stringify(extra)}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    expect(disagreements).toEqual([]);
  }, 180_000);
});
