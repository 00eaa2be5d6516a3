import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { packagePath } from '../util/package-root.js';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { KINDS } from '../model/kinds/index.js';
import type { KindSpec, LinkSpec } from '../model/kinds/spec.js';
import type { Cond, Policy } from './policy.js';
import { compileSchema, describeAjvError, schemaValidator } from '../util/schemas.js';
import { PACKAGE_FILE, readInputText } from '../util/input-file.js';
import { valueNestingProblem } from '../util/json-depth.js';
import { walkFiles } from '../util/tree.js';
import { codeCheckNamed, type CodeCheck, type CodeChecks } from './code-check.js';
import { readCoreCache, type CoreCatalog } from './catalog-cache.js';
import { indexDataStores, loadDataStoreEntries, type DataStores } from './data-stores.js';
import { findPlaceholder } from './placeholders.js';
import { DEFAULT_FRAMEWORK, loadFrameworks, type Framework } from './frameworks.js';

export type { Framework, FrameworkControl } from './frameworks.js';
import { yamlReason } from './config.js';

export const CORE_POLICY_DIR = packagePath('policies');
const POLICY_FILE = /\.policy\.(ya?ml|json)$/;

export interface Catalog {
  policies: Policy[];
  byId: Map<string, Policy>;
  /** The FERPA framework (the default; what `controls` of findings name). */
  framework: Framework;
  /** Every framework of policies/frameworks by id, FERPA included. */
  frameworks: Map<string, Framework>;
  version: string;
  /** Resource types that can hold or carry student records (policies/data-stores.yaml). */
  dataStores: DataStores;
  /** The code checks the policies may name (checks/rules/table.ts, handed in by checks/pipeline/catalog.ts). */
  checks: CodeChecks;
}

function readStructured(file: string): unknown {
  const core = file.startsWith(CORE_POLICY_DIR + sep);
  const text = readInputText(file, file, 'a policy file', core ? PACKAGE_FILE : undefined);
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(`not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${yamlReason(e)}`, file);
  }
  // the schema validator and the condition checks recurse: refuse absurd nesting first
  const deep = valueNestingProblem(data);
  if (deep) throw new InputError(deep, file);
  return data;
}

/**
 * The policy files of a folder and its subfolders. Links to folders are not followed (no loops, no
 * leaving the folder); a policy file that cannot be read as a file (a broken link) is an error, since
 * a policy skipped silently is a check that silently never runs.
 */
function policyFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('policy folder not found', dir);
  const { files, skipped } = walkFiles(dir, { match: (name) => POLICY_FILE.test(name), skipDir: (name) => name === 'node_modules' });
  if (skipped.length) throw new InputError(skipped[0]!.reason, skipped[0]!.path);
  return files;
}

/**
 * Load and validate one policy file against the model and the code checks it may name; every problem
 * is an InputError naming the file and JSON pointer.
 */
export function loadPolicyFile(file: string, checks: CodeChecks, displayRoot = process.cwd()): Policy {
  const shown = relative(displayRoot, file) || file;
  const data = readStructured(file);
  const todo = findPlaceholder(data);
  if (todo !== undefined) throw new InputError(`${todo}: still a TODO placeholder (written by \`policies new\`); write the real value`, shown);
  const validate = schemaValidator('policies/schema/policy.schema.json');
  if (!validate(data)) throw new InputError(describeAjvError(validate.errors), shown);
  const policy = data as Policy;
  const expected = basename(file).replace(POLICY_FILE, '');
  if (policy.id !== expected) throw new InputError(`/id: "${policy.id}" must equal the file name "${expected}"`, shown);
  const kind = KINDS[policy.resource];
  if (!kind) throw new InputError(`/resource: unknown model kind "${policy.resource}"`, shown);
  checkCond(policy.rule.assert, policy.resource, '/rule/assert', shown, checks);
  if (policy.where) checkCond(policy.where, policy.resource, '/where', shown, checks);
  return { ...policy, file: shown };
}

