import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { extname, relative } from 'node:path';
import { InputError } from '../errors.js';
import { readFailure, statInputFile } from '../util/input-file.js';
import { walkFiles } from '../util/tree.js';

export type InputKind = 'hcl-dir' | 'hcl-file' | 'plan' | 'snapshot';

export interface ClassifiedInput {
  kind: InputKind;
  path: string;
  /** Path as shown in output (relative to cwd). */
  display: string;
}

// O_NONBLOCK: opening a named pipe must never wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function head(file: string, display: string, bytes = 4096): string {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw new InputError(readFailure(e), display);
  }
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch (e) {
    throw new InputError(readFailure(e), display);
  } finally {
    closeSync(fd);
  }
}

/** Decide what each path is: a Terraform directory or file, a plan JSON, or a live snapshot. */
export function classify(path: string, cwd = process.cwd()): ClassifiedInput {
  const display = relative(cwd, path) || '.';
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw new InputError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : readFailure(e), display);
  }
  if (st.isDirectory()) return { kind: 'hcl-dir', path, display };
  statInputFile(path, display, 'a Terraform directory, .tf file, plan JSON or snapshot');
  if (path.endsWith('.tf') || path.endsWith('.tf.json')) return { kind: 'hcl-file', path, display };
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '' || ext === '.tfplan') {
    if (st.size > 0 && /"snapshotVersion"\s*:/.test(head(path, display))) return { kind: 'snapshot', path, display };
    return { kind: 'plan', path, display };
  }
  throw new InputError('not a Terraform directory, .tf file, plan JSON or snapshot', display);
}

const WHAT: Record<InputKind, string> = {
  'hcl-dir': 'is a folder',
  'hcl-file': 'is a Terraform source file',
  plan: 'is a plan',
  snapshot: 'is a live snapshot',
};
const EXPECTED: Record<InputKind, string> = {
  'hcl-dir': 'a Terraform folder',
  'hcl-file': 'a Terraform file',
  plan: 'a plan JSON file (terraform show -json)',
  snapshot: 'a live snapshot (ferpa-ready audit --snapshot-out)',
};

/**
 * Classify a path given to an option that names its kind (`--plan`, `--snapshot`): anything else is
 * one line naming the option, never another kind of scan (drift of a .tf file would be "no drift").
 */
export function classifyAs(path: string, want: InputKind, option: string, cwd = process.cwd()): ClassifiedInput {
  const input = classify(path, cwd);
  if (input.kind !== want) throw new InputError(`${WHAT[input.kind]}, expected ${EXPECTED[want]}`, `${option} ${input.display}`);
  return input;
}

/** Feed a regular file to a hash in chunks (no size limit: hashing holds one chunk at a time). */
function hashFile(h: Hash, file: string, display: string): void {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw new InputError(readFailure(e), display);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new InputError('not a regular file', display);
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(readFailure(e), display);
  } finally {
    closeSync(fd);
  }
}

/**
 * SHA-256 of a file, or of a directory's Terraform files (path and content, sorted), for the inputs
 * list. The directory walk is the one every Terraform tree walk uses (checks/util/tree.ts): links to
 * folders are not followed and entries that are not regular files are left out.
 */
export function hashInput(input: ClassifiedInput): string {
  const h = createHash('sha256');
  if (input.kind !== 'hcl-dir') {
    hashFile(h, input.path, input.display);
    return h.digest('hex');
  }
  const { files } = walkFiles(input.path, {
    match: (name) => /\.(tf|tf\.json|tfvars)$/.test(name),
    skipDir: (name) => name === '.terraform' || name === 'node_modules',
  });
  const rel = files.map((f) => relative(input.path, f)).sort();
  for (const f of rel) {
    h.update(f);
    h.update('\0');
    try {
      hashFile(h, `${input.path}/${f}`, f);
    } catch (e) {
      // a file below the root that no module reads (those fail the scan first): its name stands in
      h.update(`unreadable: ${(e as Error).message}`);
    }
    h.update('\0');
  }
  return h.digest('hex');
}
