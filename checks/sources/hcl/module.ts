import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { InputError } from '../../errors.js';
import { readInputText } from '../../util/input-file.js';
import { SensitiveValue, type Location } from '../../model/value.js';
import type { TfRecord, TfSourceResult } from '../terraform/record.js';
import type { ModuleCall, ModuleConfig, ResourceBlock } from './config.js';
import { evalNode, renderTemplateParts, type Env, type Host, type Resolved, type Step } from './evaluate.js';
import { parseTemplate } from './expr.js';
import { renderPolicyDocument } from './policydoc.js';
import { evalBody, evalMeta, type BodyResult } from './records.js';
import { constValue, convertToType, evalRaw, typeText } from './variables.js';
import { EvalError, LazyObject, UNKNOWN, entries, exported, isLazy, isObj, isSensitive, isUnknown, memberRefs, setMemberRefs, toSet, type Value } from './values.js';

export interface Suppression {
  policy: string;
  address: string;
  reason?: string;
  owner?: string;
  expires?: string;
  file: string;
  line: number;
}

/** State shared by every module instance of one root module evaluation. */
export interface EvalContext {
  configs: Map<string, ModuleConfig>;
  rootDir: string;
  /** module key path (`db.sub`) -> directory, from `.terraform/modules/modules.json`. */
  installed: Map<string, string>;
  notes: string[];
  /** Module addresses whose source could not be read. */
  /** Module calls whose source could not be read (their addresses are the result's opaqueModules). */
  unreadModules: NonNullable<TfSourceResult['unreadModules']>;
  records: TfRecord[];
  /** Provider blocks (mode `provider`), apart from the resource records. */
  providers: TfRecord[];
  suppressions: Suppression[];
  /** Lazy evaluations in progress, for cycle detection and depth bounds. */
  stack: Array<{ label: string; resource: boolean }>;
  allowedDirs: string[];
  files: Map<string, string | undefined>;
  /**
   * `terraform.workspace`: TF_WORKSPACE, else the workspace `terraform workspace select` recorded; undefined when
   * neither says, and then it is unknown (a note says so once it is read).
   */
  workspace: { name?: string; noted: boolean };
}

const MAX_LAZY_DEPTH = 160;

interface Memo {
  state: 'pending' | 'done';
  value: Value;
  refs: Set<string>;
}

interface Instance {
  key?: string | number;
  address: string;
  result: BodyResult;
  obj: LazyObject;
}

interface ResState {
  state: 'pending' | 'done';
  block: ResourceBlock;
  base: string;
  shape: 'single' | 'count' | 'for_each' | 'unknown';
  instances: Instance[];
}

interface ChildState {
  call: ModuleCall;
  dir?: string;
  shape: 'single' | 'count' | 'for_each' | 'unknown' | 'opaque';
  instances: Array<{ key?: string | number; inst: ModuleInstance }>;
}

