// Bad input: 4xx with a clear message, nothing written, and (for an authenticated caller) an audit row
// recording the refused attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const count = async (t: string) => (await h.pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n as number;
const auditFor = async (requestId: string) => (await h.pool.query('SELECT * FROM audit_log WHERE request_id = $1', [requestId])).rows;

let seq = 0;
async function send(o: { method?: string; url?: string; payload?: string | object; headers?: Record<string, string>; auth?: boolean }) {
  const requestId = `bad-input-${++seq}`;
  const headers: Record<string, string> = { 'x-request-id': requestId, 'x-access-purpose': 'administration', ...(o.auth === false ? {} : { 'x-api-key': h.seed.users.adminA.apiKey }), ...o.headers };
  if (o.payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const r = await h.app.inject({ method: (o.method ?? 'POST') as 'POST', url: o.url ?? `/api/v1/schools/${h.seed.schoolA}/students`, headers, payload: o.payload as string });
  return { r, requestId, message: (r.json() as { message: string }).message };
}
const valid = { studentNumber: 'V-1', givenName: 'Val', familyName: 'Id' };

describe('bad input is refused with a clear 4xx, writes nothing, and is audited', () => {
  const cases: Array<[string, Parameters<typeof send>[0], number, RegExp]> = [
    ['malformed JSON', { payload: '{"studentNumber": "X-1", "givenName": ' }, 400, /^request body is not valid JSON$/],
    ['an oversized body', { payload: JSON.stringify({ ...valid, givenName: 'x'.repeat(20_000) }) }, 413, /^request body exceeds the 16384-byte limit$/],
    ['an unknown field', { payload: { ...valid, ssn: '123-45-6789' } }, 400, /^body must NOT have additional properties/],
    ['a wrong type (number as string, no coercion)', { payload: { ...valid, gradeLevel: '7' } }, 400, /^body\/gradeLevel must be integer$/],
    ['a missing required field', { payload: { studentNumber: 'V-2', givenName: 'A' } }, 400, /^body must have required property 'familyName'$/],
    ['SQL metacharacters in a constrained field', { payload: { ...valid, studentNumber: "1'; DROP TABLE students;--" } }, 400, /^body\/studentNumber must match pattern/],
    ['a missing purpose', { payload: valid, headers: { 'x-access-purpose': '' } }, 400, /x-access-purpose/],
    ['an unknown purpose', { payload: valid, headers: { 'x-access-purpose': 'curiosity' } }, 400, /^headers\/x-access-purpose must be equal to one of the allowed values$/],
    ['a non-JSON content type', { payload: 'studentNumber=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, /Unsupported Media Type/i],
  ];
  for (const [what, req, status, message] of cases) {
    it(what, async () => {
      const before = await count('students');
      const { r, requestId, message: m } = await send(req);
      expect(r.statusCode, r.body).toBe(status);
      expect(m).toMatch(message);
      expect(await count('students')).toBe(before);
      const rows = await auditFor(requestId);
      expect(rows).toEqual([expect.objectContaining({ outcome: 'rejected', action: 'student.create', user_id: h.seed.users.adminA.id, school_id: h.seed.schoolA, event_type: 'access.refused' })]);
      expect(rows[0].details.status).toBe(status);
      expect(JSON.stringify(rows[0])).not.toContain('123-45-6789');
    });
  }
  it('a malformed id in the path (SQL metacharacters) is a 400, audited, and breaks nothing', async () => {
    const { r, requestId, message } = await send({ method: 'GET', url: `/api/v1/students/${encodeURIComponent("1' OR '1'='1")}` });
    expect(r.statusCode).toBe(400);
    expect(message).toBe('params/studentId must match format "uuid"');
    expect((await auditFor(requestId))[0]).toMatchObject({ outcome: 'rejected', resource_id: "1' OR '1'='1" });
  });
  it('SQL metacharacters in free text are stored literally', async () => {
    const name = "Robert'); DROP TABLE students;--";
    const { r } = await send({ payload: { ...valid, studentNumber: 'BOBBY-1', givenName: name } });
    expect(r.statusCode, r.body).toBe(201);
    expect((await h.pool.query('SELECT given_name FROM students WHERE id = $1', [r.json().id])).rows[0].given_name).toBe(name);
  });
  it('an unauthenticated caller gets 401 before its body is read, and one security-event row without a user', async () => {
    const before = await count('audit_log');
    const { r, message, requestId } = await send({ auth: false, payload: '{not json' });
    expect(r.statusCode).toBe(401);
    expect(message).toMatch(/authentication required/);
    expect(await count('audit_log')).toBe(before + 1);
    expect(await auditFor(requestId)).toEqual([expect.objectContaining({ event_type: 'auth.refused', outcome: 'denied', user_id: null, school_id: h.seed.schoolA, details: { status: 401, reason: 'no-credentials', credential: 'none' } })]);
  });
  it('a refused role is audited as denied without reading the body', async () => {
    const { r, requestId, message } = await send({ headers: { 'x-api-key': h.seed.users.teacherA.apiKey }, payload: '{not json' });
    expect(r.statusCode).toBe(403);
    expect(message).toBe('role teacher may not call createStudent');
    expect((await auditFor(requestId))[0]).toMatchObject({ outcome: 'denied', user_id: h.seed.users.teacherA.id });
  });
  it('unknown query parameters and a bad limit on the audit log are refused', async () => {
    const a = await send({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log?limit=0` });
    expect(a.r.statusCode).toBe(400);
    expect(a.message).toBe('querystring/limit must be >= 1');
    const b = await send({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log?since=yesterday` });
    expect(b.r.statusCode).toBe(400);
    expect(b.message).toMatch(/querystring must NOT have additional properties/);
  });
  it('an unknown route is a 404 naming the route', async () => {
    const { r, message } = await send({ method: 'GET', url: '/api/v1/nope?x=1' });
    expect(r.statusCode).toBe(404);
    expect(message).toBe('no route GET /api/v1/nope');
  });
});
