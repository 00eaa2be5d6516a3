import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../../errors.js';
import { readInputTextAsync } from '../../util/input-file.js';
import { parseJsonInput } from '../../util/json-depth.js';
import { listFolder, type SkippedFile } from '../../util/tree.js';
import type { Body, ModuleConfig } from './config.js';
import { evalNode, withRefs, type Env, type Host } from './evaluate.js';
import { ParseError, parseExpression, parseValueString } from './expr.js';
import { parseHclText } from './parse.js';
import { EvalError, UNKNOWN, isObj, recordMembers, type Value } from './values.js';
import { pushAll } from '../../util/push-all.js';

/** A host that knows no names: for constant expressions (defaults, tfvars). */
export const EMPTY_HOST: Host = {
  resolve: () => undefined,
  readFile: () => undefined,
  renderTemplate: () => UNKNOWN,
};

/** Evaluate a value from the syntax parser's JSON (strings are templates) in an environment. */
export function evalRaw(raw: unknown, env: Env, depth = 0): Value {
  if (depth > 100) return UNKNOWN;
  if (raw === null || typeof raw === 'boolean' || typeof raw === 'number') return raw;
  if (typeof raw === 'string') {
    if (!raw.includes('${') && !raw.includes('%{')) return raw.replace(/([$%])\1\{/g, '$1{');
    let node;
    try {
      node = parseValueString(raw);
    } catch (e) {
      // an expression this evaluator cannot parse (the syntax parser accepted it) has no known value
      if (e instanceof ParseError) throw new EvalError(e.message);
      throw e;
    }
    return evalNode(node, env);
  }
  // members keep the addresses their expressions referred to (provenance, see setMemberRefs)
  const member = (x: unknown): { value: Value; refs: Set<string> } => {
    const refs = new Set<string>();
    const value = evalRaw(x, withRefs(env, refs), depth + 1);
    for (const r of refs) env.refs.add(r);
    return { value, refs };
  };
  if (Array.isArray(raw)) {
    const got = raw.map(member);
    const out = got.map((g) => g.value);
    recordMembers(out, got.map((g, i) => [i, g.refs]));
    return out;
  }
  if (typeof raw === 'object') {
    const out: Record<string, Value> = {};
    const provs: Array<[string, Set<string>]> = [];
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const key = k.includes('${') ? evalRaw(k, env, depth + 1) : k;
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') return UNKNOWN;
      const g = member(v);
      out[String(key)] = g.value;
      provs.push([String(key), g.refs]);
    }
    recordMembers(out, provs);
    return out;
  }
  return UNKNOWN;
}

/** Constant evaluation: value errors become UNKNOWN. */
export function constValue(raw: unknown): Value {
  try {
    return evalRaw(raw, { host: EMPTY_HOST, refs: new Set() });
  } catch (e) {
    if (e instanceof EvalError || e instanceof RangeError) return UNKNOWN;
    throw e;
  }
}

/** The declared type of a variable as text (`string`, `list(string)`, ...), when written. */
export function typeText(body: Body): string | undefined {
  const t = body.type;
  if (typeof t !== 'string') return undefined;
  return t.replace(/^\$\{([\s\S]*)\}$/, '$1').trim();
}

