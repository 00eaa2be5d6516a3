import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORE_POLICY_DIR, loadCatalog } from '../../pipeline/catalog.js';
import { loadConfig } from '../../engine/config.js';
import { runPolicyFixtures } from '../../pipeline/fixtures.js';
import { mutationProblems } from '../../authoring/mutation-stub.js';
import { CATEGORIES, coreLayout, scaffoldPolicy, SEVERITIES, userLayout } from '../../authoring/scaffold.js';
import { InputError } from '../../errors.js';
import { packagePath } from '../../util/package-root.js';
import { loadContext, selectedFrameworks } from '../context.js';
import { collect } from '../output.js';
import type { Policy } from '../../engine/policy.js';

export function registerPolicies(program: Command, setExit: (code: number) => void): void {
  const policies = program.command('policies').description('List, validate and test policies');

  policies
    .command('list')
    .description('List the policies of the catalog (and extra folders)')
    .option('--format <fmt>', 'text or json', 'text')
    .option('-c, --config <file>', 'configuration file')
    .option('--policies <dir>', 'extra policy folder')
    .option('--framework <id>', "only the policies this framework maps, with its control ids (repeatable)", collect, [])
    .action((opts) => {
      const { catalog } = loadContext({ config: opts.config, policies: opts.policies ? [resolve(opts.policies)] : [] });
      const ids = selectedFrameworks(opts.framework, catalog);
      const frameworkControls = (p: Policy): Record<string, string[]> => Object.fromEntries(ids.flatMap((id) => (p.frameworkControls?.[id]?.length ? [[id, p.frameworkControls[id]!]] : [])));
      const listed = ids.length ? catalog.policies.filter((p) => Object.keys(frameworkControls(p)).length) : catalog.policies;
      if (opts.format === 'json') {
        const list = listed.map((p) => ({
          id: p.id,
          title: p.title,
          severity: p.severity,
          category: p.category,
          resource: p.resource,
          controls: p.controls ?? [],
          ...(ids.length ? { frameworks: frameworkControls(p) } : {}),
          sources: p.sources,
        }));
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      } else if (opts.format === 'text') {
        // With one --framework the CONTROLS column holds its ids; with several, each id is prefixed by its framework.
        const controlsOf = (p: Policy): string =>
          !ids.length ? (p.controls ?? []).join(',') : ids.length === 1 ? (frameworkControls(p)[ids[0]!] ?? []).join(',') : Object.entries(frameworkControls(p)).flatMap(([fw, cs]) => cs.map((c) => `${fw}:${c}`)).join(',');
        const row = (id: string, severity: string, category: string, sources: string, controls: string) => `${id.padEnd(52)} ${severity.padEnd(8)} ${category.padEnd(11)} ${sources.padEnd(14)} ${controls}\n`;
        process.stdout.write(row('POLICY', 'SEVERITY', 'CATEGORY', 'SOURCES', 'CONTROLS'));
        for (const p of listed) process.stdout.write(row(p.id, p.severity, p.category, p.sources.join(','), controlsOf(p)));
        process.stdout.write(ids.length ? `${listed.length} of ${catalog.policies.length} policies mapped by ${ids.join(', ')} (catalog ${catalog.version})\n` : `${catalog.policies.length} policies (catalog ${catalog.version})\n`);
      } else throw new InputError(`--format: unknown format "${opts.format}" (text or json)`);
    });

  policies
    .command('validate')
    .description('Validate policy files against the schema and the model (exit 2 naming the file and JSON pointer)')
    .argument('[dir]', 'policy folder (default: the core catalog)')
    .action((dir?: string) => {
      const catalog = loadCatalog(dir ? [resolve(dir)] : []);
      const n = dir ? catalog.policies.filter((p) => !p.file?.startsWith('policies/')).length : catalog.policies.length;
      process.stdout.write(`${n} policies valid\n`);
    });

  policies
    .command('new')
    .description('Scaffold a policy: the policy file with TODOs, pass and fail fixtures per source, and for the core catalog its FERPA control and a reference-stack mutation stub')
    .argument('<id>', 'policy id, e.g. aws-rds-cluster-copy-tags-to-snapshot')
    .requiredOption('--kind <kind>', 'model kind the policy judges (checks/model/kinds), e.g. aws.rds.cluster')
    .option('--sources <list>', 'sources it applies to', 'hcl,plan,live')
    .option('--control <ids>', 'FERPA control id(s) to map it to, comma-separated (core catalog)')
    .option('--severity <severity>', SEVERITIES.join(' | '))
    .option('--category <category>', CATEGORIES.join(' | '))
    .option('--assert <attribute=value>', 'a boolean attribute and its compliant value: writes the rule and, where the adapters confirm the names, complete fixtures')
    .option('--dir <folder>', 'a policy folder of your own (no framework or mutation parts)')
    .action((id: string, opts) => {
      const layout = opts.dir ? userLayout(resolve(opts.dir)) : coreLayout();
      const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean));
      const result = scaffoldPolicy({ id, kind: opts.kind, sources: list(opts.sources), controls: list(opts.control), severity: opts.severity, category: opts.category, assert: opts.assert }, layout);
      for (const f of result.created) process.stdout.write(`created ${f}\n`);
      for (const f of result.edited) process.stdout.write(`edited  ${f}\n`);
      for (const n of result.notes) process.stdout.write(`note: ${n}\n`);
      const dirArg = opts.dir ? ` ${opts.dir}` : '';
      process.stdout.write(`next: replace every TODO, then \`ferpa-ready policies test${dirArg} --policy ${id}\`${result.mutation ? ` and \`npm run mutate -- --only ${result.mutation}\`` : ''} (docs/conventions.md, "Adding a policy")\n`);
    });

  policies
    .command('test')
    .description('Run every policy\'s pass and fail fixtures (<dir>/fixtures/<policy-id>/{pass,fail}/main.tf|plan.json|plan.yaml|live.json|live.yaml) and, for the core catalog, check its control mapping and mutation')
    .argument('[dir]', 'policy folder (default: the core catalog)')
    .option('--policy <id>', 'only this policy')
    .action(async (dir: string | undefined, opts) => {
      const extra = dir ? [resolve(dir)] : [];
      const catalog = loadCatalog(extra);
      const config = loadConfig(undefined);
      const fixturesRoot = dir ? join(resolve(dir), 'fixtures') : join(CORE_POLICY_DIR, '..', 'fixtures');
      if (!existsSync(fixturesRoot)) {
        throw new InputError(
          dir
            ? `no fixtures folder at ${fixturesRoot} (put each policy's cases in fixtures/<policy-id>/{pass,fail}/)`
            : `no fixtures folder at ${fixturesRoot}: the core catalog's fixtures ship with the source repository, not the npm package; give a policy folder that has fixtures/`,
        );
      }
      const selected = catalog.policies.filter((p) => (opts.policy ? p.id === opts.policy : dir ? !p.file?.startsWith('policies/') || resolve(dir) === CORE_POLICY_DIR : true));
      if (opts.policy && !selected.length) throw new InputError(`--policy: no policy "${opts.policy}"`);
      let passed = 0;
      let failed = 0;
      const mutations = packagePath('reference-stack/mutations.yaml');
      for (const p of selected) {
        for (const r of await runPolicyFixtures(p, fixturesRoot, config, catalog)) {
          if (r.ok) passed++;
          else {
            failed++;
            process.stdout.write(`FAIL ${r.policy} [${r.source} ${r.expectation}] ${r.problems.join('; ')}\n`);
          }
        }
        if (!p.file?.startsWith('policies/')) continue;
        // A core policy is mapped to a FERPA control and proven by a mutation of the reference stack.
        const problems = [...(p.controls?.length ? [] : ['mapped to no FERPA control (policies/frameworks/ferpa.yaml)']), ...(existsSync(mutations) ? mutationProblems(p.id, mutations) : [])];
        for (const problem of problems) process.stdout.write(`FAIL ${p.id} [catalog] ${problem}\n`);
        if (problems.length) failed++;
        else passed++;
      }
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
      setExit(failed ? 1 : 0);
    });
}
