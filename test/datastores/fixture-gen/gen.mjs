// Fixture generator for the data-store policies: one spec -> plan.json + main.tf (same addresses).
import { mkdirSync, writeFileSync } from 'node:fs';

export class Ref { constructor(expr, value) { this.expr = expr; this.value = value; } }
export class Blocks { constructor(list) { this.list = list; } }
export const R = (expr, value) => new Ref(expr, value);
export const B = (...list) => new Blocks(list);

const PROVIDERS = { aws: 'registry.terraform.io/hashicorp/aws', random: 'registry.terraform.io/hashicorp/random' };
const SENSITIVE = new Set(['password', 'master_password', 'auth_token', 'result']);

function refTargets(expr) {
  // "aws_kms_key.rds.arn" -> ["aws_kms_key.rds.arn", "aws_kms_key.rds"]; data.x.y.z -> ["data.x.y.z","data.x.y"]
  const parts = expr.split('.');
  const n = parts[0] === 'data' ? 3 : 2;
  return parts.length > n ? [expr, parts.slice(0, n).join('.')] : [expr];
}

/** Resolve args into plan values / after_unknown / expressions / after_sensitive. */
function resolve(args) {
  const values = {}, unknown = {}, expr = {}, sens = {};
  for (const [k, v] of Object.entries(args)) {
    if (v instanceof Ref) {
      if (v.value === undefined) unknown[k] = true; else values[k] = v.value;
      expr[k] = { references: refTargets(v.expr) };
      if (SENSITIVE.has(k)) sens[k] = true;
    } else if (v instanceof Blocks) {
      const r = v.list.map(resolve);
      values[k] = r.map((x) => x.values);
      if (r.some((x) => Object.keys(x.unknown).length)) unknown[k] = r.map((x) => x.unknown);
      expr[k] = r.map((x) => x.expr);
      if (r.some((x) => Object.keys(x.sens).length)) sens[k] = r.map((x) => x.sens);
    } else {
      values[k] = v;
      expr[k] = { constant_value: v };
      if (SENSITIVE.has(k)) sens[k] = true;
    }
  }
  return { values, unknown, expr, sens };
}

function hclValue(v, indent) {
  if (v instanceof Ref) return v.expr;
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, indent)).join(', ')}]`;
  if (typeof v === 'object') {
    const pad = ' '.repeat(indent + 2);
    const keys = Object.keys(v);
    const w = Math.max(...keys.map((k) => k.length));
    return `{\n${keys.map((k) => `${pad}${k.padEnd(w)} = ${hclValue(v[k], indent + 2)}`).join('\n')}\n${' '.repeat(indent)}}`;
  }
  return JSON.stringify(v);
}

function hclBody(args, indent) {
  const pad = ' '.repeat(indent);
  const simple = Object.entries(args).filter(([, v]) => !(v instanceof Blocks));
  const blocks = Object.entries(args).filter(([, v]) => v instanceof Blocks);
  const w = Math.max(0, ...simple.map(([k]) => k.length));
  const lines = simple.map(([k, v]) => `${pad}${k.padEnd(w)} = ${hclValue(v, indent)}`);
  for (const [k, b] of blocks) for (const item of b.list) lines.push(`\n${pad}${k} {\n${hclBody(item, indent + 2)}\n${pad}}`);
  return lines.join('\n');
}

/**
 * resources: [{ type, name, args, computed?: [attr], defaults?: {attr: value shown by the plan but not configured}, mode? }]
 */
export function writeCase(dir, resources, comment) {
  mkdirSync(dir, { recursive: true });
  const planned = [], changes = [], config = [];
  for (const r of resources) {
    const mode = r.mode ?? 'managed';
    const address = `${mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    const provider = PROVIDERS[r.type.split('_')[0]] ?? PROVIDERS.aws;
    const res = resolve(r.args);
    const values = { ...(r.defaults ?? {}), ...res.values };
    if (r.args.tags && !(r.args.tags instanceof Ref)) values.tags_all = r.args.tags;
    const unknown = { ...res.unknown };
    for (const c of r.computed ?? ['id', 'arn']) unknown[c] = true;
    if (!r.args.tags && r.type.startsWith('aws_') && (r.computed ?? ['arn']).includes('arn')) unknown.tags_all = true;
    const sensitiveValues = res.sens;
    planned.push({ address, mode, type: r.type, name: r.name, provider_name: provider, schema_version: r.schema ?? 0, values, sensitive_values: sensitiveValues });
    changes.push({ address, mode, type: r.type, name: r.name, provider_name: provider, change: { actions: mode === 'data' ? ['read'] : ['create'], before: null, after: values, after_unknown: unknown, before_sensitive: false, after_sensitive: sensitiveValues } });
    config.push({ address, mode, type: r.type, name: r.name, provider_config_key: r.type.split('_')[0], expressions: res.expr, schema_version: r.schema ?? 0 });
  }
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: PROVIDERS.aws, version_constraint: '~> 5.80', expressions: { region: { constant_value: 'us-east-1' } } },
        ...(resources.some((r) => r.type.startsWith('random_')) ? { random: { name: 'random', full_name: PROVIDERS.random } } : {}),
      },
      root_module: { resources: config },
    },
    timestamp: '2026-11-20T10:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
  writeFileSync(`${dir}/plan.json`, JSON.stringify(plan, null, 2) + '\n');
  const tf = [
    ...(comment ? [`# ${comment}`] : []),
    'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.80"\n    }' +
      (resources.some((r) => r.type.startsWith('random_')) ? '\n    random = {\n      source  = "hashicorp/random"\n      version = "~> 3.6"\n    }' : '') +
      '\n  }\n}',
    'provider "aws" {\n  region = "us-east-1"\n}',
    ...resources.map((r) => `${r.mode === 'data' ? 'data' : 'resource'} "${r.type}" "${r.name}" {\n${hclBody(r.args, 2)}\n}`),
  ];
  writeFileSync(`${dir}/main.tf`, tf.join('\n\n') + '\n');
}

export function fixture(root, id, { pass, fail, expect, passNote, failNote }) {
  writeCase(`${root}/${id}/pass`, pass, passNote);
  writeCase(`${root}/${id}/fail`, fail, failNote);
  writeFileSync(`${root}/${id}/fail/expect.yaml`, 'findings:\n' + expect.map((a) => `  - { address: ${a}, status: fail }`).join('\n') + '\n');
}