export function keySuffix(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

/** Resolve a module call's source to a directory (local path, or an installed module), if any. */
export function resolveSource(callerDir: string, source: string | undefined, keyPath: string, installed: Map<string, string>): string | undefined {
  if (source === undefined) return undefined;
  if (isLocalSource(source)) return resolvePath(callerDir, source);
  return installed.get(keyPath);
}

function stripInterp(s: string): string {
  return s.replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1');
}

export class ModuleInstance implements Host {
  private readonly memo = new Map<string, Memo>();
  private readonly resources = new Map<string, ResState>();
  private readonly children = new Map<string, ChildState>();
  private readonly providers = new Map<string, () => Value>();

  constructor(
    readonly ctx: EvalContext,
    readonly cfg: ModuleConfig,
    /** `''` for root, `module.a["x"].module.b` otherwise. */
    readonly path: string,
    /** modules.json key path (`a.b`), '' for root. */
    readonly keyPath: string,
    readonly dirStack: string[],
    private readonly input: (name: string) => { value: Value; refs: Set<string> } | undefined,
    inheritedProviders: Map<string, () => Value>,
  ) {
    for (const [k, v] of inheritedProviders) this.providers.set(k, v);
    for (const p of cfg.providers) {
      const alias = typeof p.body.alias === 'string' ? stripInterp(p.body.alias) : undefined;
      const key = alias ? `${p.name}.${alias}` : p.name;
      let cached: Value | undefined;
      this.providers.set(key, () => (cached ??= this.evalIn(p.body.region ?? null)));
    }
  }

  private env(refs = new Set<string>(), bindings?: Map<string, Value>): Env {
    return { host: this, refs, bindings };
  }

  private evalIn(raw: unknown, refs = new Set<string>()): Value {
    try {
      return evalRaw(raw, this.env(refs));
    } catch (e) {
      if (e instanceof EvalError || e instanceof RangeError) return UNKNOWN;
      throw e;
    }
  }

  private prefix(): string {
    return this.path ? `${this.path}.` : '';
  }

  /** Region per provider config key of this instance (known strings only). */
  regions(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, f] of this.providers) {
      const v = f();
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  }

  // ---- lazy named values with cycle detection ----------------------------------------------
  private lazy(key: string, file: string, resource: boolean, compute: (refs: Set<string>) => Value): { value: Value; refs: Set<string> } {
    const m = this.memo.get(key);
    if (m?.state === 'done') return m;
    const label = this.prefix() + key;
    if (m?.state === 'pending') {
      const i = this.ctx.stack.findIndex((f) => f.label === label);
      const cycle = this.ctx.stack.slice(i < 0 ? 0 : i);
      if (!cycle.some((f) => f.resource)) throw new InputError(`cycle between ${[...cycle.map((f) => f.label), label].join(' -> ')}`, file);
      return { value: UNKNOWN, refs: new Set() };
    }
    if (this.ctx.stack.length > MAX_LAZY_DEPTH) return { value: UNKNOWN, refs: new Set() };
    const memo: Memo = { state: 'pending', value: UNKNOWN, refs: new Set() };
    this.memo.set(key, memo);
    this.ctx.stack.push({ label, resource });
    try {
      memo.value = compute(memo.refs);
    } catch (e) {
      if (!(e instanceof EvalError || e instanceof RangeError)) {
        this.memo.delete(key);
        throw e;
      }
      memo.value = UNKNOWN;
    } finally {
      this.ctx.stack.pop();
    }
    memo.state = 'done';
    return memo;
  }

  variable(name: string): { value: Value; refs: Set<string> } {
    const decl = this.cfg.variables.get(name);
    return this.lazy(`var.${name}`, decl?.file ?? this.cfg.dir, false, (refs) => {
      if (!decl) return UNKNOWN;
      const given = this.input(name);
      let v: Value;
      if (given && given.value !== null) {
        v = given.value;
        for (const r of given.refs) refs.add(r);
      } else v = 'default' in decl.body ? constValue(decl.body.default) : given ? null : UNKNOWN;
      v = convertToType(v, typeText(decl.body));
      const sens = decl.body.sensitive;
      if (sens === true || sens === 'true') return new SensitiveValue(v !== null);
      return v;
    });
  }

  local(name: string): { value: Value; refs: Set<string> } {
    const decl = this.cfg.locals.get(name);
    return this.lazy(`local.${name}`, decl?.file ?? this.cfg.dir, false, (refs) => (decl ? evalRaw(decl.expr, this.env(refs)) : UNKNOWN));
  }

  output(name: string): { value: Value; refs: Set<string> } {
    const decl = this.cfg.outputs.get(name);
    return this.lazy(`output.${name}`, decl?.file ?? this.cfg.dir, false, (refs) => {
      if (!decl) return UNKNOWN;
      const v = evalRaw(decl.body.value ?? null, this.env(refs));
      if (decl.body.sensitive === true && !isUnknown(v)) return new SensitiveValue(v !== null);
      return v;
    });
  }

  private outputsObject(env: Env): LazyObject {
    return new LazyObject(
      undefined,
      (n) => {
        const o = this.output(n);
        for (const r of o.refs) env.refs.add(r);
        return o.value;
      },
      () => [...this.cfg.outputs.keys()],
    );
  }

  // ---- resources -----------------------------------------------------------------------------
  resource(key: string): ResState | undefined {
    const block = this.cfg.resources.get(key);
    if (!block) return undefined;
    let st = this.resources.get(key);
    if (st) return st.state === 'done' ? st : undefined;
    const label = this.prefix() + key;
    if (this.ctx.stack.length > MAX_LAZY_DEPTH) return undefined;
    st = { state: 'pending', block, base: label, shape: 'single', instances: [] };
    this.resources.set(key, st);
    this.ctx.stack.push({ label, resource: true });
    try {
      this.evaluateResource(st);
    } finally {
      this.ctx.stack.pop();
    }
    st.state = 'done';
    return st;
  }

  /**
   * The instances a block expands to (count, for_each, or one), with the bindings each sees. A count
   * or for_each that cannot be evaluated gives one instance of unknown shape, never a guess. `limit`
   * bounds count expansion (resources 10,000, modules 1,000).
   */
  private expandInstances(body: Record<string, unknown>, limit: number): { shape: 'single' | 'count' | 'for_each' | 'unknown'; keys: Array<{ key?: string | number; bindings: Map<string, Value> }> } {
    const keys: Array<{ key?: string | number; bindings: Map<string, Value> }> = [];
    if ('count' in body) {
      const c = evalMeta(body.count, this.env());
      if (typeof c === 'number' && Number.isFinite(c) && c >= 0) {
        for (let i = 0; i < Math.min(c, limit); i++) keys.push({ key: i, bindings: new Map([['count', { index: i }]]) });
        return { shape: 'count', keys };
      }
      return { shape: 'unknown', keys: [{ bindings: new Map<string, Value>([['count', { index: UNKNOWN }]]) }] };
    }
    if ('for_each' in body) {
      const fe = evalMeta(body.for_each, this.env());
      const pairs = forEachPairs(fe);
      if (pairs) {
        for (const [k, v] of pairs) keys.push({ key: k, bindings: new Map([['each', eachObject(fe, k, v)]]) });
        return { shape: 'for_each', keys };
      }
      return { shape: 'unknown', keys: [{ bindings: new Map<string, Value>([['each', { key: UNKNOWN, value: UNKNOWN }]]) }] };
    }
    return { shape: 'single', keys: [{ bindings: new Map() }] };
  }

  private evaluateResource(st: ResState): void {
    const body = st.block.body;
    const { shape, keys } = this.expandInstances(body, 10_000);
    st.shape = shape;
    for (const { key, bindings } of keys) {
      const address = st.base + keySuffix(key);
      bindings.set('self', UNKNOWN);
      const result: BodyResult = { values: {}, references: {}, configured: new Set() };
      result.values = evalBody(body, this.env(new Set(), bindings), result);
      if (st.block.mode === 'data' && st.block.type === 'aws_iam_policy_document') result.values.json = renderPolicyDocument(result.values);
      const values = result.values;
      const obj = new LazyObject(
        address,
        (n) => {
          const v = values[n];
          return v === undefined || v === null ? UNKNOWN : v;
        },
        () => Object.keys(values),
      );
      st.instances.push({ key, address, result, obj });
    }
  }

  private resourceValue(st: ResState): Value {
    if (st.shape === 'single') return st.instances[0]?.obj ?? UNKNOWN;
    if (st.shape === 'count') return st.instances.map((i) => i.obj);
    if (st.shape === 'for_each') {
      const out: Record<string, Value> = {};
      for (const i of st.instances) out[String(i.key)] = i.obj;
      return out;
    }
    return UNKNOWN;
  }

  /** Resolve `<type>.<name>` (or `data.<type>.<name>`) at step offset `at`. */
  private resolveResource(key: string, steps: Step[], at: number, env: Env): Resolved {
    const base = this.prefix() + key;
    const st = this.resource(key);
    if (!st) {
      env.refs.add(base);
      return { value: UNKNOWN, used: steps.length };
    }
    const next = steps[at];
    if (next?.t === 'index' && (st.shape === 'count' || st.shape === 'for_each')) {
      let k: Value;
      try {
        k = evalNode(next.key, env);
      } catch {
        k = UNKNOWN;
      }
      if (typeof k === 'number' || typeof k === 'string') {
        const inst = st.instances.find((i) => String(i.key) === String(k));
        env.refs.add(inst ? inst.address : base);
        return { value: inst ? inst.obj : UNKNOWN, used: inst ? at + 1 : steps.length };
      }
    }
    env.refs.add(base);
    return { value: this.resourceValue(st), used: at };
  }

  /**
   * The workspace a pipeline deploys decides what `terraform.workspace` selects (`count = terraform.workspace ==
   * "prod" ? 1 : 0`). Unset, it is unknown, never "default": a count on it keeps the resource, judged as if it exists.
   */
  private workspaceName(): Value {
    const ws = this.ctx.workspace;
    if (ws.name !== undefined) return ws.name;
    if (!ws.noted) {
      ws.noted = true;
      this.ctx.notes.push('terraform.workspace: no workspace selected (TF_WORKSPACE unset, no .terraform/environment), so what depends on it is unknown and resources it counts in or out are judged as if they exist; set TF_WORKSPACE to the workspace the pipeline deploys');
    }
    return UNKNOWN;
  }

  // ---- child modules -------------------------------------------------------------------------
  child(name: string): ChildState | undefined {
    const call = this.cfg.modules.get(name);
    if (!call) return undefined;
    let st = this.children.get(name);
    if (st) return st;
    const keyPath = this.keyPath ? `${this.keyPath}.${name}` : name;
    const dir = resolveSource(this.cfg.dir, call.source, keyPath, this.ctx.installed);
    const cfg = dir ? this.ctx.configs.get(dir) : undefined;
    st = { call, dir, shape: 'opaque', instances: [] };
    this.children.set(name, st);
    if (!dir || !cfg) {
      const src = call.source ?? '(none)';
      const what = dir && isLocalSource(src) ? 'not found' : 'not downloaded';
      this.ctx.notes.push(`module ${keyPath} (source ${src}) ${what}; its resources are not scanned`);
      const address = `module.${keyPath.split('.').join('.module.')}`;
      this.ctx.unreadModules.push({ address, source: src, why: what, file: call.file, line: call.line });
      return st;
    }
    if (this.dirStack.includes(dir)) {
      const chain = [...this.dirStack.slice(this.dirStack.indexOf(dir)), dir].map((d) => relative(this.ctx.rootDir, d) || '.');
      throw new InputError(`module cycle: ${chain.join(' -> ')}`, call.file);
    }
    const body = call.body;
    const { shape, keys } = this.expandInstances(body, 1_000);
    st.shape = shape;
    // providers: default configs are inherited; `providers = { aws = aws.west }` maps others in
    const inherited = new Map<string, () => Value>();
    for (const [k, f] of this.providers) if (!k.includes('.')) inherited.set(k, f);
    const pmap = body.providers;
    if (isObj(pmap as Value)) {
      for (const [k, v] of Object.entries(pmap as Record<string, unknown>)) {
        if (typeof v !== 'string') continue;
        const f = this.providers.get(stripInterp(v));
        if (f) inherited.set(k, f);
      }
    }
    const META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
    for (const { key, bindings } of keys) {
      const path = `${this.prefix()}module.${name}${keySuffix(key)}`;
      const inputs = new Map<string, { value: Value; refs: Set<string> }>();
      const input = (n: string): { value: Value; refs: Set<string> } | undefined => {
        if (META.has(n) || !(n in body)) return undefined;
        let got = inputs.get(n);
        if (!got) {
          const refs = new Set<string>();
          let value: Value;
          try {
            value = evalRaw(body[n], this.env(refs, bindings));
          } catch (e) {
            if (!(e instanceof EvalError || e instanceof RangeError)) throw e;
            value = UNKNOWN;
          }
          got = { value, refs };
          inputs.set(n, got);
        }
        return got;
      };
      st.instances.push({ key, inst: new ModuleInstance(this.ctx, cfg, path, keyPath, [...this.dirStack, dir], input, inherited) });
    }
    return st;
  }

  private resolveModule(name: string, steps: Step[], env: Env): Resolved {
    const st = this.child(name);
    if (!st || st.shape === 'opaque' || st.shape === 'unknown') return { value: UNKNOWN, used: steps.length };
    let at = 1;
    let inst: ModuleInstance | undefined;
    if (st.shape === 'single') inst = st.instances[0]?.inst;
    else {
      const next = steps[1];
      if (next?.t === 'index') {
        let k: Value;
        try {
          k = evalNode(next.key, env);
        } catch {
          k = UNKNOWN;
        }
        if (typeof k === 'number' || typeof k === 'string') {
          inst = st.instances.find((i) => String(i.key) === String(k))?.inst;
          if (!inst) return { value: UNKNOWN, used: steps.length };
          at = 2;
        }
      }
    }
    if (inst) {
      const s = steps[at];
      if (s?.t === 'attr') {
        const o = inst.output(s.name);
        for (const r of o.refs) env.refs.add(r);
        return { value: o.value, used: at + 1 };
      }
      return { value: inst.outputsObject(env), used: at };
    }
    if (st.shape === 'count') return { value: st.instances.map((i) => i.inst.outputsObject(env)), used: 1 };
    const obj: Record<string, Value> = {};
    for (const i of st.instances) obj[String(i.key)] = i.inst.outputsObject(env);
    return { value: obj, used: 1 };
  }

  // ---- Host ----------------------------------------------------------------------------------
  resolve(root: string, steps: Step[], env: Env): Resolved | undefined {
    const s0 = steps[0];
    const name = s0?.t === 'attr' ? s0.name : undefined;
    switch (root) {
      case 'var': {
        if (!name) return undefined;
        const v = this.variable(name);
        for (const r of v.refs) env.refs.add(r);
        return { value: v.value, used: 1 };
      }
      case 'local': {
        if (!name) return undefined;
        const v = this.local(name);
        for (const r of v.refs) env.refs.add(r);
        return { value: v.value, used: 1 };
      }
      case 'module':
        return name ? this.resolveModule(name, steps, env) : undefined;
      case 'data': {
        const s1 = steps[1];
        if (!name || s1?.t !== 'attr') return undefined;
        return this.resolveResource(`data.${name}.${s1.name}`, steps, 2, env);
      }
      case 'path': {
        if (name === 'module') return { value: relative(this.ctx.rootDir, this.cfg.dir).split(sep).join('/') || '.', used: 1 };
        if (name === 'root' || name === 'cwd') return { value: '.', used: 1 };
        return undefined;
      }
      case 'terraform':
        return name === 'workspace' ? { value: this.workspaceName(), used: 1 } : undefined;
      case 'count':
      case 'each':
      case 'self':
        return { value: UNKNOWN, used: steps.length };
    }
    if (name && this.cfg.resources.has(`${root}.${name}`)) return this.resolveResource(`${root}.${name}`, steps, 1, env);
    if (name && /^[a-z0-9]+_/.test(root)) {
      // a resource that is not declared (partial configuration): unknown, but still a reference
      env.refs.add(`${this.prefix()}${root}.${name}`);
    }
    return undefined;
  }

  readFile(p: string): string | undefined {
    const abs = isAbsolute(p) ? p : resolvePath(this.ctx.rootDir, p);
    if (!this.ctx.allowedDirs.some((d) => abs === d || abs.startsWith(d.endsWith(sep) ? d : d + sep))) return undefined;
    if (this.ctx.files.has(abs)) return this.ctx.files.get(abs);
    let text: string | undefined;
    try {
      // regular files only: a named pipe or device here would block or never end
      const st = statSync(abs);
      if (st.isFile() && st.size <= 2 * 1024 * 1024) text = readInputText(abs, abs);
    } catch {
      text = undefined;
    }
    this.ctx.files.set(abs, text);
    return text;
  }

  renderTemplate(text: string, vars: Record<string, Value>): Value {
    const host: Host = { resolve: () => undefined, readFile: (p) => this.readFile(p), renderTemplate: (t, v) => this.renderTemplate(t, v) };
    let parts;
    try {
      parts = parseTemplate(text);
    } catch {
      return UNKNOWN;
    }
    return renderTemplateParts(parts, { host, refs: new Set(), bindings: new Map(Object.entries(vars)) });
  }

  // ---- collection ----------------------------------------------------------------------------
  /** Evaluate everything in this instance and its children; append records and suppressions. */
  collect(): void {
    for (const [key, block] of this.cfg.resources) {
      const st = this.resource(key);
      const base = this.prefix() + key;
      for (const d of block.directives) this.ctx.suppressions.push({ policy: d.policy, address: base, ...pick(d), file: block.file, line: d.line });
      if (!st) continue;
      const region = this.regionOf(block);
      const attrLocs: Record<string, Location> = {};
      for (const [p, line] of Object.entries(block.attrs)) attrLocs[p] = { file: block.file, line };
      for (const inst of st.instances) {
        this.ctx.records.push({
          address: inst.address,
          mode: block.mode,
          type: block.type,
          name: block.name,
          modulePath: this.path,
          ...(inst.key !== undefined ? { index: inst.key } : {}),
          values: exported(inst.result.values) as Record<string, unknown>,
          references: inst.result.references,
          configured: inst.result.configured,
          loc: { file: block.file, line: block.line },
          attrLocs,
          ...(region ? { region } : {}),
          input: block.file,
          source: 'hcl',
        });
      }
    }
    this.collectForgotten();
    this.collectProviders();
    for (const [name, call] of this.cfg.modules) {
      for (const d of call.directives) this.ctx.suppressions.push({ policy: d.policy, address: `${this.prefix()}module.${name}`, ...pick(d), file: call.file, line: d.line });
      const st = this.child(name);
      for (const i of st?.instances ?? []) i.inst.collect();
    }
  }

  /**
   * What `removed` blocks with destroy = false hand over: a resource becomes a forgotten record (tags unknown: the
   * configuration no longer says them), so coverage accounts for it; a whole module is a note (its resources are
   * not in the configuration any more).
   */
  private collectForgotten(): void {
    for (const r of this.cfg.forgotten) {
      const segs = r.from.split('.');
      const address = this.prefix() + r.from;
      const [type, name] = segs.slice(-2);
      this.ctx.notes.push(`${r.file}:${r.line}: a removed block hands ${address} over without destroying it (destroy = false): it stays in the account, unjudged by this configuration; audit it where it is managed now, or live`);
      if (segs.length < 2 || segs[segs.length - 2] === 'module' || !type || !name || !/^[a-z][a-z0-9_]*$/.test(type)) continue;
      this.ctx.records.push({
        address,
        mode: 'managed',
        type,
        name,
        modulePath: this.path,
        values: { tags: UNKNOWN, tags_all: UNKNOWN },
        references: {},
        configured: new Set(),
        loc: { file: r.file, line: r.line },
        input: r.file,
        source: 'hcl',
        forgotten: true,
      });
    }
  }

  /** Provider blocks as records of mode `provider` (`provider.aws`, `module.x.provider.aws.west`): their arguments can hold credentials. */
  private collectProviders(): void {
    for (const p of this.cfg.providers) {
      const alias = typeof p.body.alias === 'string' ? stripInterp(p.body.alias) : undefined;
      const address = `${this.prefix()}provider.${p.name}${alias ? `.${alias}` : ''}`;
      for (const d of p.directives) this.ctx.suppressions.push({ policy: d.policy, address, ...pick(d), file: p.file, line: d.line });
      const result: BodyResult = { values: {}, references: {}, configured: new Set() };
      result.values = evalBody(p.body, this.env(), result);
      const attrLocs: Record<string, Location> = {};
      for (const [path, line] of Object.entries(p.attrs)) attrLocs[path] = { file: p.file, line };
      this.ctx.providers.push({
        address,
        mode: 'provider',
        type: p.name,
        name: alias ?? '',
        modulePath: this.path,
        values: exported(result.values) as Record<string, unknown>,
        references: result.references,
        configured: result.configured,
        loc: { file: p.file, line: p.line },
        attrLocs,
        input: p.file,
        source: 'hcl',
      });
    }
  }

  private regionOf(block: ResourceBlock): string | undefined {
    const p = block.body.provider;
    const key = typeof p === 'string' ? stripInterp(p) : block.type.split('_')[0] ?? '';
    const f = this.providers.get(key);
    const v = f?.();
    return typeof v === 'string' ? v : undefined;
  }
}

