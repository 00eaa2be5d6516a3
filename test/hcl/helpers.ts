import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { evalNode } from '../../checks/sources/hcl/evaluate.js';
import { parseExpression } from '../../checks/sources/hcl/expr.js';
import { readHcl, type HclOptions } from '../../checks/sources/hcl/index.js';
import { EMPTY_HOST } from '../../checks/sources/hcl/variables.js';
import type { Value } from '../../checks/sources/hcl/values.js';
import type { TfRecord, TfSourceResult } from '../../checks/sources/terraform/record.js';

/** Write files (path -> text) into a fresh temporary directory and return it. */
export function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-hcl-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Read a tree of files as one root module (display paths relative to the tree). */
export async function scan(files: Record<string, string>, opts: HclOptions = {}): Promise<TfSourceResult & { dir: string }> {
  const dir = tree(files);
  const r = await readHcl([dir], { root: dir, ...opts });
  return { ...r, dir };
}

export function rec(r: TfSourceResult, address: string): TfRecord {
  const found = r.records.find((x) => x.address === address);
  if (!found) throw new Error(`no record ${address}; have ${r.records.map((x) => x.address).join(', ')}`);
  return found;
}

/** Evaluate a constant expression (no names in scope except the given bindings). */
export function ev(src: string, bindings: Record<string, Value> = {}): Value {
  return evalNode(parseExpression(src), { host: EMPTY_HOST, refs: new Set(), bindings: new Map(Object.entries(bindings)) });
}
