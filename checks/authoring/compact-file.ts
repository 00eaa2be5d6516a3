import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';

/** Read a compact fixture (YAML) and check it against its schema; every problem is one InputError line. */
export function readCompactFile(file: string, schema: string, display = file): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, display);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InputError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`, display);
  }
  return checkCompact(doc, schema, display);
}

/** Validate an already parsed compact document against `checks/authoring/schema/<schema>`. */
export function checkCompact(doc: unknown, schema: string, display: string): unknown {
  const validate = schemaValidator(`checks/authoring/schema/${schema}`);
  if (!validate(doc)) throw new InputError(describeAjvError(validate.errors), display);
  return doc;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
