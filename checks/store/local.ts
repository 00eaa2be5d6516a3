import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { Store } from './store.js';
import { StoreConflict, type StoreBackend } from './types.js';

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);
}

/** Write bytes to a new temp file next to `path` and flush them to disk; returns the temp path. */
function writeTemp(path: string, bytes: Uint8Array): string {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can open a directory for fsync; the rename is still atomic.
  }
}

/**
 * A store in a local directory: `<dir>/<run>/results.json`, `<dir>/<run>/manifest.json`, `<dir>/HEAD`.
 * Files are created write-once (temp file, then a hard link that fails when the name exists); HEAD
 * is replaced by rename.
 */
export class LocalBackend implements StoreBackend {
  readonly root: string;
  constructor(dir: string) {
    this.root = resolve(dir);
  }

  get location(): string {
    return this.root;
  }

  private path(key: string): string {
    if (key.split('/').some((p) => p === '..' || p === '')) throw new Error(`bad store key ${key}`);
    return join(this.root, ...key.split('/'));
  }

  async exists(): Promise<boolean> {
    try {
      if (!statSync(this.root).isDirectory()) throw new InputError('the store is not a directory', this.root);
      return true;
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return false;
      throw new InputError(`cannot read the store (${errCode(e)})`, this.root);
    }
  }

  async listFolders(): Promise<string[]> {
    try {
      return readdirSync(this.root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch (e) {
      if (errCode(e) === 'ENOENT') return [];
      throw new InputError(`cannot read the store (${errCode(e)})`, this.root);
    }
  }

  async listFiles(folder: string): Promise<string[]> {
    try {
      return readdirSync(this.path(folder)).sort();
    } catch {
      return [];
    }
  }

  async read(key: string): Promise<Uint8Array | null> {
    try {
      return readFileSync(this.path(key));
    } catch (e) {
      const code = errCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw new InputError(`cannot read ${key} (${code})`, this.root);
    }
  }

  async create(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(key);
    let tmp: string | undefined;
    try {
      mkdirSync(dirname(target), { recursive: true });
      tmp = writeTemp(target, bytes);
      try {
        linkSync(tmp, target);
      } catch (e) {
        if (errCode(e) === 'EEXIST') throw new StoreConflict(key, this.root);
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'].includes(errCode(e))) throw e;
        // No hard links on this file system: exclusive create, then write (not atomic, but never overwrites).
        const fd = openSync(target, 'wx', 0o644);
        try {
          // One write call stops at about 2 GiB; loop until every byte is down.
          for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      fsyncDir(dirname(target));
    } catch (e) {
      if (e instanceof StoreConflict) throw e;
      if (errCode(e) === 'EEXIST') throw new StoreConflict(key, this.root);
      throw new InputError(`cannot write ${key} (${errCode(e)})`, this.root);
    } finally {
      if (tmp) rmSync(tmp, { force: true });
    }
  }

  async replace(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(key);
    try {
      mkdirSync(dirname(target), { recursive: true });
      const tmp = writeTemp(target, bytes);
      renameSync(tmp, target);
      fsyncDir(dirname(target));
    } catch (e) {
      throw new InputError(`cannot write ${key} (${errCode(e)})`, this.root);
    }
  }
}

export function openLocalStore(dir: string): Store {
  return new Store(new LocalBackend(dir));
}
