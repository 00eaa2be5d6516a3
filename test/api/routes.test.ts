import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const key = (u: { apiKey: string }) => ({ 'x-api-key': u.apiKey });
const purpose = (p = 'instruction') => ({ 'x-access-purpose': p });

describe('health and openapi', () => {
  it('health answers without credentials and checks the database', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: 'ok' });
  });
  it('serves the annotated OpenAPI document', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/students/{studentId}'].get['x-ferpa-student-record']).toBe(true);
  });
});

describe('students', () => {
  it('creates, reads, updates and deletes a student, auditing each in the school log', async () => {
    const admin = key(h.seed.users.adminA);
    const c = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { ...admin, ...purpose('administration') }, payload: { studentNumber: 'R-1', givenName: 'Ada', familyName: 'Lovelace', gradeLevel: 5 } });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const g = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.teacherA), ...purpose() } });
    expect(g.statusCode).toBe(200);
    expect(g.json()).toMatchObject({ id, givenName: 'Ada', schoolId: h.seed.schoolA, gradeLevel: 5 });
    const u = await h.app.inject({ method: 'PATCH', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose('administration') }, payload: { gradeLevel: 6 } });
    expect(u.json().gradeLevel).toBe(6);
    const d = await h.app.inject({ method: 'DELETE', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose('administration') } });
    expect(d.statusCode).toBe(200);
    expect(d.json().counts).toEqual({ students: 1, assessments: 0, disclosures: 0 });
    const log = await h.pool.query('SELECT action, user_id, purpose, ip, outcome FROM audit_log WHERE resource_id = $1 ORDER BY id', [id]);
    expect(log.rows.map((r) => r.action)).toEqual(['student.create', 'student.read', 'student.update', 'student.delete']);
    expect(log.rows[1]).toMatchObject({ user_id: h.seed.users.teacherA.id, purpose: 'instruction', outcome: 'success' });
    expect(log.rows[1].ip).toBeTruthy();
    const gone = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose() } });
    expect(gone.statusCode).toBe(404);
  });
});
