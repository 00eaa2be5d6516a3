import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../checks/engine/redact.js';
import { jsonSha256 } from '../../checks/store/json-hash.js';
import {
  commitmentOf,
  commitmentOfRedacted,
  newCommitments,
  parseCommitments,
  redactWithProof,
  redactablePointers,
  valueAt,
  withReplacements,
  type RedactionProof,
} from '../../checks/store/commitments.js';
import { openLocalStore } from '../../checks/store/local.js';
import { canonicalJson } from '../../checks/util/canonical-json.js';
import { finding, results, tempDir } from './helpers.js';

const AKIA = 'AKIAIOSFODNN7EXAMPLE';

/** A results-like document with secrets in every place the redaction rule looks. */
function leaky(): Record<string, unknown> {
  return {
    tool: { name: 'ferpa-ready' },
    findings: [
      { id: 'a', status: 'fail', message: `key ${AKIA} in user_data`, evidence: { password: 'hunter2-planted', storageEncrypted: true, port: 5432 } },
      { id: 'b', status: 'fail', evidence: { environment: [{ name: 'DB_PASSWORD', value: 'pw-in-env-planted' }, { name: 'PORT', value: '8080' }, { name: 'API_TOKEN', value: { nested: 'object-planted' } }] } },
      { id: 'c', status: 'pass', evidence: { 'a/b~c': 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', secret: '', apiKey: REDACTED, __proto__x: 'x' } },
      { id: 'd', status: 'pass', evidence: { list: ['plain', 'postgres://admin:pw-in-url-planted@db:5432/app'], kmsKeyArn: 'arn:aws:kms:us-east-1:1:key/x' } },
    ],
  };
}

describe('streamed JSON hash', () => {
  it('is the SHA-256 of JSON.stringify, member order kept, for documents of any depth', () => {
    const samples: unknown[] = [
      null, 'x', 0, -0, 1.5e300, true, [], {}, [1, undefined, 'a', () => 1], { b: 1, a: [{ z: 'é\u2028"', y: null, u: undefined }], c: undefined },
      { __proto__x: 1, ['__proto__']: { p: 1 }, d: new Date(0), n: Number.NaN, deep: { a: { b: { c: { d: [1, { e: 2 }] } } } } },
      { findings: Array.from({ length: 5000 }, (_, i) => ({ i, s: `value ${i} ${'x'.repeat(i % 50)}`, e: { k: [i, { j: i }] } })) },
    ];
    for (const s of samples) expect(jsonSha256(s)).toBe(createHash('sha256').update(JSON.stringify(s)).digest('hex'));
    expect(jsonSha256({ a: 1, b: 2 })).not.toBe(jsonSha256({ b: 2, a: 1 }));
  });
});

describe('redaction commitments', () => {
  it('the redactable values are exactly what the redaction rule replaces', () => {
    const doc = leaky();
    const pointers = redactablePointers(doc);
    expect(pointers).toEqual([
      '/findings/0/message',
      '/findings/0/evidence/password',
      '/findings/1/evidence/environment/0/value',
      '/findings/1/evidence/environment/2/value',
      '/findings/2/evidence/a~1b~0c',
      '/findings/3/evidence/list/1',
    ]);
    const replaced = withReplacements(doc, new Map(pointers.map((p) => [p, REDACTED])));
    expect(canonicalJson(replaced)).toBe(canonicalJson(redact(doc)));
    // The original is untouched (only the containers on the paths were copied).
    expect(canonicalJson(doc)).toBe(canonicalJson(leaky()));
    expect(valueAt(doc, '/findings/2/evidence/a~1b~0c')).toEqual({ found: true, value: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' });
  });

  it('a redacted copy with its proof gives the original commitment; the copy and proof hold no removed value', () => {
    const doc = leaky();
    const c = newCommitments(doc);
    const commitment = commitmentOf(doc, c);
    const plan = redactWithProof('run-1', doc, c);
    if (!plan.ok) throw new Error('not committed');
    expect(plan.proof.removed).toHaveLength(6);
    expect(plan.proof.kept).toEqual([]);
    expect(commitmentOfRedacted(plan.copy, plan.proof)).toEqual({ commitment });
    const text = JSON.stringify(plan.copy) + JSON.stringify(plan.proof);
    for (const s of [AKIA, 'hunter2-planted', 'pw-in-env-planted', 'object-planted', 'pw-in-url-planted', 'ghp_abcdefghij']) expect(text).not.toContain(s);
    // Salted: the same value under fresh salts has other digests, so a digest cannot be matched by hashing guesses.
    const again = redactWithProof('run-1', doc, newCommitments(doc));
    if (!again.ok) throw new Error('not committed');
    expect(again.proof.removed.map((r) => r.digest)).not.toEqual(plan.proof.removed.map((r) => r.digest));
    expect(c.salts['/findings/0/evidence/password']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('any change other than removing the committed values gives another commitment', () => {
    const doc = leaky();
    const c = newCommitments(doc);
    const commitment = commitmentOf(doc, c);
    const plan = redactWithProof('run-1', doc, c);
    if (!plan.ok) throw new Error('not committed');
    const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    const forgeries: Array<[string, (copy: any, proof: RedactionProof) => void]> = [
      ['a status flipped', (copy) => (copy.findings[0].status = 'pass')],
      ['a kept string changed', (copy) => (copy.findings[1].evidence.environment[1].value = '8081')],
      ['a number changed', (copy) => (copy.findings[0].evidence.port = 5433)],
      ['a boolean changed', (copy) => (copy.findings[0].evidence.storageEncrypted = false)],
      ['a finding removed', (copy) => copy.findings.splice(3, 1)],
      ['a member added', (copy) => (copy.findings[2].evidence.extra = 'x')],
      ['a kept value passed off as removed', (copy, proof) => {
        copy.findings[3].evidence.kmsKeyArn = REDACTED;
        proof.removed.push({ pointer: '/findings/3/evidence/kmsKeyArn', digest: 'a'.repeat(64) });
      }],
      ['a removed value left out of the proof', (_copy, proof) => proof.removed.pop()],
      ['two digests swapped', (_copy, proof) => {
        const [a, b] = [proof.removed[0]!.digest, proof.removed[1]!.digest];
        proof.removed[0]!.digest = b;
        proof.removed[1]!.digest = a;
      }],
      ['a removed value put back with a guessed salt', (copy, proof) => {
        const e = proof.removed.find((r) => r.pointer === '/findings/0/evidence/password')!;
        proof.removed.splice(proof.removed.indexOf(e), 1);
        proof.kept.push({ pointer: e.pointer, salt: '0'.repeat(64) });
        copy.findings[0].evidence.password = 'hunter2-planted';
      }],
      ['the whole results replaced', (copy) => (copy.findings = [])],
    ];
    for (const [what, forge] of forgeries) {
      const copy = clone(plan.copy);
      const proof = clone(plan.proof);
      forge(copy, proof);
      const got = commitmentOfRedacted(copy, proof);
      expect('commitment' in got && got.commitment === commitment, what).toBe(false);
    }
    expect(commitmentOfRedacted(clone(plan.copy), clone(plan.proof))).toEqual({ commitment });
  });

  it('a value today\'s rule removes but the run did not commit cannot be redacted with a proof', () => {
    const doc = leaky();
    const c = newCommitments(doc);
    delete c.salts['/findings/0/evidence/password'];
    expect(redactWithProof('r', doc, c)).toEqual({ ok: false, uncommitted: ['/findings/0/evidence/password'] });
    expect(redactWithProof('r', doc, null)).toMatchObject({ ok: false, uncommitted: expect.arrayContaining(['/findings/0/message']) });
  });

  it('the store writes commitments.json next to each run and the manifest records the commitment', async () => {
    const dir = tempDir('commit');
    const store = openLocalStore(dir);
    const run = await store.append(results([finding('p', 'aws_instance.a', 'fail', { evidence: { userData: `export AWS_ACCESS_KEY_ID=${AKIA}` } })]));
    const c = parseCommitments(readFileSync(join(dir, run.id, 'commitments.json')));
    if (typeof c === 'string') throw new Error(c);
    expect(Object.keys(c.salts)).toEqual(['/findings/0/evidence/userData']);
    const m = JSON.parse(readFileSync(join(dir, run.id, 'manifest.json'), 'utf8'));
    const stored = JSON.parse(readFileSync(join(dir, run.id, 'results.json'), 'utf8'));
    expect(m.resultsCommitment).toBe(commitmentOf(stored, c));
    // The salts are the store's: nothing of the value is in them or in the manifest.
    expect(readFileSync(join(dir, run.id, 'commitments.json'), 'utf8')).not.toContain(AKIA);
    expect(readFileSync(join(dir, run.id, 'manifest.json'), 'utf8')).not.toContain(AKIA);
  });
});
