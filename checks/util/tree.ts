import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { readFailure } from './input-file.js';

/**
 * Directory walks over user folders (Terraform trees, policy folders). A walk never follows a
 * symbolic link to a folder (like git, find and tflint --recursive), so it cannot leave the tree or go
 * round a loop; a link to a file is followed, and one that leads nowhere (missing target, a loop of
 * links, a folder, a pipe or device) is reported as skipped instead of read.
 */

export interface SkippedFile {
  path: string;
  /** `broken symbolic link (file not found)`, `not a regular file`, ... */
  reason: string;
}

export interface WalkOptions {
  /** File names to return (`.tf`, `.policy.yaml`, ...). */
  match: (name: string) => boolean;
  /** Folder names not to enter (besides links to folders, which are never entered). */
  skipDir?: (name: string) => boolean;
}

export interface WalkResult {
  /** Absolute paths of matching regular files (links to regular files included), sorted by path. */
  files: string[];
  skipped: SkippedFile[];
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Why a matching directory entry is not a readable regular file, or undefined when it is one. */
export function entryProblem(path: string, entry: Dirent): string | undefined {
  if (entry.isFile()) return undefined;
  if (entry.isSymbolicLink()) {
    try {
      const st = statSync(path);
      if (st.isFile()) return undefined;
      return st.isDirectory() ? 'a link to a folder, not a file' : 'a link to something that is not a regular file';
    } catch (e) {
      return `broken symbolic link (${readFailure(e).replace(/^cannot read file \((.*)\)$/, '$1')})`;
    }
  }
  return 'not a regular file';
}

/**
 * The entries of one folder, sorted, or undefined when it cannot be listed (reported as skipped).
 * Matching entries that are folders are not files and are neither returned nor reported: a folder
 * named `x.tf` is a folder.
 */
export function listFolder(dir: string, match: (name: string) => boolean, skipped: SkippedFile[]): { files: string[]; dirs: Dirent[] } | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ path: dir, reason: readFailure(e).replace(/^cannot read file/, 'cannot list folder') });
    return undefined;
  }
  entries.sort(byName);
  const files: string[] = [];
  const dirs: Dirent[] = [];
  for (const e of entries) {
    if (e.isDirectory()) {
      dirs.push(e);
      continue;
    }
    if (!match(e.name)) continue;
    const path = join(dir, e.name);
    const problem = entryProblem(path, e);
    if (problem === undefined) files.push(path);
    else if (problem !== 'a link to a folder, not a file') skipped.push({ path, reason: problem });
  }
  return { files, dirs };
}

/** Every matching regular file at or below `root` (iterative: folder depth costs no stack). */
export function walkFiles(root: string, opts: WalkOptions): WalkResult {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    const listed = listFolder(dir, opts.match, skipped);
    if (!listed) continue;
    for (const f of listed.files) files.push(f);
    for (let i = listed.dirs.length - 1; i >= 0; i--) {
      const d = listed.dirs[i]!;
      if (!opts.skipDir?.(d.name)) stack.push(join(dir, d.name));
    }
  }
  files.sort();
  return { files, skipped };
}
