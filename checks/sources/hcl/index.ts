import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { readInputText } from '../../util/input-file.js';
import type { SkippedFile } from '../../util/tree.js';
import type { TfRecord, TfSourceResult } from '../terraform/record.js';
import { buildConfig, type ModuleConfig } from './config.js';
import { ModuleInstance, resolveSource, type EvalContext } from './module.js';
import { ParsePool, parseFile, type ParsedFile } from './parse.js';
import { ParseCache } from './parse-cache.js';
import { rootVariables } from './variables.js';

export interface HclOptions {
  vars?: Record<string, string>;
  varFiles?: string[];
  env?: Record<string, string | undefined>;
  /** The root module's directory: display paths are relative to it (default: the working directory). */
  root?: string;
  /** Display paths relative to this instead of `root` (the scan pipeline: the working directory). */
  displayRoot?: string;
  /** Worker threads for the WASM syntax parser when many texts need it (default: one if there is a spare core; 0 = main thread only). */
  parseWorkers?: number;
  /** `scan --cache`: keep parsed files in this directory across runs (parse-cache.ts). */
  cache?: string;
}

export type { Suppression } from './module.js';

import { isConfigFile, listConfigFiles } from './files.js';

const MAX_MODULE_DEPTH = 32;


/** The workspace Terraform would use: TF_WORKSPACE, else the one `terraform workspace select` wrote; undefined when neither. */
function selectedWorkspace(rootDir: string, env: Record<string, string | undefined> | undefined): string | undefined {
  const fromEnv = env?.TF_WORKSPACE?.trim();
  if (fromEnv) return fromEnv;
  const file = join(rootDir, '.terraform', 'environment');
  if (!existsSync(file)) return undefined;
  // a workspace name is a line; anything else there (a pipe, a folder, a large file) is not one: unknown
  try {
    const name = readInputText(file, file, 'a file', 4096).trim();
    return /^[\w.-]{1,90}$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** `.terraform/modules/modules.json`: installed (registry, git) modules by key path. */
function readInstalled(rootDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(rootDir, '.terraform', 'modules', 'modules.json');
  if (!existsSync(file)) return out;
  try {
    const doc = JSON.parse(readInputText(file, file)) as { Modules?: Array<{ Key?: string; Dir?: string }> };
    for (const m of doc.Modules ?? []) if (m.Key && m.Dir) out.set(m.Key, resolve(rootDir, m.Dir));
  } catch {
    // unreadable manifest: modules stay opaque
  }
  return out;
}

/**
 * Read Terraform HCL statically: no `terraform init`, credentials or plan. Each directory in
 * `paths` is a root module; individual files in the same directory form one root module.
 * Produces the same records as the plan source (`source: 'hcl'`).
 */
export async function readHcl(paths: string[], opts: HclOptions = {}): Promise<TfSourceResult> {
  const displayRoot = resolve(opts.displayRoot ?? opts.root ?? process.cwd());
  const display = (p: string): string => relative(displayRoot, p).split('\\').join('/') || basename(p);
  // group inputs into root modules
  const roots = new Map<string, string[] | undefined>();
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new InputError('no such file or directory', p);
    }
    if (st.isDirectory()) roots.set(abs, undefined);
    else {
      if (!isConfigFile(abs)) throw new InputError('not a Terraform file (.tf or .tf.json)', p);
      const dir = dirname(abs);
      if (roots.has(dir) && roots.get(dir) === undefined) continue;
      roots.set(dir, [...(roots.get(dir) ?? []), abs]);
    }
  }

  const cache = opts.cache ? new ParseCache(opts.cache) : undefined;
  const pool = new ParsePool(opts.parseWorkers, undefined, cache);
  try {
    return await readRoots(roots, opts, display, displayRoot, pool);
  } finally {
    await pool.close();
    await cache?.flush();
  }
}

