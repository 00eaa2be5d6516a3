import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from './package-root.js';

const require = createRequire(import.meta.url);
const OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true };

function newAjv(extra: Record<string, unknown> = {}): AjvType {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as { default?: (a: AjvType) => void } & ((a: AjvType) => void);
  const a = new Ajv({ ...OPTIONS, ...extra });
  (addFormats.default ?? addFormats)(a);
  return a;
}

// ajv and its formats load on the first compile, not at start-up: most runs (a scan with the compiled
// catalog and no config file) compile no schema at all.
let instance: AjvType | undefined;
const ajv = (): AjvType => (instance ??= newAjv());

/**
 * Self-contained schemas the compiled build keeps as validator code (`dist/schemas/<content hash>.cjs`,
 * ajv standalone), so a plan scan does not load and run the schema compiler. A schema whose text
 * changed since the build has no such file and is compiled as before.
 */
export const PREBUILT_SCHEMAS = ['checks/sources/plan/plan.schema.json', 'reports/schema/results.schema.json'];
const COMPILED = fileURLToPath(import.meta.url).startsWith(packagePath('dist') + sep);
const prebuiltFile = (text: string, dir = packagePath('dist/schemas')): string => join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.cjs`);

/** Write the validator code of PREBUILT_SCHEMAS into `dir` (scripts/build.mjs). */
export function writePrebuiltValidators(dir: string): number {
  const standalone = (require('ajv/dist/standalone') as { default: (a: AjvType, v: ValidateFunction) => string }).default;
  mkdirSync(dir, { recursive: true });
  for (const rel of PREBUILT_SCHEMAS) {
    const text = readFileSync(packagePath(rel), 'utf8');
    const a = newAjv({ code: { source: true } });
    writeFileSync(prebuiltFile(text, dir), standalone(a, a.compile(JSON.parse(text))));
  }
  return PREBUILT_SCHEMAS.length;
}

const cache = new Map<string, ValidateFunction>();

/** Compile (once) a JSON Schema file given relative to the repo root. */
export function schemaValidator(repoRelativePath: string): ValidateFunction {
  let v = cache.get(repoRelativePath);
  if (!v) {
    const text = readFileSync(packagePath(repoRelativePath), 'utf8');
    const file = COMPILED && PREBUILT_SCHEMAS.includes(repoRelativePath) ? prebuiltFile(text) : undefined;
    v = file && existsSync(file) ? (require(file) as ValidateFunction) : ajv().compile(JSON.parse(text));
    cache.set(repoRelativePath, v);
  }
  return v;
}

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return ajv().compile(schema);
}

/** The most specific error, as `<json pointer>: <message>`. */
export function describeAjvError(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'invalid';
  // oneOf failures produce one error per branch; the deepest pointer is usually the real culprit.
  const best = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b))[0]!;
  const where = best.instancePath || '/';
  if (best.keyword === 'additionalProperties') return `${where}: unknown field "${(best.params as { additionalProperty: string }).additionalProperty}"`;
  if (best.keyword === 'type') return `${where}: must be ${String((best.params as { type: string | string[] }).type).split(',').join(' or ')}`;
  if (best.keyword === 'enum') return `${where}: must be one of ${(best.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${best.message ?? 'invalid'}`;
}

function rank(e: ErrorObject): number {
  return e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : e.keyword === 'oneOf' ? 9 : 5;
}
