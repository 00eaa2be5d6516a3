/**
 * Compact plan fixtures (`plan.yaml`): the resources and values that matter to a policy, expanded into
 * the `terraform show -json` document Terraform writes for them (format 1.2): planned_values with child
 * modules, resource_changes with before/after and their unknown and sensitive marks, the configuration
 * with provider configs, expressions and references (across modules through synthesised variables and
 * outputs, as Terraform records them), prior_state for existing objects and data sources read while
 * planning, variables and outputs. The format is described in docs/conventions.md (Authoring).
 */
import { InputError } from '../errors.js';
import { maxOf } from '../util/push-all.js';
import { modulePathText, parseAddress, stepText, type ModuleFrame, type Step } from '../sources/plan/address.js';
import { checkCompact, isPlainObject, readCompactFile } from './compact-file.js';

type Obj = Record<string, unknown>;

export interface CompactResource {
  address: string;
  type?: string;
  module?: string;
  provider?: string;
  action?: 'create' | 'update' | 'no-op' | 'delete' | 'replace' | 'read';
  values?: Obj;
  defaults?: Obj;
  before?: Obj;
  unknown?: string[];
  sensitive?: string[];
  references?: Record<string, string[]>;
}

export interface CompactPlan {
  terraform_version?: string;
  providers?: Record<string, { region?: string; region_var?: string; version_constraint?: string }>;
  variables?: Obj;
  outputs?: Record<string, { value?: unknown; sensitive?: boolean; unknown?: boolean; references?: string[] }>;
  resources: CompactResource[];
}

export const PLAN_FIXTURE_SCHEMA = 'plan-fixture.schema.json';
const TERRAFORM_VERSION = '1.9.8';
const TIMESTAMP = '2026-01-01T00:00:00Z';
const REGISTRY = 'registry.terraform.io/hashicorp/';
/** References whose first step never names a resource: passed through as written. */
const NOT_RESOURCES = new Set(['var', 'local', 'count', 'each', 'path', 'terraform', 'self']);

/** One resource instance, resolved from its compact entry. */
interface Instance {
  src: CompactResource;
  pointer: string;
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  frames: ModuleFrame[];
  providerKey: string;
  actions: string[] | null;
  after: Obj | null;
  before: Obj | null;
  afterUnknown: Obj;
  sensitive: Obj;
  /** Where it is listed: planned (planned_values + resource_changes), prior (prior_state only), or both. */
  planned: boolean;
  prior: boolean;
  changed: boolean;
}

/** A module of the configuration tree (no instance keys). */
interface ConfigNode {
  calls: string[];
  resources: Obj[];
  seen: Set<string>;
  children: Map<string, ConfigNode>;
  variables: Obj;
  outputs: Obj;
  /** Expressions the parent passes to this module's call. */
  callExpressions: Obj;
  keys: Set<string>;
}

/** Read `plan.yaml` and expand it into a plan document. */
export function readPlanFixture(file: string, display = file): Obj {
  return expandCompactPlan(readCompactFile(file, PLAN_FIXTURE_SCHEMA, display), display);
}

