import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { findingId } from '../../checks/engine/run.js';
import type { Finding, Results, Status } from '../../checks/engine/types.js';
import { policyMeta } from '../../checks/cli/context.js';
import { buildBundle, type BundleOptions } from '../../checks/export/bundle.js';
import { openLocalStore } from '../../checks/store/local.js';
import type { Store } from '../../checks/store/store.js';
import { readZip, type ZipMember } from '../../checks/export/zip.js';

export const NOW = new Date('2026-11-22T00:00:00Z');

export function tempDir(tag = 'export'): string {
  return mkdtempSync(join(tmpdir(), `ferpa-ready-${tag}-`));
}

export function finding(policy: string, address: string, status: Status, extra: Partial<Finding> = {}): Finding {
  return {
    id: findingId(policy, { id: address, source: 'plan' }),
    policyId: policy,
    status,
    severity: 'high',
    category: 'encryption',
    controls: [],
    resource: { kind: 'aws.s3.bucket', address, arn: null, file: 'plan.json', line: null },
    message: `${policy} ${status} on ${address}`,
    evidence: {},
    source: 'plan',
    ...extra,
  };
}

export function results(findings: Finding[], time: string, inputs: Results['inputs'] = [{ kind: 'plan', path: 'plan.json', sha256: 'a'.repeat(64) }]): Results {
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  return { schemaVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: 'test' }, generatedAt: time, inputs, findings, summary };
}

/** A store with `n` distinct runs (a day apart). */
export async function storeWithRuns(n: number, dir = tempDir('store')): Promise<{ dir: string; store: Store; ids: string[] }> {
  const store = openLocalStore(dir);
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const r = results(
      [finding('aws-s3-tls-only-policy', `aws_s3_bucket.b${i}`, i % 2 ? 'fail' : 'pass'), finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.main', 'pass')],
      new Date(Date.UTC(2026, 10, 1 + i)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    ids.push((await store.append(r)).id);
  }
  return { dir, store, ids };
}

let catalog: ReturnType<typeof loadCatalog> | undefined;

/** Bundle options over the real catalog (no PDF: the CLI tests print one with Chromium). */
export function baseOptions(store: Store, extra: Partial<BundleOptions> = {}): BundleOptions {
  catalog ??= loadCatalog();
  return {
    store,
    storeLabel: 'test-store',
    now: NOW,
    tool: { version: '0.1.0', catalogVersion: 'test' },
    framework: catalog.framework,
    policies: policyMeta(catalog.policies),
    ...extra,
  };
}

export async function build(store: Store, extra: Partial<BundleOptions> = {}) {
  return buildBundle(baseOptions(store, extra));
}

export function ed25519(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** Every member of a zip, by name. */
export function members(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(zip).members.map((m: ZipMember) => [m.name, m.data]));
}

/** A new zip with these members (plain, not the bundle writer: what a tamperer would make). */
export function rezip(m: Map<string, Uint8Array>): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const [k, v] of m) tree[k] = v;
  return zipSync(tree);
}

/** A copy with one byte of `data` changed (the middle one; flipped so the length stays). */
export function alterOneByte(data: Uint8Array): Uint8Array {
  const out = Uint8Array.from(data);
  const i = Math.floor(out.length / 2);
  // Keep text text: swap a printable character for another one.
  out[i] = out[i] === 0x41 ? 0x42 : out[i]! >= 0x20 && out[i]! < 0x7f ? (out[i] === 0x30 ? 0x31 : 0x30) : out[i]! ^ 0x01;
  return out;
}
