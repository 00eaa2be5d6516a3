import { joinAddress, splitTraversal, stepText } from './address.js';
import { isObject, type ConfigModule, type ConfigResource, type Json, type JsonObject, type ModuleCall, type PlanDocument } from './types.js';

/** What the configuration says about one resource block (every instance of it shares this). */
export interface ConfigEntry {
  /** Attribute path -> absolute resource addresses its expression references. */
  references: Record<string, string[]>;
  /** Attribute paths written in the block. */
  configured: Set<string>;
  /** Constant values written in the block, by attribute path without indices (`user_data`, `environment.variables`). */
  constants: Record<string, Json>;
  providerKey?: string;
}

/** One module in the configuration tree; `path` has no instance keys (`module.a.module.b`). */
interface ModuleCtx {
  path: string;
  config: ConfigModule;
  parent?: ModuleCtx;
  call?: ModuleCall;
  children: Map<string, ModuleCtx>;
  /** Memoised resolutions (references, variables, outputs) within this module. */
  memo: Map<string, string[] | null>;
}

/** Prefixes of references that never name a resource. */
const NOT_RESOURCES = new Set(['local', 'count', 'each', 'path', 'terraform', 'self']);

function refsOf(expr: unknown): string[] {
  if (!isObject(expr)) return [];
  const refs = expr.references;
  return Array.isArray(refs) ? pruneModuleRefs(refs.filter((r): r is string => typeof r === 'string')) : [];
}

/**
 * Terraform lists `module.x` beside `module.x.out` for one use of an output. The bare module stands
 * for every output only when the expression names no output of that module.
 */
function pruneModuleRefs(refs: string[]): string[] {
  if (!refs.some((r) => r.startsWith('module.'))) return refs;
  const named = new Set<string>();
  for (const r of refs) {
    const steps = splitTraversal(r);
    if (steps[0]?.name === 'module' && steps[1] && (steps.length > 2 || steps[1].key !== undefined)) named.add(steps[1].name);
  }
  return refs.filter((r) => {
    const steps = splitTraversal(r);
    return !(steps[0]?.name === 'module' && steps.length === 2 && steps[1]!.key === undefined && named.has(steps[1]!.name));
  });
}

/** An expression object: only `constant_value` and/or `references` (or nothing: a call without references). */
function isExpression(v: Json): v is JsonObject {
  if (!isObject(v)) return false;
  for (const k of Object.keys(v)) {
    if (k === 'constant_value') continue;
    if (k === 'references' && Array.isArray(v.references)) continue;
    return false;
  }
  return true;
}

/**
 * Drop a bare address when the same expression also names one of its instances
 * (`aws_subnet.a[0].id` is reported as `aws_subnet.a[0]` and `aws_subnet.a`).
 */
function preferKeyed(addrs: Iterable<string>): string[] {
  const list = [...new Set(addrs)];
  const keyedBases = new Set<string>();
  for (const a of list) if (a.endsWith(']')) keyedBases.add(a.slice(0, a.lastIndexOf('[')));
  return keyedBases.size ? list.filter((a) => !keyedBases.has(a)) : list;
}

/** Indexes the plan's `configuration` once and resolves references to absolute resource addresses. */
export class ConfigIndex {
  private readonly entries = new Map<string, ConfigEntry>();
  readonly present: boolean;

  constructor(doc: PlanDocument) {
    const root = doc.configuration?.root_module;
    this.present = isObject(doc.configuration) && isObject(root);
    if (!this.present) return;
    const rootCtx = this.makeCtx('', root as ConfigModule);
    // Iterative walk: module trees can be deep, and each module is visited once.
    const stack: ModuleCtx[] = [rootCtx];
    while (stack.length) {
      const ctx = stack.pop()!;
      for (const res of Array.isArray(ctx.config.resources) ? ctx.config.resources : []) {
        if (!isObject(res)) continue;
        const local = localAddress(res);
        if (local) this.entries.set(joinAddress(ctx.path, local), this.entryFor(ctx, res));
      }
      for (const child of ctx.children.values()) stack.push(child);
    }
  }

  /** The entry of a resource block by its address without instance keys. */
  get(configAddress: string): ConfigEntry | undefined {
    return this.entries.get(configAddress);
  }

  private makeCtx(path: string, config: ConfigModule, parent?: ModuleCtx, call?: ModuleCall): ModuleCtx {
    const ctx: ModuleCtx = { path, config, parent, call, children: new Map(), memo: new Map() };
    const calls = isObject(config.module_calls) ? config.module_calls : {};
    for (const [name, c] of Object.entries(calls)) {
      if (!isObject(c)) continue;
      const mod = isObject(c.module) ? (c.module as ConfigModule) : {};
      ctx.children.set(name, this.makeCtx(joinAddress(path, `module.${name}`), mod, ctx, c as ModuleCall));
    }
    return ctx;
  }

  private entryFor(ctx: ModuleCtx, res: ConfigResource): ConfigEntry {
    const raw = new Map<string, Set<string>>();
    const configured = new Set<string>();
    const constants: Record<string, Json> = {};
    if (isObject(res.expressions)) this.walk(ctx, res.expressions, '', raw, configured, constants);
    const references: Record<string, string[]> = {};
    for (const [path, set] of raw) if (set.size) references[path] = preferKeyed(set);
    const entry: ConfigEntry = { references, configured, constants };
    if (typeof res.provider_config_key === 'string') entry.providerKey = res.provider_config_key;
    return entry;
  }

