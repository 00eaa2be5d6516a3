// Reading a results document given to a command (report --results, the fan-out merge): bounded, parsed
// however large, validated against the published results schema, hashed as read.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Results } from '../engine/types.js';
import { InputError } from '../errors.js';
import { readNamedInput } from '../util/input-file.js';
import { parseJsonBytes } from '../util/json-parse-large.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';
import type { ReportInput } from '../../reports/ferpa/model.js';

export function readBytes(file: string, what: string): Buffer {
  return readNamedInput(resolve(file), file, what);
}

export function parseJson(bytes: Buffer, file: string): unknown {
  try {
    return parseJsonBytes(bytes);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, file);
  }
}

/** Read and validate one results document (reports/schema/results.schema.json). */
export function readResultsFile(file: string): ReportInput {
  const bytes = readBytes(file, 'results file');
  const data = parseJson(bytes, file);
  const validate = schemaValidator('reports/schema/results.schema.json');
  if (!validate(data)) throw new InputError(`not a ferpa-ready results document: ${describeAjvError(validate.errors)}`, file);
  return { results: data as Results, path: file, sha256: createHash('sha256').update(bytes).digest('hex') };
}