function pick(d: { reason?: string; owner?: string; expires?: string }): { reason?: string; owner?: string; expires?: string } {
  const out: { reason?: string; owner?: string; expires?: string } = {};
  if (d.reason !== undefined) out.reason = d.reason;
  if (d.owner !== undefined) out.owner = d.owner;
  if (d.expires !== undefined) out.expires = d.expires;
  return out;
}

/** The `each` object of one for_each instance; `each.value` keeps the provenance of its member. */
export function eachObject(coll: Value, key: string, value: Value): Value {
  const each: { [k: string]: Value } = { key, value };
  setMemberRefs(each, 'value', memberRefs(coll, key) ?? (Array.isArray(coll) ? memberRefs(coll, coll.findIndex((x) => x === value)) : undefined));
  return each;
}

/** for_each pairs: maps by key, sets (lists) of strings by value; undefined when unknown. */
function forEachPairs(v: Value): Array<[string, Value]> | undefined {
  if (isUnknown(v) || isSensitive(v) || v === null) return v === null ? [] : undefined;
  if (Array.isArray(v)) {
    if (v.some((x) => isUnknown(x) || typeof x !== 'string')) return v.some(isUnknown) ? undefined : toSet(v).map((x) => [String(x), x]);
    return toSet(v).map((x) => [x as string, x]);
  }
  if (isLazy(v) || isObj(v)) {
    const list = entries(v);
    if (list.some(([, x]) => isUnknown(x) && false)) return undefined;
    return list.map(([k, x]) => [String(k), x]);
  }
  return undefined;
}