  /** Walk a block's expressions: attributes, nested blocks (object or list of objects), dynamic blocks. */
  private walk(ctx: ModuleCtx, body: JsonObject, prefix: string, out: Map<string, Set<string>>, configured: Set<string>, constants: Record<string, Json>): void {
    for (const [key, v] of Object.entries(body)) {
      if (key === 'dynamic' && isObject(v) && !isExpression(v)) {
        for (const [blockName, dyn] of Object.entries(v)) {
          const path = prefix ? `${prefix}.${blockName}` : blockName;
          configured.add(path);
          for (const d of Array.isArray(dyn) ? dyn : [dyn]) {
            if (!isObject(d)) continue;
            this.addRefs(ctx, refsOf(d.for_each), path, out);
            const content = d.content;
            for (const c of Array.isArray(content) ? content : [content]) if (isObject(c)) this.walk(ctx, c, path, out, configured, constants);
          }
        }
        continue;
      }
      const path = prefix ? `${prefix}.${key}` : key;
      if (isExpression(v)) {
        configured.add(path);
        this.addRefs(ctx, refsOf(v), path, out);
        if (v.constant_value !== undefined && v.constant_value !== null && !(path in constants)) constants[path] = v.constant_value;
      } else if (Array.isArray(v)) {
        configured.add(path);
        for (const el of v) if (isObject(el)) this.walk(ctx, el, path, out, configured, constants);
      } else if (isObject(v)) {
        configured.add(path);
        this.walk(ctx, v, path, out, configured, constants);
      }
    }
  }

  private addRefs(ctx: ModuleCtx, refs: string[], path: string, out: Map<string, Set<string>>): void {
    if (!refs.length) return;
    let set = out.get(path);
    if (!set) out.set(path, (set = new Set()));
    for (const r of refs) for (const a of this.resolve(ctx, r)) set.add(a);
  }

  /** Memoised, cycle-safe resolution: a key being resolved answers [] to itself. */
  private memoised(ctx: ModuleCtx, key: string, compute: () => string[]): string[] {
    const hit = ctx.memo.get(key);
    if (hit !== undefined) return hit ?? [];
    ctx.memo.set(key, null);
    const value = compute();
    ctx.memo.set(key, value);
    return value;
  }

  /** A reference as written in module `ctx` -> absolute addresses of the resources it reaches. */
  private resolve(ctx: ModuleCtx, ref: string): string[] {
    return this.memoised(ctx, `r:${ref}`, () => {
      const steps = splitTraversal(ref);
      const head = steps[0];
      if (!head || head.key !== undefined && head.name === '') return [];
      if (NOT_RESOURCES.has(head.name)) return [];
      if (head.name === 'var') return steps[1] ? this.resolveVar(ctx, steps[1].name) : [];
      if (head.name === 'data') {
        if (steps.length < 3) return [];
        return [joinAddress(ctx.path, `data.${steps[1]!.name}.${stepText(steps[2]!)}`)];
      }
      if (head.name === 'module') {
        const callStep = steps[1];
        const child = callStep ? ctx.children.get(callStep.name) : undefined;
        if (!callStep || !child) return [];
        const outputs = steps[2] ? [steps[2].name] : Object.keys(isObject(child.config.outputs) ? child.config.outputs : {});
        const found = preferKeyed(outputs.flatMap((o) => this.resolveOutput(child, o)));
        if (callStep.key === undefined) return found;
        // `module.x[0].out`: resources inside that module instance carry its key.
        const keyed = `${child.path}${callStep.key}`;
        return found.map((a) => (a.startsWith(`${child.path}.`) ? keyed + a.slice(child.path.length) : a));
      }
      if (steps.length < 2 || head.key !== undefined) return [];
      return [joinAddress(ctx.path, `${head.name}.${stepText(steps[1]!)}`)];
    });
  }

  /** `var.x` inside a module: what the calling module passes as `x`, resolved in the caller. */
  private resolveVar(ctx: ModuleCtx, name: string): string[] {
    const { parent, call } = ctx;
    if (!parent || !call) return [];
    return this.memoised(ctx, `v:${name}`, () => {
      const expr = isObject(call.expressions) ? call.expressions[name] : undefined;
      return preferKeyed(refsOf(expr).flatMap((r) => this.resolve(parent, r)));
    });
  }

  /** `module.x.out`: the resources the output's expression references inside module x. */
  private resolveOutput(ctx: ModuleCtx, name: string): string[] {
    return this.memoised(ctx, `o:${name}`, () => {
      const outputs = isObject(ctx.config.outputs) ? ctx.config.outputs : {};
      const out = outputs[name];
      const expr = isObject(out) ? out.expression : undefined;
      return preferKeyed(refsOf(expr).flatMap((r) => this.resolve(ctx, r)));
    });
  }
}

/** `aws_s3_bucket.b` or `data.aws_ami.x` for a resource block, relative to its module. */
function localAddress(res: ConfigResource): string | undefined {
  if (typeof res.type === 'string' && typeof res.name === 'string') return `${res.mode === 'data' ? 'data.' : ''}${res.type}.${res.name}`;
  return typeof res.address === 'string' ? res.address : undefined;
}