/** Expand a parsed compact plan (checked against its schema here) into a `terraform show -json` document. */
export function expandCompactPlan(input: unknown, display: string): Obj {
  const doc = checkCompact(input, PLAN_FIXTURE_SCHEMA, display) as CompactPlan;
  const fail = (pointer: string, message: string): never => {
    throw new InputError(`${pointer}: ${message}`, display);
  };
  const tfVersion = doc.terraform_version ?? TERRAFORM_VERSION;
  const providers = doc.providers ?? { aws: { region: 'us-east-1' } };
  const instances = doc.resources.map((r, i) => instanceOf(r, `/resources/${i}`, providers, fail));
  const byAddress = new Set<string>();
  for (const inst of instances) {
    if (byAddress.has(inst.address)) fail(inst.pointer, `duplicate address ${inst.address}`);
    byAddress.add(inst.address);
  }

  const root = configNode([]);
  for (const inst of instances) addConfig(root, inst, fail);

  const out: Obj = { format_version: '1.2', terraform_version: tfVersion };
  if (doc.variables && Object.keys(doc.variables).length) {
    out.variables = Object.fromEntries(Object.entries(doc.variables).map(([k, value]) => [k, { value }]));
    for (const k of Object.keys(doc.variables)) root.variables[k] = {};
  }
  const planned: Obj = { root_module: moduleTree(instances.filter((i) => i.planned), (i) => plannedResource(i)) };
  const outputs = doc.outputs ?? {};
  if (Object.keys(outputs).length) {
    planned.outputs = Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.unknown ? { sensitive: o.sensitive ?? false } : { sensitive: o.sensitive ?? false, value: o.value ?? null }]));
  }
  out.planned_values = planned;
  out.resource_changes = instances.filter((i) => i.changed).map(resourceChange);
  if (Object.keys(outputs).length) {
    out.output_changes = Object.fromEntries(
      Object.entries(outputs).map(([k, o]) => [
        k,
        { actions: ['create'], before: null, ...(o.unknown ? {} : { after: o.value ?? null }), after_unknown: o.unknown === true, before_sensitive: false, after_sensitive: o.sensitive === true },
      ]),
    );
    for (const [k, o] of Object.entries(outputs)) {
      const expression = o.references ? { references: resolveReference(root, o.references, fail, `/outputs/${k}/references`) } : o.unknown || o.sensitive ? {} : { constant_value: o.value ?? null };
      root.outputs[k] = o.sensitive ? { sensitive: true, expression } : { expression };
    }
  }
  const prior = instances.filter((i) => i.prior);
  if (prior.length) {
    out.prior_state = { format_version: '1.0', terraform_version: tfVersion, values: { root_module: moduleTree(prior, priorResource) } };
  }
  out.configuration = { provider_config: providerConfig(providers, instances), root_module: configModule(root) };
  out.timestamp = TIMESTAMP;
  out.complete = true;
  return out;
}

// ------------------------------------------------------------------------------------------------ instances

