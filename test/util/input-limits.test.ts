import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import { hclNestingProblem } from '../../checks/sources/hcl/depth.js';
import { formatSize, parseSize } from '../../checks/util/input-file.js';
import { excessJsonNesting, jsonNestingProblem, valueNestingProblem } from '../../checks/util/json-depth.js';
import { walkFiles } from '../../checks/util/tree.js';

describe('HCL nesting is measured on the text, as the parser will see it', () => {
  const deep = (n: number): string => `${'['.repeat(n)}1${']'.repeat(n)}`;

  it('counts brackets, braces and parentheses in code, and says where the limit is passed', () => {
    expect(hclNestingProblem(`a = ${deep(4)}\n`, 4)).toBeUndefined();
    expect(hclNestingProblem(`x = 1\na = ${deep(5)}\n`, 4)).toEqual({ line: 2, column: 9, limit: 4 });
    expect(hclNestingProblem('a = ((((((1))))))\n', 5)?.line).toBe(1);
  });

  it('does not count brackets inside strings, comments or heredocs', () => {
    const text = [
      `a = "${'['.repeat(50)}"`,
      `# ${'{'.repeat(50)}`,
      `// ${'('.repeat(50)}`,
      `/* ${'['.repeat(50)}\n${'['.repeat(50)} */`,
      `b = <<EOT\n${'{'.repeat(50)}\nEOT`,
      `c = <<-EOT\n  ${'('.repeat(50)}\n  EOT`,
      'd = "escaped \\" quote [[[["',
      'e = "$${literal} %%{also}"',
    ].join('\n');
    expect(hclNestingProblem(text, 3)).toBeUndefined();
  });

  it('counts template interpolations in strings and heredocs, at any depth', () => {
    expect(hclNestingProblem('a = "${"${"${x}"}"}"\n', 5)).toEqual({ line: 1, column: 12, limit: 5 });
    expect(hclNestingProblem('a = <<EOT\n${[[[[x]]]]}\nEOT\n', 4)?.line).toBe(2);
    expect(hclNestingProblem('a = <<EOT\n${[[[[x]]]]}\nEOT\n', 6)).toBeUndefined();
  });
});

describe('JSON nesting is measured before parsing', () => {
  it('skips strings (with escaped quotes) and gives the offset of the first level too deep', () => {
    expect(excessJsonNesting('{"a":"[[[[\\"[[["}', 2)).toBe(-1);
    expect(excessJsonNesting('{"a":[[1]]}', 2)).toBe(6);
    expect(jsonNestingProblem('{\n "a": [[1]]}', 2)).toBe('nested deeper than 2 levels (at line 2, column 8)');
  });

  it('names the JSON pointer of a parsed value nested too deeply (YAML documents)', () => {
    expect(valueNestingProblem({ a: [{ 'b/c': { d: 1 } }] }, 3)).toBe('/a/0/b~1c: nested deeper than 3 levels');
    expect(valueNestingProblem({ a: [{ b: 1 }] }, 3)).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueNestingProblem(cyclic, 3)).toBeUndefined();
  });
});

describe('--max-input-size', () => {
  it('reads binary units and refuses what is not a size', () => {
    expect(parseSize('512MB')).toBe(512 * 1024 * 1024);
    expect(parseSize('1gb')).toBe(1024 ** 3);
    expect(parseSize('300k')).toBe(300 * 1024);
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('1.5 MB')).toBe(1.5 * 1024 * 1024);
    for (const bad of ['', 'lots', '-1MB', '0', '5XB']) expect(() => parseSize(bad), bad).toThrow(InputError);
    expect(formatSize(256 * 1024 * 1024)).toBe('256 MB');
    expect(formatSize(2 * 1024 ** 3)).toBe('2 GB');
  });
});

describe('folder walks', () => {
  it('never enter a link to a folder, report links that lead nowhere, and treat a folder named x.tf as a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'frwalk-'));
    mkdirSync(join(root, 'a/b'), { recursive: true });
    writeFileSync(join(root, 'a/main.tf'), '');
    writeFileSync(join(root, 'a/b/inner.tf'), '');
    symlinkSync('..', join(root, 'a/b/up'));
    symlinkSync('.', join(root, 'a/self'));
    symlinkSync('/', join(root, 'a/outside'));
    symlinkSync(join(root, 'nowhere.tf'), join(root, 'a/gone.tf'));
    symlinkSync('loop.tf', join(root, 'a/loop.tf'));
    symlinkSync(join(root, 'a/main.tf'), join(root, 'a/b/linked.tf'));
    mkdirSync(join(root, 'a/x.tf'));
    mkdirSync(join(root, 'a/node_modules'));
    writeFileSync(join(root, 'a/node_modules/dep.tf'), '');
    const { files, skipped } = walkFiles(root, { match: (n) => n.endsWith('.tf'), skipDir: (n) => n === 'node_modules' });
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a/b/inner.tf', 'a/b/linked.tf', 'a/main.tf']);
    expect(skipped.map((s) => [s.path.slice(root.length + 1), s.reason])).toEqual([
      ['a/gone.tf', 'broken symbolic link (file not found)'],
      ['a/loop.tf', 'broken symbolic link (symbolic link loop)'],
    ]);
  });
});