/** Static checks the schema cannot do: paths name real attributes or links, code checks exist and get valid options. */
function checkCond(cond: Cond, kind: string | null, pointer: string, file: string, checks: CodeChecks): void {
  if ('all' in cond) return cond.all.forEach((c, i) => checkCond(c, kind, `${pointer}/all/${i}`, file, checks));
  if ('any' in cond) return cond.any.forEach((c, i) => checkCond(c, kind, `${pointer}/any/${i}`, file, checks));
  if ('not' in cond) return checkCond(cond.not, kind, `${pointer}/not`, file, checks);
  if ('check' in cond) {
    const check = codeCheckNamed(checks, cond.check);
    if (!check) throw new InputError(`${pointer}/check: unknown code check "${cond.check}"`, file);
    if (check.optionsSchema) {
      const v = compileSchema(check.optionsSchema);
      if (!v(cond.options ?? {})) throw new InputError(`${pointer}/options${describeAjvError(v.errors).replace(/^\//, '/').replace(/^\/: /, ': ')}`, file);
    }
    if (kind) checkCodeCheckUse(check, cond.options ?? {}, kind, pointer, file);
    return;
  }
  if ('every' in cond || 'some' in cond || 'none' in cond) {
    const path = 'every' in cond ? cond.every : 'some' in cond ? cond.some : cond.none;
    const key = 'every' in cond ? 'every' : 'some' in cond ? 'some' : 'none';
    const inner = kind ? checkPath(path, kind, `${pointer}/${key}`, file) : null;
    if (cond.where) checkCond(cond.where, inner, `${pointer}/where`, file, checks);
    if (cond.assert) checkCond(cond.assert, inner, `${pointer}/assert`, file, checks);
    return;
  }
  if (kind) checkPath(cond.path, kind, `${pointer}/path`, file);
  for (const op of ['matches', 'notMatches'] as const) {
    const pattern = cond[op];
    if (typeof pattern !== 'string') continue;
    try {
      new RegExp(pattern).test(''); // as the evaluator builds it (no flags); V8 reports some errors only on first use
    } catch (e) {
      throw new InputError(`${pointer}/${op}: not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`, file);
    }
  }
}

/** A code check judges the policy's kind, and the attributes, links and kinds its options name exist. */
function checkCodeCheckUse(check: CodeCheck, options: Record<string, unknown>, kind: string, pointer: string, file: string): void {
  if (!(check.kinds as readonly string[]).includes(kind)) {
    throw new InputError(`${pointer}/check: code check "${check.name}" does not judge ${kind} (it judges ${check.kinds.join(', ')})`, file);
  }
  const spec = KINDS[kind]!;
  for (const [option, ref] of Object.entries(check.optionRefs ?? {})) {
    const value = options[option];
    if (value === undefined) continue;
    const names = Array.isArray(value) ? value : [value];
    names.forEach((name, i) => {
      const at = `${pointer}/options/${option}${Array.isArray(value) ? `/${i}` : ''}`;
      if (typeof name !== 'string') return;
      if ((ref === 'attr' || ref === 'attrs') && !Object.hasOwn(spec.attrs, name)) throw new InputError(`${at}: "${name}" is not an attribute of ${kind}`, file);
      if (ref === 'kinds' && !KINDS[name]) throw new InputError(`${at}: unknown model kind "${name}"`, file);
      if (typeof ref === 'object') {
        const link = Object.hasOwn(spec.links, name) ? spec.links[name] : undefined;
        if (!link) throw new InputError(`${at}: "${name}" is not a link of ${kind}`, file);
        if (link.kinds.some((k) => k !== ref.link)) throw new InputError(`${at}: link "${name}" of ${kind} points at ${link.kinds.join(', ')}, not only ${ref.link}`, file);
      }
    });
  }
}

