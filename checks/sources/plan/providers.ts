import { SensitiveValue, UNKNOWN } from '../../model/value.js';
import type { TfRecord } from '../terraform/record.js';
import { splitTraversal } from './address.js';
import { isObject, type Json, type JsonObject, type PlanDocument } from './types.js';

/** A module of the configuration as far as provider arguments need it: its variables and the call that made it. */
interface ModuleScope {
  variables: JsonObject;
  /** The calling module and the call's argument expressions; absent for the root. */
  parent?: ModuleScope;
  call?: JsonObject;
}

const MAX_VAR_DEPTH = 32;
const MAX_BLOCK_DEPTH = 24;

function moduleScope(doc: PlanDocument, moduleAddress: string | undefined): ModuleScope | undefined {
  let config: Json | undefined = doc.configuration?.root_module as Json | undefined;
  if (!isObject(config)) return undefined;
  let scope: ModuleScope = { variables: isObject(config.variables) ? config.variables : {} };
  if (!moduleAddress) return scope;
  for (const step of splitTraversal(moduleAddress)) {
    if (step.name === 'module') continue;
    const calls: Json | undefined = isObject(config) ? config.module_calls : undefined;
    const call: Json | undefined = isObject(calls) ? calls[step.name] : undefined;
    if (!isObject(call)) return undefined;
    config = call.module;
    if (!isObject(config)) return undefined;
    scope = { variables: isObject(config.variables) ? config.variables : {}, parent: scope, call: isObject(call.expressions) ? call.expressions : {} };
  }
  return scope;
}

/**
 * The value of `var.<name>` in a module: a sensitive variable is a SensitiveValue (never read); the
 * root's value comes from the plan's `variables`; a module's from the caller's argument, when that is
 * a constant or another variable. Anything else is UNKNOWN.
 */
function variableValue(doc: PlanDocument, scope: ModuleScope, name: string, depth = 0): unknown {
  const decl = scope.variables[name];
  if (isObject(decl) && decl.sensitive === true) return new SensitiveValue(true);
  if (depth > MAX_VAR_DEPTH) return UNKNOWN;
  if (!scope.parent) {
    const given = isObject(doc.variables) ? doc.variables[name] : undefined;
    return isObject(given) && 'value' in given ? given.value : UNKNOWN;
  }
  const expr = scope.call?.[name];
  if (expr === undefined) {
    return isObject(decl) && 'default' in decl ? decl.default : UNKNOWN;
  }
  return expressionValue(doc, scope.parent, expr, depth + 1).value;
}

function expressionValue(doc: PlanDocument, scope: ModuleScope, expr: Json, depth: number): { value: unknown; refs: string[] } {
  if (!isObject(expr)) return { value: UNKNOWN, refs: [] };
  if ('constant_value' in expr) return { value: expr.constant_value, refs: [] };
  const refs = Array.isArray(expr.references) ? expr.references.filter((r): r is string => typeof r === 'string') : [];
  const vars = refs.filter((r) => r.startsWith('var.'));
  // `var.x` alone (Terraform lists it once, sometimes beside `var.x.attr`): its value.
  const names = new Set(vars.map((r) => splitTraversal(r)[1]?.name).filter((n): n is string => !!n));
  if (names.size === 1 && vars.length === refs.length) {
    const v = variableValue(doc, scope, [...names][0]!, depth);
    return { value: vars.every((r) => splitTraversal(r).length === 2) ? v : v instanceof SensitiveValue ? v : UNKNOWN, refs: [] };
  }
  // Resources and data sources: a value computed elsewhere, not written here.
  const dynamic = refs.filter((r) => !/^(var|local|each|count|path|terraform|self)\./.test(r));
  return { value: UNKNOWN, refs: dynamic };
}

/** An expression tree (attributes and nested blocks) -> values, references and written paths. */
function blockValues(doc: PlanDocument, scope: ModuleScope, body: JsonObject, prefix: string, rec: Pick<TfRecord, 'references' | 'configured'>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth > MAX_BLOCK_DEPTH) return out;
  for (const [k, v] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${k}` : k;
    rec.configured!.add(path);
    if (Array.isArray(v)) {
      out[k] = v.filter(isObject).map((b) => blockValues(doc, scope, b, path, rec, depth + 1));
      continue;
    }
    if (!isObject(v)) continue;
    const isExpr = Object.keys(v).every((x) => x === 'constant_value' || x === 'references');
    if (!isExpr) {
      out[k] = [blockValues(doc, scope, v, path, rec, depth + 1)];
      continue;
    }
    const { value, refs } = expressionValue(doc, scope, v, 0);
    out[k] = value;
    if (refs.length) rec.references[path] = refs;
  }
  return out;
}

/**
 * The plan's provider configurations (`configuration.provider_config`) as records of mode `provider`,
 * addressed `provider.aws`, `provider.aws.west`, `module.x.provider.aws`: what their arguments are
 * set to, with sensitive variables kept sensitive and computed values unknown.
 */
export function providerRecords(doc: PlanDocument, display: string): TfRecord[] {
  const providers = doc.configuration?.provider_config;
  if (!isObject(providers)) return [];
  const out: TfRecord[] = [];
  for (const [key, p] of Object.entries(providers)) {
    if (!isObject(p)) continue;
    const name = typeof p.name === 'string' && p.name ? p.name : (key.split(':').pop() ?? key).split('.')[0]!;
    const alias = typeof p.alias === 'string' && p.alias ? p.alias : undefined;
    const moduleAddress = typeof p.module_address === 'string' && p.module_address ? p.module_address : undefined;
    const address = `${moduleAddress ? `${moduleAddress}.` : ''}provider.${name}${alias ? `.${alias}` : ''}`;
    const scope = moduleScope(doc, moduleAddress);
    const rec: TfRecord = {
      address,
      mode: 'provider',
      type: name,
      name: alias ?? '',
      modulePath: moduleAddress ?? '',
      values: {},
      references: {},
      configured: new Set(),
      loc: { file: display, address },
      input: display,
      source: 'plan',
    };
    if (scope && isObject(p.expressions)) rec.values = blockValues(doc, scope, p.expressions, '', rec);
    else if (isObject(p.expressions)) rec.values = Object.fromEntries(Object.keys(p.expressions).map((k) => [k, UNKNOWN]));
    out.push(rec);
  }
  return out;
}
