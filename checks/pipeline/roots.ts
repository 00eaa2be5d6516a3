import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/types.js';
import { STATUS_RANK } from '../engine/order.js';
import type { ClassifiedInput } from './inputs.js';

/**
 * Keeping the inputs of one scan apart (several root modules, several plans).
 *
 * - A scan of one root module (or one plan) keeps the ids, files and outputs it always had.
 * - With several inputs of one source, each has a *scope*: its path relative to the deepest directory
 *   holding every input of that source as given (`scan envs/` -> `prod`, `staging`; `scan good bad`
 *   -> `good`, `bad`). The scope joins the finding id's key, and HCL files are shown relative to that
 *   directory (`prod/main.tf`), so the same address in two roots is two findings.
 * - Account-level findings (the synthetic `aws.account` of a Terraform scan) take no scope: there is one
 *   per account and region, not one per input; `mergeSameId` keeps the worst verdict of the inputs.
 */

/** Where one group of inputs (a root module, a plan, a snapshot) sits in the scan. */
export interface GroupPlace {
  /** Part of the finding id key; undefined when the group is the only one of its source. */
  scope?: string;
  /** Findings' `input` (the group's path as listed in results `inputs`); set with `scope`. */
  input?: string;
  /** HCL: the directory finding files are shown relative to (absolute), and as given (relative to cwd). */
  fileBase?: string;
  fileBaseDisplay?: string;
}

const posix = (p: string): string => p.split(sep).join('/');

/** The deepest directory that holds every one of `dirs` (absolute paths). */
export function commonDir(dirs: string[]): string {
  let base = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (base !== d && !d.startsWith(base.endsWith(sep) ? base : base + sep)) {
      const up = dirname(base);
      if (up === base) break;
      base = up;
    }
  }
  return base;
}

/** The directory an HCL group is: the folder given, or the folder of the .tf files given. */
export function hclRootDir(i: ClassifiedInput): string {
  return i.kind === 'hcl-dir' ? i.path : dirname(i.path);
}

/**
 * Places of the groups (by their first input), in order. `givenHclDirs` are the HCL directories as the
 * user named them (before a folder without configuration was expanded into the root modules below it).
 */
export function placeGroups(firsts: ClassifiedInput[], givenHclDirs: string[], cwd: string): GroupPlace[] {
  const hcl = firsts.filter((i) => i.kind === 'hcl-dir' || i.kind === 'hcl-file');
  const plans = firsts.filter((i) => i.kind === 'plan');
  const hclBase = hcl.length > 1 ? commonDir([...givenHclDirs, ...hcl.map(hclRootDir)]) : undefined;
  const planBase = plans.length > 1 ? commonDir(plans.map((p) => dirname(p.path))) : undefined;
  return firsts.map((i): GroupPlace => {
    if (i.kind === 'hcl-dir' || i.kind === 'hcl-file') {
      const root = hclRootDir(i);
      const fileBase = hclBase ?? root;
      const place: GroupPlace = { fileBase, fileBaseDisplay: posix(relative(cwd, fileBase)) || '.' };
      if (hclBase !== undefined) {
        place.scope = posix(relative(hclBase, root)) || '.';
        place.input = i.display;
      }
      return place;
    }
    if (i.kind === 'plan' && planBase !== undefined) return { scope: posix(relative(planBase, i.path)), input: i.display };
    return {};
  });
}

/** `file` as read (relative to `cwd`) made relative to `base`: memoised, it runs once per finding. */
export function rebaser(cwd: string, base: string): (file: string | null) => string | null {
  const seen = new Map<string, string>();
  return (file) => {
    if (!file) return file;
    let out = seen.get(file);
    if (out === undefined) {
      out = posix(relative(base, resolve(cwd, file))) || file;
      seen.set(file, out);
    }
    return out;
  };
}

/**
 * One finding per id: when several inputs give the same id (account-level findings of several root
 * modules, one resource in two snapshots), the worst verdict stands (fail, error, unknown, pass), the
 * first input's on a tie, so a pass in one input never hides a failure or an unknown in another.
 */
export function mergeSameId(findings: Finding[]): Finding[] {
  const byId = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const at = byId.get(f.id);
    if (at === undefined) {
      byId.set(f.id, out.length);
      out.push(f);
    } else if (STATUS_RANK[f.status] < STATUS_RANK[out[at]!.status]) out[at] = f;
  }
  return out;
}
