import { resolve } from 'node:path';
import { readInputText } from '../../util/input-file.js';
import { listFolder, type SkippedFile } from '../../util/tree.js';

/** A Terraform configuration file name (`.tf`, `.tf.json`). */
export function isConfigFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/**
 * The configuration files directly in `dir`, sorted (none when it cannot be listed). Entries that
 * are named like one but cannot be read as a file (a broken link, a link loop, a pipe) go to
 * `skipped` when given; a folder named `x.tf` is a folder, as Terraform treats it.
 */
export function listConfigFiles(dir: string, skipped?: SkippedFile[]): string[] {
  const found: SkippedFile[] = [];
  const files = listFolder(dir, isConfigFile, found)?.files ?? [];
  // a folder that cannot be listed at all is a module that cannot be read: told where the call is
  for (const s of found) if (s.path !== dir) skipped?.push(s);
  return files;
}

/** Folders never searched for root modules: tool state, dependencies, hidden folders. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Every folder at or below `dir` holding configuration files (hidden folders, .terraform and
 * node_modules skipped). Links to folders are not followed (checks/util/tree.ts), so a link loop or a
 * link out of the tree is never walked.
 */
function configDirs(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    const listed = listFolder(d, isConfigFile, []);
    if (!listed) continue;
    if (listed.files.length) out.push(d);
    for (let i = listed.dirs.length - 1; i >= 0; i--) {
      const e = listed.dirs[i]!;
      if (!skipped(e.name)) stack.push(resolve(d, e.name));
    }
  }
  return out;
}

/**
 * Folders a directory calls as local modules. Terraform requires a module `source` to be a literal, and
 * a local one to start with ./ or ../, so the text is enough; a `source` of another block that happens
 * to name a folder with configuration only keeps that folder from being scanned as a root of its own.
 */
function localModuleDirs(dir: string): string[] {
  const out: string[] = [];
  for (const file of listConfigFiles(dir)) {
    let text: string;
    try {
      text = readInputText(file, file);
    } catch {
      continue; // reported when the module is read
    }
    const re = file.endsWith('.json') ? /"source"\s*:\s*"(\.{1,2}\/[^"]*)"/g : /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;
    for (const m of text.matchAll(re)) out.push(resolve(dir, m[1]!));
  }
  return out;
}

/**
 * The root modules to scan for a directory given on the command line: the directory itself when it
 * holds configuration files; otherwise every folder below it that holds some and is not called as a
 * local module by another (a repository with environments/dev, environments/prod and modules/).
 */
export function rootModules(dir: string): string[] {
  if (listConfigFiles(dir).length) return [dir];
  const candidates = configDirs(dir);
  const called = new Set<string>();
  for (const c of candidates) for (const m of localModuleDirs(c)) if (m !== c) called.add(m);
  return candidates.filter((c) => !called.has(c));
}
