import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheIsCurrent, policiesHash, readCoreCache, writeCoreCache, type CoreCatalog } from '../../checks/engine/catalog-cache.js';
import { CORE_POLICY_DIR } from '../../checks/engine/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'fr-policies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cached core catalog (dist/catalog.json)', () => {
  it('is keyed by every file under policies/: content, name and new files all change the key', () => {
    mkdirSync(join(dir, 'frameworks'));
    writeFileSync(join(dir, 'a.policy.yaml'), 'id: a\n');
    writeFileSync(join(dir, 'frameworks/ferpa.yaml'), 'version: 1\n');
    const first = policiesHash(dir);
    expect(policiesHash(dir)).toBe(first);
    writeFileSync(join(dir, 'frameworks/ferpa.yaml'), 'version: 2\n');
    const second = policiesHash(dir);
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'b.policy.yaml'), 'id: b\n');
    expect(policiesHash(dir)).not.toBe(second);
  });

  it('is never read by the TypeScript sources (only the compiled build trusts its own cache)', () => {
    expect(readCoreCache(CORE_POLICY_DIR)).toBeUndefined();
  });

  it('trusts unchanged files without reading them, and falls back to the content hash when any file changed, moved or was added', () => {
    const d = mkdtempSync(join(tmpdir(), 'fr-policies-quick-'));
    try {
      writeFileSync(join(d, 'a.policy.yaml'), 'id: a\n');
      writeFileSync(join(d, 'b.policy.yaml'), 'id: b\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120); // files older than the cache's clock margin
      const file = join(d, '..', `${d.split('/').pop()}.catalog.json`);
      const core = { policies: [{ id: 'marker' }] } as unknown as CoreCatalog;
      expect(writeCoreCache(file, d, () => core)).toBe(true);
      const cached = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof cacheIsCurrent>[0] & { core: CoreCatalog };
      rmSync(file);
      expect(cached.core).toEqual(core);
      expect(cached.files).toEqual(['a.policy.yaml', 'b.policy.yaml']);
      expect(cacheIsCurrent(cached, d)).toBe(true);
      // a wrong hash shows which path decided: the quick path never reads it while nothing changed
      expect(cacheIsCurrent({ ...cached, policiesSha256: 'x' }, d)).toBe(true);
      writeFileSync(join(d, 'b.policy.yaml'), 'id: b\n'); // same bytes, newer change time: the hash decides
      expect(cacheIsCurrent({ ...cached, policiesSha256: 'x' }, d)).toBe(false);
      expect(cacheIsCurrent(cached, d)).toBe(true);
      writeFileSync(join(d, 'b.policy.yaml'), 'id: changed\n');
      expect(cacheIsCurrent(cached, d)).toBe(false);
      writeFileSync(join(d, 'b.policy.yaml'), 'id: b\n');
      renameSync(join(d, 'a.policy.yaml'), join(d, 'c.policy.yaml'));
      expect(cacheIsCurrent(cached, d)).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('is not written when policies/ changes while the catalog loads', () => {
    const d = mkdtempSync(join(tmpdir(), 'fr-policies-race-'));
    try {
      writeFileSync(join(d, 'a.policy.yaml'), 'id: a\n');
      const file = join(d, 'cache.json');
      const core = { policies: [] } as unknown as CoreCatalog;
      expect(writeCoreCache(file, d, () => (writeFileSync(join(d, 'a.policy.yaml'), 'id: edited\n'), core))).toBe(false);
      expect(() => readFileSync(file)).toThrow();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