/** Checks a path's link hops and first attribute; returns the kind the path ends in when it ends on a link. */
function checkPath(path: string, kind: string, pointer: string, file: string): string | null {
  let current: string | null = kind;
  for (const seg of path.split('.')) {
    if (!current) return null;
    const spec: KindSpec | undefined = KINDS[current];
    if (!spec) return null;
    if (seg in spec.attrs) return null;
    const link: LinkSpec | undefined = spec.links[seg];
    if (!link) throw new InputError(`${pointer}: "${seg}" is neither an attribute nor a link of ${current}`, file);
    current = link.kinds.length === 1 ? link.kinds[0]! : null;
  }
  return current;
}

export function loadFramework(dir = CORE_POLICY_DIR): Framework {
  const ferpa = loadFrameworks(dir).find((f) => f.framework === DEFAULT_FRAMEWORK);
  if (!ferpa) throw new InputError(`no ${DEFAULT_FRAMEWORK} framework`, join(dir, 'frameworks'));
  return ferpa;
}

/** The framework and core policies, read and validated from policies/ (no cache). */
export function loadCoreCatalog(checks: CodeChecks): CoreCatalog {
  const frameworks = loadFrameworks(CORE_POLICY_DIR);
  const framework = frameworks.find((f) => f.framework === DEFAULT_FRAMEWORK);
  if (!framework) throw new InputError(`no ${DEFAULT_FRAMEWORK} framework`, join(CORE_POLICY_DIR, 'frameworks'));
  return { framework, frameworks, policies: policyFiles(CORE_POLICY_DIR).map((file) => loadPolicyFile(file, checks, join(CORE_POLICY_DIR, '..'))), dataStores: loadDataStoreEntries(CORE_POLICY_DIR) };
}

/**
 * Load the core catalog plus extra policy folders with the code checks they may name; ids must be
 * unique across all of them. Callers outside the engine use checks/pipeline/catalog.ts, which hands in
 * checks/rules/table.ts.
 */
export function loadCatalog(checks: CodeChecks, extraDirs: string[] = []): Catalog {
  // the compiled build keeps the validated core catalog (dist/catalog.json) while policies/ is unchanged
  const core = readCoreCache(CORE_POLICY_DIR) ?? loadCoreCatalog(checks);
  const framework = core.framework;
  const policies: Policy[] = [];
  const byId = new Map<string, Policy>();
  const add = (p: Policy): void => {
    if (byId.has(p.id)) throw new InputError(`/id: duplicate policy id "${p.id}" (also in ${byId.get(p.id)!.file})`, p.file);
    byId.set(p.id, p);
    policies.push(p);
  };
  for (const p of core.policies) add(p);
  for (const dir of extraDirs) for (const file of policyFiles(dir)) add(loadPolicyFile(file, checks, process.cwd()));
  const frameworks = new Map((core.frameworks ?? [framework]).map((f) => [f.framework, f]));
  // One direction: a framework names policies; a policy learns its controls here. A framework may name
  // a policy this catalog does not have (the meta-tests hold the core catalog to every name).
  const byFramework = new Map<string, Map<string, string[]>>();
  for (const fw of frameworks.values()) {
    const controlsByPolicy = new Map<string, string[]>();
    for (const c of fw.controls) {
      for (const pid of c.policies) {
        const list = controlsByPolicy.get(pid) ?? [];
        list.push(c.id);
        controlsByPolicy.set(pid, list);
      }
    }
    byFramework.set(fw.framework, controlsByPolicy);
  }
  for (const p of policies) {
    p.controls = byFramework.get(framework.framework)!.get(p.id) ?? [];
    const all: Record<string, string[]> = {};
    for (const [fid, m] of byFramework) {
      const ids = m.get(p.id);
      if (ids) all[fid] = ids;
    }
    p.frameworkControls = all;
  }
  return { policies, byId, framework, frameworks, version: framework.version, dataStores: indexDataStores(core.dataStores ?? loadDataStoreEntries(CORE_POLICY_DIR)), checks };
}