async function readRoots(roots: Map<string, string[] | undefined>, opts: HclOptions, display: (p: string) => string, displayRoot: string, pool: ParsePool): Promise<TfSourceResult> {
  // each file parses once per run, whichever modules (and how many instances of them) use it
  const parsed = new Map<string, Promise<ParsedFile>>();
  const parse = (file: string): Promise<ParsedFile> => {
    let p = parsed.get(file);
    if (!p) {
      p = parseFile(file, display(file), pool);
      parsed.set(file, p);
    }
    return p;
  };
  const configs = new Map<string, ModuleConfig>();
  const result: TfSourceResult & { suppressions: NonNullable<TfSourceResult['suppressions']>; providers: TfRecord[]; warnings: string[] } = { records: [], providers: [], notes: [], warnings: [], regions: {}, suppressions: [], opaqueModules: [], unreadModules: [] };
  // files named like configuration that are not readable files (broken links, link loops, pipes):
  // there is nothing in them to read, so they are skipped and named, once each
  const skipped: SkippedFile[] = [];
  const told = new Set<string>();
  const tellSkipped = (): void => {
    for (const s of skipped.splice(0)) {
      if (told.has(s.path)) continue;
      told.add(s.path);
      // named from the working directory: the warning stands alone on stderr, whichever root it came from
      result.warnings.push(`${relative(process.cwd(), s.path) || s.path}: skipped: ${s.reason}`);
    }
  };

  for (const [rootDir, files] of roots) {
    const installed = readInstalled(rootDir);
    // discover modules: walk calls breadth-first, parse each directory once
    const loading = new Map<string, Promise<ModuleConfig | undefined>>();
    const load = (dir: string, only?: string[]): Promise<ModuleConfig | undefined> => {
      const key = only ? `${dir}\0${only.join('\0')}` : dir;
      const have = configs.get(key);
      if (have) return Promise.resolve(have);
      let p = loading.get(key);
      if (!p) {
        p = (async () => {
          const list = only ?? listConfigFiles(dir, skipped);
          if (!list.length) return undefined;
          const cfg = buildConfig(dir, await Promise.all(list.map(parse)));
          configs.set(key, cfg);
          return cfg;
        })();
        loading.set(key, p);
      }
      return p;
    };
    const rootCfg = await load(rootDir, files);
    if (!rootCfg) {
      tellSkipped();
      result.notes.push(`${display(rootDir)}: no Terraform files`);
      continue;
    }
    if (files) configs.set(rootDir, rootCfg);
    // discover module directories level by level; every directory of a level parses at once
    let level: Array<{ cfg: ModuleConfig; keyPath: string; depth: number }> = [{ cfg: rootCfg, keyPath: '', depth: 0 }];
    const seen = new Set<string>();
    while (level.length) {
      const calls: Array<{ dir: string; kp: string; depth: number }> = [];
      for (const { cfg, keyPath, depth } of level) {
        if (depth > MAX_MODULE_DEPTH) continue;
        for (const [name, call] of cfg.modules) {
          const kp = keyPath ? `${keyPath}.${name}` : name;
          const dir = resolveSource(cfg.dir, call.source, kp, installed);
          if (dir) calls.push({ dir, kp, depth: depth + 1 });
        }
      }
      const children = await Promise.all(calls.map((c) => load(c.dir)));
      level = [];
      calls.forEach((c, i) => {
        const child = children[i];
        const mark = `${c.dir}|${c.kp}`;
        if (child && !seen.has(mark)) {
          seen.add(mark);
          level.push({ cfg: child, keyPath: c.kp, depth: c.depth });
        }
      });
    }
    const allowedDirs = [rootDir, ...[...configs.values()].map((c) => c.dir)];
    if (opts.root) allowedDirs.push(resolve(opts.root));
    const ctx: EvalContext = {
      configs,
      rootDir,
      installed,
      notes: result.notes,
      unreadModules: result.unreadModules!,
      records: result.records,
      providers: result.providers,
      suppressions: result.suppressions,
      stack: [],
      allowedDirs: [...new Set(allowedDirs)],
      files: new Map(),
      workspace: { name: selectedWorkspace(rootDir, opts.env), noted: false },
    };
    tellSkipped();
    const vars = await rootVariables(rootCfg, rootDir, { vars: opts.vars, varFiles: opts.varFiles, env: opts.env, displayRoot, warnings: result.warnings, notes: result.notes });
    const root = new ModuleInstance(ctx, rootCfg, '', '', [rootDir], (n) => (vars.has(n) ? { value: vars.get(n) ?? null, refs: new Set() } : undefined), new Map());
    root.collect();
    Object.assign(result.regions as Record<string, string>, root.regions());
  }
  const seenSup = new Set<string>();
  result.opaqueModules = result.unreadModules!.map((m) => m.address);
  result.suppressions = result.suppressions.filter((s) => {
    const k = `${s.policy}|${s.address}|${s.file}|${s.line}`;
    if (seenSup.has(k)) return false;
    seenSup.add(k);
    return true;
  });
  return result;
}
