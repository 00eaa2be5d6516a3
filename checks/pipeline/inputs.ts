import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { InputError } from '../errors.js';

export type InputKind = 'hcl-dir' | 'hcl-file' | 'plan' | 'snapshot';

export interface ClassifiedInput {
  kind: InputKind;
  path: string;
  /** Path as shown in output (relative to cwd). */
  display: string;
}

function head(file: string, bytes = 4096): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Decide what each path is: a Terraform directory or file, a plan JSON, or a live snapshot. */
export function classify(path: string, cwd = process.cwd()): ClassifiedInput {
  const display = relative(cwd, path) || '.';
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError('no such file or directory', display);
  }
  if (st.isDirectory()) return { kind: 'hcl-dir', path, display };
  if (path.endsWith('.tf') || path.endsWith('.tf.json')) return { kind: 'hcl-file', path, display };
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '' || ext === '.tfplan') {
    if (st.size > 0 && /"snapshotVersion"\s*:/.test(head(path))) return { kind: 'snapshot', path, display };
    return { kind: 'plan', path, display };
  }
  throw new InputError('not a Terraform directory, .tf file, plan JSON or snapshot', display);
}

/** SHA-256 of a file, or of a directory's Terraform files (path and content, sorted), for the inputs list. */
export function hashInput(input: ClassifiedInput): string {
  const h = createHash('sha256');
  if (input.kind !== 'hcl-dir') {
    h.update(readFileSync(input.path));
    return h.digest('hex');
  }
  const files = readdirSync(input.path, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tf|tf\.json|tfvars)$/.test(f) && !f.split(/[\\/]/).some((s) => s === '.terraform' || s === 'node_modules'))
    .sort();
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(input.path, f)));
    h.update('\0');
  }
  return h.digest('hex');
}
