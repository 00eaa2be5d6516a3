// Reports are pure renderers: they read a results document and policy metadata, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../reports', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('reports/ import boundaries', () => {
  it('finds the renderers', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'json.ts', 'sarif.ts', 'junit.ts', 'markdown.ts', 'text.ts', 'types.ts']));
  });

  it('no report imports the engine runner, sources, adapters, pipeline or CLI', () => {
    const bad = files.flatMap((f) => importsOf(f).filter((i) => /checks\/(engine\/run|sources|adapters|pipeline|cli)\b/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });

  it('the scan renderers read only result types, the finding order, redaction, the error type and each other, and touch no I/O', () => {
    // Besides those, two pure helpers: pieces of JSON text (json-chunks) and push/max without argument spreads.
    const allowed = new Set(['../checks/engine/types.js', '../checks/engine/order.js', '../checks/engine/redact.js', '../checks/errors.js', '../checks/util/json-chunks.js', '../checks/util/push-all.js']);
    const mine = files.filter((f) => !/^(html|pdf|ferpa)/.test(f) && !f.startsWith('schema') && f !== 'formats.ts');
    const bad = mine.flatMap((f) => importsOf(f).filter((i) => !allowed.has(i) && !/^\.\/[a-z-]+\.js$/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
    for (const f of mine) expect(readFileSync(join(root, f), 'utf8')).not.toMatch(/\b(Date\.now|new Date\(|process\.|Math\.random)/);
  });

  it('the table of output formats imports the scan renderers, and the readiness report only when one of its formats is used', () => {
    const text = readFileSync(join(root, 'formats.ts'), 'utf8');
    const statics = [...text.matchAll(/^import (type )?[^'"]*?from '([^']+)'/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! }));
    expect(statics.filter((i) => !/^\.\/[a-z-]+\.js$/.test(i.from) && !(i.typeOnly && i.from.startsWith('./ferpa/')))).toEqual([]);
    for (const m of ['html', 'pdf', 'markdown', 'json']) expect(text).toContain(`import('./ferpa/${m}.js')`);
    expect(text).not.toMatch(/\b(Date\.now|new Date\(|process\.|Math\.random)/);
  });
});
