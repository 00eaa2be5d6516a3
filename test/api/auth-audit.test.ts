// Refused authentication is audited as a security event (one row per refusal, with its reason and no
// token material), and the API fails closed when the audit log cannot be written. Real PostgreSQL.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../reference-stack/api/src/app.js';
import { JWT_SECRET, startHarness, type Harness } from './helpers/harness.js';

const ISSUER = 'https://idp.example.org';
const AUDIENCE = 'ferpa-reference-api';

let h: Harness;
let app: FastifyInstance;
beforeAll(async () => {
  h = await startHarness();
  // An app that checks issuer and audience as a production deployment would.
  app = await buildApp({ pool: h.pool, config: { bodyLimit: 16 * 1024, jwt: { hs256Secret: JWT_SECRET, issuer: ISSUER, audience: AUDIENCE }, trustProxy: false } });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const rowsFor = async (requestId: string) => (await h.pool.query('SELECT * FROM audit_log WHERE request_id = $1', [requestId])).rows;

function token(o: { sub?: string; iss?: string; aud?: string; exp?: string; secret?: Uint8Array; alg?: string } = {}): Promise<string> {
  const t = new SignJWT({}).setProtectedHeader({ alg: o.alg ?? 'HS256' }).setSubject(o.sub ?? h.seed.users.adminA.id).setIssuedAt().setIssuer(o.iss ?? ISSUER).setAudience(o.aud ?? AUDIENCE).setExpirationTime(o.exp ?? '10m');
  return t.sign(o.secret ?? JWT_SECRET);
}

let seq = 0;
async function call(headers: Record<string, string>, url = `/api/v1/schools/${h.seed.schoolA}/students`) {
  const requestId = `auth-audit-${++seq}`;
  const r = await app.inject({ method: 'GET', url, headers: { 'x-request-id': requestId, 'x-access-purpose': 'administration', ...headers } });
  return { r, requestId };
}

describe('refused authentication is audited as a security event', () => {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const cases: Array<[string, () => Promise<{ headers: Record<string, string>; material: string[] }>, string, Record<string, unknown>]> = [
    ['no credentials', async () => ({ headers: {}, material: [] }), 'no-credentials', { credential: 'none' }],
    ['another Authorization scheme', async () => ({ headers: { authorization: 'Basic YWRtaW46aHVudGVyMg==' }, material: ['YWRtaW46aHVudGVyMg=='] }), 'authorization-scheme-unsupported', { credential: 'none' }],
    ['a forged token (another key)', async () => {
      const t = await token({ secret: new TextEncoder().encode('not-the-server-secret-not-the-server-secret') });
      return { headers: bearer(t), material: [t, ...t.split('.')] };
    }, 'token-signature-invalid', { credential: 'bearer' }],
    ['an expired token', async () => {
      const t = await token({ exp: '-5m' });
      return { headers: bearer(t), material: [t, ...t.split('.')] };
    }, 'token-expired', { credential: 'bearer' }],
    ['alg: none', async () => {
      const t = new UnsecuredJWT({ sub: h.seed.users.systemAdmin.id, iss: ISSUER, aud: AUDIENCE }).setExpirationTime('10m').encode();
      return { headers: bearer(t), material: [t, t.split('.')[1]!] };
    }, 'token-alg-none', { credential: 'bearer' }],
    ['the wrong audience', async () => {
      const t = await token({ aud: 'some-other-api' });
      return { headers: bearer(t), material: [t, ...t.split('.')] };
    }, 'token-audience-invalid', { credential: 'bearer', claim: 'aud' }],
    ['the wrong issuer', async () => {
      const t = await token({ iss: 'https://evil.example' });
      return { headers: bearer(t), material: [t, ...t.split('.')] };
    }, 'token-issuer-invalid', { credential: 'bearer', claim: 'iss' }],
    ['garbage as a token', async () => ({ headers: bearer('not.a.jwt'), material: ['not.a.jwt'] }), 'token-malformed', { credential: 'bearer' }],
    ['an unknown subject', async () => {
      const t = await token({ sub: '00000000-0000-4000-8000-000000000000' });
      return { headers: bearer(t), material: [t, ...t.split('.')] };
    }, 'token-subject-unknown', { credential: 'bearer' }],
    ['an unknown API key', async () => ({ headers: { 'x-api-key': 'frk_guessed-key-0123456789abcdef' }, material: ['frk_guessed-key-0123456789abcdef', sha256('frk_guessed-key-0123456789abcdef')] }), 'api-key-unknown', { credential: 'api-key' }],
    ['a malformed API key', async () => ({ headers: { 'x-api-key': `frk_${'x'.repeat(300)}` }, material: ['x'.repeat(40)] }), 'api-key-malformed', { credential: 'api-key' }],
  ];
  for (const [what, make, reason, extra] of cases) {
    it(`${what}: 401, one auth.refused row with reason ${reason}, no token material`, async () => {
      const { headers, material } = await make();
      const { r, requestId } = await call(headers);
      expect(r.statusCode, r.body).toBe(401);
      const rows = await rowsFor(requestId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ event_type: 'auth.refused', outcome: 'denied', action: 'student.list', user_id: null, role: null, school_id: h.seed.schoolA, resource_type: 'school', request_id: requestId });
      expect(rows[0].details).toEqual({ status: 401, reason, ...extra });
      expect(rows[0].ip).toBeTruthy();
      const text = JSON.stringify(rows[0]);
      for (const m of material) expect(text.includes(m), `${m.slice(0, 20)}… in the audit row`).toBe(false);
    });
  }

  it('a valid token for the same route is served and leaves no auth.refused row', async () => {
    const { r, requestId } = await call(bearer(await token()));
    expect(r.statusCode, r.body).toBe(200);
    expect((await rowsFor(requestId)).filter((x) => x.event_type === 'auth.refused')).toEqual([]);
  });

  it('the school sees refused attempts on its routes in its own audit log', async () => {
    const { requestId } = await call({ 'x-api-key': 'frk_someone-elses-key' });
    const log = await app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log?requestId=${requestId}`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'audit' } });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().entries).toEqual([expect.objectContaining({ eventType: 'auth.refused', outcome: 'denied', details: { status: 401, reason: 'api-key-unknown', credential: 'api-key' } })]);
  });
});

describe('fail closed when the audit log cannot be written', () => {
  async function withFailingAudit(when: string, fn: () => Promise<void>): Promise<void> {
    await h.pool.query(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF ${when} THEN RAISE EXCEPTION 'audit store unavailable'; END IF; RETURN NEW; END $$`);
    await h.pool.query('CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()');
    try {
      await fn();
    } finally {
      await h.pool.query('DROP TRIGGER fail_audit ON audit_log; DROP FUNCTION fail_audit()');
    }
  }

  it('a refused authentication whose audit write fails is answered 503, not 401', async () => {
    await withFailingAudit("NEW.event_type = 'auth.refused'", async () => {
      const attempts: Array<Record<string, string>> = [{}, { authorization: `Bearer ${await token({ exp: '-1m' })}` }, { 'x-api-key': 'frk_unknown' }];
      for (const headers of attempts) {
        const { r, requestId } = await call(headers);
        expect(r.statusCode).toBe(503);
        expect(r.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'the audit log cannot be written; request refused' });
        expect(await rowsFor(requestId)).toEqual([]);
      }
    });
    // The same requests are 401 again once the log can be written.
    expect((await call({})).r.statusCode).toBe(401);
  });

  it('a refused role or tenant whose audit write fails is answered 503, not 403/404', async () => {
    await withFailingAudit("NEW.event_type = 'access.refused'", async () => {
      const role = await app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { 'x-api-key': h.seed.users.teacherA.apiKey, 'x-access-purpose': 'administration', 'content-type': 'application/json' }, payload: { studentNumber: 'FC-1', givenName: 'A', familyName: 'B' } });
      expect(role.statusCode).toBe(503);
      const tenant = await app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolB}/students`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'administration' } });
      expect(tenant.statusCode).toBe(503);
    });
  });

  it('an allowed request whose audit write fails is not served: no data, nothing changed', async () => {
    const created = await app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'administration', 'content-type': 'application/json' }, payload: { studentNumber: 'FC-2', givenName: 'Failclosed', familyName: 'Student', gradeLevel: 4 } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await withFailingAudit('true', async () => {
      const read = await app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'administration' } });
      expect(read.statusCode).toBe(503);
      expect(read.body).not.toContain('Failclosed');
      const update = await app.inject({ method: 'PATCH', url: `/api/v1/students/${id}`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'administration', 'content-type': 'application/json' }, payload: { gradeLevel: 9 } });
      expect(update.statusCode).toBe(503);
      const list = await app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { 'x-api-key': h.seed.users.adminA.apiKey, 'x-access-purpose': 'administration' } });
      expect(list.statusCode).toBe(503);
      expect(list.body).not.toContain('Failclosed');
    });
    expect((await h.pool.query('SELECT grade_level FROM students WHERE id = $1', [id])).rows[0].grade_level).toBe(4);
  });
});