/** Convert an input to a primitive declared type the way Terraform does (`"5"` for a number is 5). */
export function convertToType(v: Value, type: string | undefined): Value {
  if (!type) return v;
  if (type === 'number' && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (type === 'bool' && (v === 'true' || v === 'false')) return v === 'true';
  if (type === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  if (/^(set)\(/.test(type) && Array.isArray(v)) return v;
  return v;
}

/** A `-var`/`TF_VAR_` string: taken literally for primitive types, parsed as an expression otherwise. */
function fromCliString(s: string, type: string | undefined): Value {
  const complex = type ? /^(list|map|set|object|tuple|any)\b/.test(type) : /^\s*[[{]/.test(s);
  if (!complex) return s;
  try {
    return evalNode(parseExpression(s), { host: EMPTY_HOST, refs: new Set() });
  } catch {
    return UNKNOWN;
  }
}

async function tfvarsFile(path: string, display: string): Promise<Record<string, Value>> {
  const text = await readInputTextAsync(path, display, 'a variables file');
  let doc: Record<string, unknown>;
  if (path.endsWith('.json')) {
    doc = parseJsonInput(text, display) as Record<string, unknown>;
    if (!isObj(doc as Value)) throw new InputError('a variables file must hold an object', display);
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(doc)) out[k] = v as Value;
    return out;
  }
  doc = await parseHclText(text, display);
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(doc)) out[k] = constValue(v);
  return out;
}

export interface VarInputs {
  vars?: Record<string, string>;
  varFiles?: string[];
  env?: Record<string, string | undefined>;
  displayRoot: string;
  /** Auto-loaded variables files that were skipped (broken links, ...) are told here. */
  warnings?: string[];
  /** What the user should know about the values (variables files Terraform does not load by itself). */
  notes?: string[];
}

/**
 * Values of the root module's variables, in Terraform's precedence (later wins): default,
 * `TF_VAR_*`, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` sorted, then
 * `--var-file` and `--var`. Variables with no value are UNKNOWN.
 */
export async function rootVariables(cfg: ModuleConfig, dir: string, inputs: VarInputs): Promise<Map<string, Value>> {
  const out = new Map<string, Value>();
  const types = new Map<string, string | undefined>();
  for (const [name, v] of cfg.variables) {
    types.set(name, typeText(v.body));
    out.set(name, 'default' in v.body ? constValue(v.body.default) : UNKNOWN);
  }
  const set = (name: string, value: Value): void => {
    if (!cfg.variables.has(name)) return;
    out.set(name, convertToType(value, types.get(name)));
  };
  for (const [k, v] of Object.entries(inputs.env ?? {})) {
    if (k.startsWith('TF_VAR_') && v !== undefined) {
      const name = k.slice(7);
      if (cfg.variables.has(name)) set(name, fromCliString(v, types.get(name)));
    }
  }
  const display = (p: string): string => relative(inputs.displayRoot, p) || p;
  const skipped: SkippedFile[] = [];
  const autoLoaded = (n: string): boolean => n === 'terraform.tfvars' || n === 'terraform.tfvars.json' || n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json');
  const names = (listFolder(dir, autoLoaded, skipped)?.files ?? []).map((p) => basename(p));
  for (const s of skipped) inputs.warnings?.push(`${relative(process.cwd(), s.path) || s.path}: skipped: ${s.reason}`);
  const files = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n));
  pushAll(files, names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort());
  for (const f of files) for (const [k, v] of Object.entries(await tfvarsFile(join(dir, f), display(join(dir, f))))) set(k, v);
  if (!inputs.varFiles?.length) await unloadedVarFiles(cfg, dir, display, inputs, set);
  for (const f of inputs.varFiles ?? []) {
    if (!existsSync(f)) throw new InputError('variables file not found', f);
    for (const [k, v] of Object.entries(await tfvarsFile(f, display(f)))) set(k, v);
  }
  for (const [k, v] of Object.entries(inputs.vars ?? {})) set(k, fromCliString(v, types.get(k)));
  return out;
}

/**
 * Variables files in the root module that Terraform loads only when named (`-var-file=prod.tfvars`): which one the
 * pipeline passes decides the values, so a variable one of them sets is unknown here (unless --var sets it), never
 * its default: a default of `true` in the configuration and `false` in prod.tfvars would otherwise pass. A file that
 * cannot be read or parsed is left out (Terraform could not load it either).
 */
async function unloadedVarFiles(cfg: ModuleConfig, dir: string, display: (p: string) => string, inputs: VarInputs, set: (name: string, value: Value) => void): Promise<void> {
  const loadedByItself = (n: string): boolean => n === 'terraform.tfvars' || n === 'terraform.tfvars.json' || n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json');
  const named = (listFolder(dir, (n) => (n.endsWith('.tfvars') || n.endsWith('.tfvars.json')) && !loadedByItself(n), [])?.files ?? []).sort();
  const files: string[] = [];
  const vars = new Set<string>();
  for (const f of named) {
    let assigned: Record<string, Value>;
    try {
      assigned = await tfvarsFile(f, display(f));
    } catch (e) {
      if (e instanceof InputError) continue;
      throw e;
    }
    const read = Object.keys(assigned).filter((k) => cfg.variables.has(k) && !(k in (inputs.vars ?? {})));
    if (!read.length) continue;
    files.push(display(f));
    for (const k of read) vars.add(k);
  }
  if (!files.length) return;
  for (const k of vars) set(k, UNKNOWN);
  const shown = [...vars].sort();
  inputs.notes?.push(
    `${files.join(', ')} set${files.length === 1 ? 's' : ''} ${shown.length === 1 ? 'variable' : 'variables'} ${shown.slice(0, 8).join(', ')}${shown.length > 8 ? ` and ${shown.length - 8} more` : ''}, but Terraform loads ${files.length === 1 ? 'it' : 'them'} only when named with -var-file: ${shown.length === 1 ? 'its value is' : 'their values are'} judged unknown; ${files.length === 1 ? `pass --var-file ${files[0]} to judge the values it deploys` : 'pass --var-file with the file the pipeline uses to judge the values it deploys'}`,
  );
}
