// The application checks as data: policies/app/<id>.app.yaml, each validated by
// policies/schema/app-check.schema.json (ajv). Their FERPA controls come from the framework file
// (`appChecks` of each control, results.ts), never from here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ConfigError } from '../src/errors.js';
import { controlsByCheck, packageRoot, type Category, type Severity } from './results.js';

export interface AppCheck {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  /** What one finding is about (its resource address). */
  judges: string;
  description: string;
  remediation: string;
  /** FERPA control ids, from the framework file. */
  controls: string[];
}

const SUFFIX = '.app.yaml';

/** The folder of the check files and the schema they follow. */
export function appCheckPaths(root = packageRoot()): { dir: string; schema: string } {
  return { dir: join(root, 'policies', 'app'), schema: join(root, 'policies', 'schema', 'app-check.schema.json') };
}

/**
 * Every check file, validated, by id. The suite passes the ids it implements: a file without an
 * implementation, or an implementation without a file, is an error of the installation (one line).
 */
export function loadAppChecks(implemented: readonly string[], root = packageRoot()): Map<string, AppCheck> {
  const { dir, schema } = appCheckPaths(root);
  const validate = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(schema, 'utf8')) as object);
  const byControl = controlsByCheck(root);
  const checks = new Map<string, AppCheck>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).sort()) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`, file);
    }
    if (!validate(data)) {
      const e = validate.errors![0]!;
      throw new ConfigError(`${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`, file);
    }
    const check = data as Omit<AppCheck, 'controls'>;
    if (`${check.id}${SUFFIX}` !== name) throw new ConfigError(`id ${check.id} does not match the file name`, file);
    if (!implemented.includes(check.id)) throw new ConfigError(`the conformance suite does not implement ${check.id}`, file);
    checks.set(check.id, { ...check, controls: byControl.get(check.id) ?? [] });
  }
  const missing = implemented.filter((id) => !checks.has(id));
  if (missing.length) throw new ConfigError(`no check file for ${missing.join(', ')} (the suite implements them)`, dir);
  return checks;
}
