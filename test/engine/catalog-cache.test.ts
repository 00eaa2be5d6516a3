import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policiesHash, readCoreCache } from '../../checks/engine/catalog-cache.js';
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
});