function instanceOf(r: CompactResource, pointer: string, providers: NonNullable<CompactPlan['providers']>, fail: (p: string, m: string) => never): Instance {
  const parsed = parseAddress(r.address);
  const rest = parsed.rest;
  const mode = rest[0]?.name === 'data' && rest[0].key === undefined ? 'data' : 'managed';
  const tail = mode === 'data' ? rest.slice(1) : rest;
  if (tail.length !== 2 || tail[0]!.key !== undefined) fail(`${pointer}/address`, `"${r.address}" is not a resource address (type.name, optionally [index] and module path)`);
  const type = tail[0]!.name;
  const name = tail[1]!.name;
  if (r.type !== undefined && r.type !== type) fail(`${pointer}/type`, `"${r.type}" differs from the type in the address (${type})`);
  const modulePath = modulePathText(parsed.modules);
  if (r.module !== undefined && r.module !== modulePath) fail(`${pointer}/module`, `"${r.module}" differs from the module path in the address (${modulePath || 'root'})`);
  const prefix = type.split('_')[0]!;
  const providerKey = r.provider ?? prefix;
  if (r.provider !== undefined && !(r.provider in providers)) fail(`${pointer}/provider`, `no provider "${r.provider}" under providers`);
  const action = r.action ?? (mode === 'data' ? 'read' : 'create');
  if (mode === 'data' && action !== 'read') fail(`${pointer}/action`, 'a data source is only read');
  if (mode === 'managed' && action === 'read') fail(`${pointer}/action`, '"read" is for data sources');

  const values = r.values ?? {};
  const defaults = r.defaults ?? {};
  for (const k of Object.keys(defaults)) if (k in values) fail(`${pointer}/defaults/${k}`, 'also under values: a value is either written in the configuration or a default');
  const after: Obj = { ...defaults, ...values };
  addTagsAll(after, type, values, defaults, r.unknown ?? []);

  const unknownPaths = [...(r.unknown ?? [])];
  for (const [path] of Object.entries(r.references ?? {})) {
    if (valueAt(after, path) === undefined) unknownPaths.push(path);
  }
  const afterUnknown: Obj = {};
  for (const p of unknownPaths) {
    if (r.unknown?.includes(p) && valueAt(after, p) !== undefined) fail(`${pointer}/unknown`, `"${p}" is unknown but also has a value`);
    setMark(afterUnknown, indexedPath(after, p));
  }
  const sensitive: Obj = {};
  for (const p of r.sensitive ?? []) setMark(sensitive, indexedPath(after, p));

  const index = indexOf(tail[1]!);
  const deferredRead = mode === 'data' && (unknownPaths.length > 0 || r.action === 'read');
  const inst: Instance = {
    src: r,
    pointer,
    address: r.address,
    mode,
    type,
    name,
    ...(index !== undefined ? { index } : {}),
    frames: parsed.modules,
    providerKey,
    actions: null,
    after,
    before: null,
    afterUnknown,
    sensitive,
    planned: true,
    prior: false,
    changed: true,
  };
  if (mode === 'data') {
    inst.planned = deferredRead;
    inst.changed = deferredRead;
    inst.prior = !deferredRead;
    inst.actions = deferredRead ? ['read'] : null;
    return inst;
  }
  const prior: Obj = r.before ?? knownOnly(after, afterUnknown);
  switch (action) {
    case 'create':
      inst.actions = ['create'];
      break;
    case 'update':
      inst.actions = ['update'];
      inst.before = prior;
      inst.prior = true;
      break;
    case 'no-op':
      inst.actions = ['no-op'];
      inst.before = prior;
      inst.prior = true;
      break;
    case 'replace':
      inst.actions = ['delete', 'create'];
      inst.before = prior;
      inst.prior = true;
      break;
    case 'delete':
      inst.actions = ['delete'];
      inst.before = prior;
      inst.after = null;
      inst.planned = false;
      inst.prior = true;
      break;
  }
  if (r.before && !inst.before) fail(`${pointer}/before`, `a resource with action "${action}" has no prior values`);
  return inst;
}

/** AWS resources show `tags_all` beside `tags` (the same tags when the provider sets no default tags). */
function addTagsAll(after: Obj, type: string, values: Obj, defaults: Obj, unknown: string[]): void {
  if (!type.startsWith('aws_') || 'tags_all' in values || 'tags_all' in defaults || unknown.includes('tags_all')) return;
  if (isPlainObject(values.tags)) after.tags_all = { ...values.tags };
}

function indexOf(step: Step): string | number | undefined {
  if (step.key === undefined) return undefined;
  const inner = step.key.slice(1, -1);
  if (/^\d+$/.test(inner)) return Number(inner);
  try {
    return JSON.parse(inner) as string;
  } catch {
    return inner;
  }
}

/** The values without the unknown ones (what the state holds before an update). */
function knownOnly(after: Obj, unknown: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(after)) if (unknown[k] !== true) out[k] = v;
  return out;
}

// ------------------------------------------------------------------------------------------------ paths and marks

