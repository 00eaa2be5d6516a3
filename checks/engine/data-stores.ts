import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml } from '../util/yaml.js';
import { InputError } from '../errors.js';
import { KINDS } from '../model/kinds/index.js';
import { describeAjvError, schemaValidator } from '../util/schemas.js';

/** One kind of AWS data store (policies/data-stores.yaml). */
export interface DataStoreEntry {
  name: string;
  category: string;
  terraform: string[];
  live: string[];
  kinds?: string[];
  why: string;
}

/** The data-store list with lookups by Terraform type, live type and model kind. */
export interface DataStores {
  entries: DataStoreEntry[];
  /** The entry a raw resource type (Terraform or live) belongs to. */
  ofType(type: string): DataStoreEntry | undefined;
  /** Model kinds of data stores. */
  kinds: ReadonlySet<string>;
}

export const DATA_STORES_FILE = 'data-stores.yaml';

/** Read and validate policies/data-stores.yaml: schema, real model kinds, each type listed once. */
export function loadDataStoreEntries(dir: string): DataStoreEntry[] {
  const file = join(dir, DATA_STORES_FILE);
  const shown = relative(join(dir, '..'), file) || file;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read the data-store list: ${(e as Error).message.split('\n')[0]}`, shown);
  }
  const validate = schemaValidator('policies/schema/data-stores.schema.json');
  if (!validate(data)) throw new InputError(describeAjvError(validate.errors), shown);
  const entries = (data as { stores: DataStoreEntry[] }).stores;
  const seen = new Map<string, string>();
  entries.forEach((e, i) => {
    for (const k of e.kinds ?? []) if (!KINDS[k]) throw new InputError(`/stores/${i}/kinds: unknown model kind "${k}"`, shown);
    for (const t of [...e.terraform, ...e.live]) {
      if (seen.has(t)) throw new InputError(`/stores/${i}: type "${t}" is already listed under "${seen.get(t)}"`, shown);
      seen.set(t, e.name);
    }
  });
  return entries;
}

export function indexDataStores(entries: DataStoreEntry[]): DataStores {
  const byType = new Map<string, DataStoreEntry>();
  const kinds = new Set<string>();
  for (const e of entries) {
    for (const t of [...e.terraform, ...e.live]) byType.set(t, e);
    for (const k of e.kinds ?? []) kinds.add(k);
  }
  return { entries, ofType: (type) => byType.get(type), kinds };
}
