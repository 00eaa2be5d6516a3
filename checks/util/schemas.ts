import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const cache = new Map<string, ValidateFunction>();

/** Compile (once) a JSON Schema file given relative to the repo root. */
export function schemaValidator(repoRelativePath: string): ValidateFunction {
  let v = cache.get(repoRelativePath);
  if (!v) {
    const file = packagePath(repoRelativePath);
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
    cache.set(repoRelativePath, v);
  }
  return v;
}

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return ajv.compile(schema);
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