/** The value at a dotted path (`rule.0.id`); a step that is not a number goes into the first element of a list. */
function valueAt(value: unknown, path: string): unknown {
  let cur = value;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : (cur[0] as Obj | undefined)?.[seg];
    else if (isPlainObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** A dotted path with list indices made explicit where the values hold a list (`rule.id` -> rule, 0, id). */
function indexedPath(value: unknown, path: string): Array<string | number> {
  const out: Array<string | number> = [];
  let cur = value;
  for (const seg of path.split('.')) {
    if (/^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = Array.isArray(cur) ? cur[Number(seg)] : undefined;
      continue;
    }
    if (Array.isArray(cur)) {
      out.push(0);
      cur = cur[0];
    }
    out.push(seg);
    cur = isPlainObject(cur) ? cur[seg] : undefined;
  }
  return out;
}

/** Set `true` at a path of a mark tree (`after_unknown`, `after_sensitive`), creating lists and objects on the way. */
function setMark(tree: Obj, path: Array<string | number>): void {
  let cur: Obj | unknown[] = tree;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const next = path[i + 1];
    const container = (): Obj | unknown[] => (typeof next === 'number' ? [] : {});
    if (Array.isArray(cur)) {
      const n = seg as number;
      while (cur.length < n) cur.push(false);
      if (last) cur[n] = true;
      else {
        if (typeof cur[n] !== 'object' || cur[n] === null) cur[n] = container();
        cur = cur[n] as Obj | unknown[];
      }
    } else {
      const k = String(seg);
      if (last) cur[k] = true;
      else {
        if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = container();
        cur = cur[k] as Obj | unknown[];
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------ planned values, changes, state

function plannedResource(i: Instance): Obj {
  return {
    address: i.address,
    mode: i.mode,
    type: i.type,
    name: i.name,
    ...(i.index !== undefined ? { index: i.index } : {}),
    provider_name: REGISTRY + i.type.split('_')[0],
    schema_version: 0,
    values: i.after ?? {},
    sensitive_values: i.sensitive,
  };
}

function priorResource(i: Instance): Obj {
  const values = i.mode === 'data' ? (i.after ?? {}) : (i.before ?? {});
  return { ...plannedResource(i), values, sensitive_values: i.sensitive };
}

function resourceChange(i: Instance): Obj {
  const modulePath = modulePathText(i.frames);
  return {
    address: i.address,
    ...(modulePath ? { module_address: modulePath } : {}),
    mode: i.mode,
    type: i.type,
    name: i.name,
    ...(i.index !== undefined ? { index: i.index } : {}),
    provider_name: REGISTRY + i.type.split('_')[0],
    change: {
      actions: i.actions,
      before: i.before,
      after: i.after,
      after_unknown: i.after ? i.afterUnknown : {},
      before_sensitive: i.before ? i.sensitive : false,
      after_sensitive: i.after ? i.sensitive : false,
    },
  };
}

/** planned_values / prior_state module tree: resources by module instance, child modules nested. */
function moduleTree(list: Instance[], render: (i: Instance) => Obj): Obj {
  interface Mod {
    address: string;
    resources: Obj[];
    children: Map<string, Mod>;
  }
  const root: Mod = { address: '', resources: [], children: new Map() };
  for (const inst of list) {
    let mod = root;
    for (let d = 0; d < inst.frames.length; d++) {
      const address = modulePathText(inst.frames.slice(0, d + 1));
      let child = mod.children.get(address);
      if (!child) mod.children.set(address, (child = { address, resources: [], children: new Map() }));
      mod = child;
    }
    mod.resources.push(render(inst));
  }
  const emit = (m: Mod): Obj => {
    const out: Obj = {};
    if (m.resources.length) out.resources = m.resources;
    if (m.address) out.address = m.address;
    if (m.children.size) out.child_modules = [...m.children.values()].map(emit);
    return out;
  };
  return emit(root);
}

// ------------------------------------------------------------------------------------------------ configuration

const parents = new WeakMap<ConfigNode, ConfigNode>();

function configNode(calls: string[]): ConfigNode {
  return { calls, resources: [], seen: new Set(), children: new Map(), variables: {}, outputs: {}, callExpressions: {}, keys: new Set() };
}

function nodeFor(root: ConfigNode, frames: ModuleFrame[]): ConfigNode {
  let node = root;
  for (const f of frames) {
    let child = node.children.get(f.call);
    if (!child) {
      node.children.set(f.call, (child = configNode([...node.calls, f.call])));
      parents.set(child, node);
    }
    if (f.key !== undefined) child.keys.add(f.key);
    node = child;
  }
  return node;
}

/** The configuration block of a resource (once per block: instances of one block share it). */
function addConfig(root: ConfigNode, inst: Instance, fail: (p: string, m: string) => never): void {
  const node = nodeFor(root, inst.frames);
  const local = `${inst.mode === 'data' ? 'data.' : ''}${inst.type}.${inst.name}`;
  const existing = node.resources.find((r) => r.address === local);
  if (existing) {
    if (inst.index !== undefined) countInstances(existing, inst.index);
    return;
  }
  const values = inst.src.values ?? {};
  const sensitive = new Set((inst.src.sensitive ?? []).map((p) => p.replace(/\.\d+(?=\.|$)/g, '')));
  const expressions = blockExpressions(values, '', sensitive);
  for (const [path, refs] of Object.entries(inst.src.references ?? {})) {
    const resolved = resolveReference(node, refs, fail, `${inst.pointer}/references/${path}`);
    placeExpression(expressions, path, { references: resolved }, () => fail(`${inst.pointer}/references/${path}`, 'runs through a value that is not a nested block'));
  }
  const block: Obj = { address: local, mode: inst.mode, type: inst.type, name: inst.name, provider_config_key: inst.providerKey, expressions, schema_version: 0 };
  if (inst.index !== undefined) countInstances(block, inst.index);
  node.resources.push(block);
}

/** `count` (numeric keys) or `for_each` (string keys) of a resource block, from its instances. */
function countInstances(block: Obj, index: string | number): void {
  if (typeof index === 'number') {
    const n = (block.count_expression as { constant_value?: number } | undefined)?.constant_value ?? 0;
    block.count_expression = { constant_value: Math.max(n, index + 1) };
  } else {
    const keys = ((block.for_each_expression as { constant_value?: Obj } | undefined)?.constant_value ?? {}) as Obj;
    block.for_each_expression = { constant_value: { ...keys, [index]: index } };
  }
}

/** Expressions of a block: nested blocks (lists of objects) are walked, everything else is a constant. */
function blockExpressions(values: Obj, prefix: string, sensitive: Set<string>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (sensitive.has(path)) out[k] = {};
    else if (Array.isArray(v) && v.length > 0 && v.every(isPlainObject)) out[k] = v.map((el) => blockExpressions(el as Obj, path, sensitive));
    else out[k] = { constant_value: v };
  }
  return out;
}

/** Put an expression at a dotted attribute path, into the first (or numbered) nested block on the way. */
function placeExpression(expressions: Obj, path: string, expr: Obj, bad: () => never): void {
  const segs = path.split('.');
  let cur: Obj = expressions;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    if (/^\d+$/.test(seg)) continue;
    let next = cur[seg];
    if (next === undefined) cur[seg] = next = [{}];
    if (!Array.isArray(next)) bad();
    const idx = /^\d+$/.test(segs[i + 1] ?? '') ? Number(segs[i + 1]) : 0;
    const list = next as Obj[];
    while (list.length <= idx) list.push({});
    cur = list[idx]!;
  }
  cur[segs[segs.length - 1]!] = expr;
}

/**
 * A reference as Terraform records it in the expression of module `node`: the traversal and its
 * resource (`aws_kms_key.rds.arn`, `aws_kms_key.rds`). A resource in another module is reached as
 * Terraform would: an output of a child module, or a variable the parent passes in.
 */
function resolveReference(node: ConfigNode, refs: string[], fail: (p: string, m: string) => never, pointer: string): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const parsed = parseAddress(ref);
    const head = parsed.rest[0];
    if (!head) fail(pointer, `"${ref}" is not a reference`);
    if (!parsed.modules.length && NOT_RESOURCES.has(head!.name)) {
      out.push(ref);
      continue;
    }
    const dataOffset = head!.name === 'data' ? 1 : 0;
    if (parsed.rest.length < 2 + dataOffset) fail(pointer, `"${ref}" names no resource (type.name)`);
    for (const r of reach(node, parsed.modules, parsed.rest, dataOffset)) if (!out.includes(r)) out.push(r);
  }
  return out;
}

function reach(node: ConfigNode, target: ModuleFrame[], rest: Step[], dataOffset: number): string[] {
  const depth = node.calls.length;
  const under = node.calls.every((c, i) => target[i]?.call === c);
  if (under && target.length === depth) {
    // Terraform lists the traversal, then the resource instance, then the resource.
    const resourceSteps = rest.slice(0, 2 + dataOffset);
    const full = rest.map(stepText).join('.');
    const instance = resourceSteps.map(stepText).join('.');
    const bare = resourceSteps.map((s) => s.name).join('.');
    return [...new Set([full, instance, bare])];
  }
  // Named after what it reaches, below the module that declares it (the same name for every instance).
  const below = under ? target.slice(depth + 1) : target;
  const name = `ref_${[...below.map((f) => `${f.call}${f.key ?? ''}`), ...rest.map(stepText)].join('_').replace(/[^A-Za-z0-9_]+/g, '_')}`;
  if (under) {
    const frame = target[depth]!;
    const child = node.children.get(frame.call) ?? nodeFor(node, [{ call: frame.call }]);
    child.outputs[name] = { expression: { references: reach(child, target, rest, dataOffset) } };
    const call = `module.${frame.call}${frame.key ?? ''}`;
    return [`${call}.${name}`, call];
  }
  // Not below this module: the parent passes it in as a variable.
  const parent = parents.get(node)!;
  node.variables[name] = {};
  node.callExpressions[name] = { references: reach(parent, target, rest, dataOffset) };
  return [`var.${name}`];
}

function configModule(node: ConfigNode): Obj {
  const out: Obj = {};
  if (Object.keys(node.outputs).length) out.outputs = node.outputs;
  if (node.resources.length) out.resources = node.resources;
  if (node.children.size) {
    out.module_calls = Object.fromEntries(
      [...node.children.entries()].map(([call, child]) => {
        const entry: Obj = { source: `./modules/${call}` };
        if (Object.keys(child.callExpressions).length) entry.expressions = child.callExpressions;
        entry.module = configModule(child);
        const keys = [...child.keys].map((k) => k.slice(1, -1));
        if (keys.length && keys.every((k) => /^\d+$/.test(k))) entry.count_expression = { constant_value: maxOf(keys.map(Number)) + 1 };
        else if (keys.length) entry.for_each_expression = { constant_value: Object.fromEntries(keys.map((k) => [JSON.parse(k), JSON.parse(k)])) };
        return [call, entry];
      }),
    );
  }
  if (Object.keys(node.variables).length) out.variables = node.variables;
  return out;
}

function providerConfig(providers: NonNullable<CompactPlan['providers']>, instances: Instance[]): Obj {
  const out: Obj = {};
  for (const [key, p] of Object.entries(providers)) {
    const [name, alias] = key.split('.') as [string, string | undefined];
    const expressions: Obj = {};
    if (p.region !== undefined) expressions.region = { constant_value: p.region };
    else if (p.region_var !== undefined) expressions.region = { references: [`var.${p.region_var}`] };
    out[key] = {
      name,
      full_name: REGISTRY + name,
      ...(alias ? { alias } : {}),
      ...(p.version_constraint ? { version_constraint: p.version_constraint } : {}),
      ...(Object.keys(expressions).length ? { expressions } : {}),
    };
  }
  for (const i of instances) {
    if (!(i.providerKey in out)) out[i.providerKey] = { name: i.providerKey, full_name: REGISTRY + i.providerKey };
  }
  return out;
}
