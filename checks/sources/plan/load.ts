import { InputError } from '../../errors.js';
import { decode, readInputBytes } from '../../util/input-file.js';
import { parseJsonInput } from '../../util/json-depth.js';
import { describeAjvError, schemaValidator } from '../../util/schemas.js';
import { isObject, type PlanDocument } from './types.js';

const SUPPORTED_MAJORS = new Set([0, 1]);

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c === 0) return true;
  }
  // Invalid UTF-8 in the head is binary too.
  const head = buf.subarray(0, n).toString('utf8');
  const bad = head.split('\uFFFD').length - 1;
  return bad > 0 && bad * 20 > n;
}

/** Check the format version: every 0.x and 1.x is read; another major is refused. */
function checkFormatVersion(doc: Record<string, unknown>, display: string): void {
  const fv = doc.format_version;
  if (fv === undefined) return;
  const m = typeof fv === 'string' ? /^(\d+)\.\d+/.exec(fv) : null;
  if (!m) throw new InputError(`unrecognised plan format_version ${JSON.stringify(fv)}`, display);
  if (!SUPPORTED_MAJORS.has(Number(m[1]))) throw new InputError(`unsupported plan format_version ${fv}`, display);
}

/**
 * Read and validate a `terraform show -json` plan. Every user-fixable problem (empty, binary, not JSON,
 * a state file, some other JSON) is an InputError naming the file.
 */
export function loadPlanDocument(file: string, display: string): PlanDocument {
  const buf = readInputBytes(file, display, 'a plan JSON file');
  if (buf.length === 0) throw new InputError('empty file, expected the output of `terraform show -json <planfile>`', display);
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    throw new InputError('binary Terraform plan file; convert it with `terraform show -json <planfile> > plan.json`', display);
  }
  if (looksBinary(buf)) throw new InputError('binary file, expected plan JSON from `terraform show -json <planfile>`', display);
  const text = decode(buf, display);
  if (text.trim() === '') throw new InputError('empty file, expected the output of `terraform show -json <planfile>`', display);
  const doc = parseJsonInput(text, display);
  if (!isObject(doc)) {
    const what = Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`;
    throw new InputError(`JSON is ${what}, not a Terraform plan object`, display);
  }
  checkFormatVersion(doc, display);
  const isPlan = 'planned_values' in doc || 'resource_changes' in doc;
  if (!isPlan && isObject(doc.values)) {
    throw new InputError('this is a Terraform state, not a plan; pass `terraform show -json <planfile>` output', display);
  }
  if (!isPlan) throw new InputError('JSON is not a Terraform plan (no planned_values or resource_changes)', display);
  const validate = schemaValidator('checks/sources/plan/plan.schema.json');
  if (!validate(doc)) throw new InputError(`not a Terraform plan as \`terraform show -json\` writes it: ${describeAjvError(validate.errors)}`, display);
  return doc as PlanDocument;
}
