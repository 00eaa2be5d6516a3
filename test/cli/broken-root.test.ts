import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { schemaValidator } from '../../checks/util/schemas.js';
import { cli } from './run.js';

/**
 * One unparsable file among many root modules (issue 12): the broken root is named by its full path and
 * reported as an error of that root, the other roots are still scanned and written out, the run is not
 * stored as if complete, and the exit is 2.
 */
const work = mkdtempSync(join(tmpdir(), 'fr-broken-root-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(dirname(join(work, rel)), { recursive: true });
  writeFileSync(join(work, rel), text);
}

const BROKEN = 'resource "aws_s3_bucket" "x" {\n  bucket = = "x"\n}\n';
write('roots/a/main.tf', 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = true\n}\n');
write('roots/b/main.tf', BROKEN);
write('roots/c/main.tf', 'module "x" {\n  source = "./modules/x"\n}\n');
write('roots/c/modules/x/main.tf', BROKEN);
write('roots/d/main.tf', 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n');

const SYNTAX = ':2:12: Invalid expression';

describe('scan of a folder where two of four root modules cannot be parsed', () => {
  const r = cli(['scan', 'roots', '-f', 'json=out.json', '-f', 'text', '--store', 'store'], { cwd: work });
  const doc = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as Results;

  it('exits 2 after scanning the others, naming each broken file by its full path, one line each', () => {
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`ferpa-ready: roots/b: not scanned: roots/b/main.tf${SYNTAX}; Expected the start of an expression, but found an invalid expression token.`);
    expect(lines.some((l) => l.startsWith(`ferpa-ready: roots/c: not scanned: roots/c/modules/x/main.tf${SYNTAX}`))).toBe(true);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('writes the results of the roots that worked, and records the broken ones as inputs with an error', () => {
    const validate = schemaValidator('reports/schema/results.schema.json');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.inputs.map((i) => [i.path, i.error?.includes(SYNTAX) ?? false])).toEqual([
      ['roots/a', false],
      ['roots/b', true],
      ['roots/c', true],
      ['roots/d', false],
    ]);
    const enc = doc.findings.filter((f) => f.policyId === 'aws-rds-instance-storage-encrypted');
    // in the finding order (checks/engine/order.ts): the worst status first
    expect(enc.map((f) => [f.input, f.status])).toEqual([
      ['roots/d', 'fail'],
      ['roots/a', 'pass'],
    ]);
    expect(doc.diagnostics?.filter((d) => d.level === 'error').map((d) => d.file)).toEqual(['roots/b', 'roots/c']);
    expect(r.stdout).toContain(`error: roots/b: not scanned: roots/b/main.tf${SYNTAX}`);
  });

  it('does not store the run as if it were complete, and says so', () => {
    expect(r.stderr).toMatch(/run not stored: 2 of 4 inputs could not be read/);
    expect(existsSync(join(work, 'store'))).toBe(false);
  });
});

describe('a broken file when it is the only root, or when every root is broken', () => {
  it('names a module file below the root by its path from the working directory', () => {
    const r = cli(['scan', 'roots/c'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^ferpa-ready: roots/c/modules/x/main\\.tf${SYNTAX}`))]);
  });

  it('is one line and exit 2 when nothing could be scanned', () => {
    const r = cli(['scan', 'roots/b', 'roots/c', '-f', 'json=none.json'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ferpa-ready: roots/b/main.tf${SYNTAX}; Expected the start of an expression, but found an invalid expression token. (and 1 other input(s) could not be read)`]);
    expect(existsSync(join(work, 'none.json'))).toBe(false);
  });
});
