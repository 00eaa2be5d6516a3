// The reference API (Fastify 5). Routes, their JSON schemas, allowed roles and scopes come from
// openapi.yaml; every access to or change of a student record writes its audit row in the same
// transaction as the data (FERPA-LOG-03); refused attempts are audited too, refused authentication
// as a security event (`auth.refused`, with the reason). Fail closed: a request whose audit row
// cannot be written is not served, and a refusal that cannot be audited is answered 503.
import { createHash, randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { writeAudit, type AuditContext, type AuditEntry, type AuditWriter, type Outcome } from './audit.js';
import { AuthError, createAuthenticator, type AuthRefusal, type Principal } from './auth.js';
import type { ApiConfig } from './config.js';
import { withTx, type Client, type Pool } from './db.js';
import { camelRow, deleteStudents, exportStudents, purgeExpired } from './records.js';
import { fastifyPath, loadSpec, type Operation, type Role } from './spec.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Where the refused attempt is filed in the audit log (the school whose record was targeted). */
    readonly audit?: { schoolId?: string | null; outcome?: Outcome },
    /** A refused authentication: why, and which credential was sent (no token material). */
    readonly auth?: { reason: AuthRefusal; credential: AuthError['credential']; claim?: string },
  ) {
    super(message);
  }
}

export interface SchoolRef {
  id: string;
  districtId: string;
}

/** Tenancy: may this principal act on this school / district for this operation? */
export interface ScopePolicy {
  school(p: Principal, school: SchoolRef, op: Operation): boolean;
  district(p: Principal, districtId: string, op: Operation): boolean;
}

export const defaultScope: ScopePolicy = {
  school: (p, s) => p.role === 'system_admin' || (p.role === 'district_admin' ? p.districtId === s.districtId : p.schoolId === s.id),
  district: (p, d) => p.role === 'system_admin' || (p.role === 'district_admin' && p.districtId === d),
};

/**
 * Dependency overrides. Production (server.ts) passes none; tests use them to build deliberately
 * broken variants (test/api/helpers/broken-builds.ts) that the conformance suite must catch.
 */
export interface AppOverrides {
  audit?: AuditWriter;
  roles?: Record<string, Array<Role | 'public'>>;
  scope?: Partial<ScopePolicy>;
  records?: Partial<RecordOperations>;
}

/** The operations over every student table (records.ts) that routes call. */
export interface RecordOperations {
  exportStudents: typeof exportStudents;
  deleteStudents: typeof deleteStudents;
  purgeExpired: typeof purgeExpired;
}

export interface AppOptions {
  pool: Pool;
  config: Pick<ApiConfig, 'bodyLimit' | 'jwt' | 'trustProxy'>;
  overrides?: AppOverrides;
  /** false/absent: no request log; true or a pino level name: log at that level. */
  logger?: boolean | string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    op?: Operation;
  }
  interface FastifyContextConfig {
    operationId?: string;
  }
}

type Body = Record<string, any>;
interface Ctx {
  req: FastifyRequest;
  p: Principal;
  op: Operation;
  body: Body;
  params: Record<string, string>;
  query: Record<string, any>;
  audit: (db: Client, e: Omit<AuditEntry, 'outcome'> & { outcome?: Outcome }) => Promise<void>;
}
type Handler = (ctx: Ctx) => Promise<{ status?: number; body: unknown }>;

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ajvFor(coerce: boolean): Ajv {
  // Bodies: no coercion, unknown fields rejected (never silently removed). Params/query/headers: coercion.
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: false, coerceTypes: coerce, removeAdditional: false, useDefaults: false });
  addFormats(ajv);
  return ajv;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { pool } = opts;
  const spec = loadSpec();
  const audit = opts.overrides?.audit ?? writeAudit;
  const scope: ScopePolicy = { ...defaultScope, ...opts.overrides?.scope };
  const records: RecordOperations = { exportStudents, deleteStudents, purgeExpired, ...opts.overrides?.records };
  const rolesOf = (op: Operation) => opts.overrides?.roles?.[op.operationId] ?? op.roles;
  const auth = await createAuthenticator(pool, opts.config.jwt);
  const openapiJson = JSON.stringify(spec.doc);

  const app = Fastify({
    logger: typeof opts.logger === 'string' ? { level: opts.logger } : (opts.logger ?? false),
    bodyLimit: opts.config.bodyLimit,
    trustProxy: opts.config.trustProxy,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
    },
  });
  const bodyAjv = ajvFor(false);
  const partAjv = ajvFor(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : partAjv).compile(schema) as any);

  const ctxOf = (req: FastifyRequest): AuditContext => {
    const purpose = req.headers['x-access-purpose'];
    return { principal: req.principal, ip: req.ip, requestId: String(req.id), purpose: typeof purpose === 'string' ? purpose.slice(0, 64) : undefined };
  };

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    reply.header('cache-control', 'no-store');
  });

  // Authentication and role check run before the body is parsed, so a refused caller's body is never read.
  app.addHook('onRequest', async (req) => {
    const id = req.routeOptions.config.operationId;
    const op = spec.operations.find((o) => o.operationId === id);
    if (!op) return;
    req.op = op;
    const roles = rolesOf(op);
    if (roles.includes('public')) return;
    try {
      req.principal = await auth.authenticate(req.headers);
    } catch (e) {
      if (e instanceof AuthError) throw new HttpError(401, e.message, undefined, { reason: e.reason, credential: e.credential, ...(e.claim ? { claim: e.claim } : {}) });
      throw e;
    }
    if (!roles.includes(req.principal.role)) throw new HttpError(403, `role ${req.principal.role} may not call ${op.operationId}`, { outcome: 'denied' });
  });

  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    let status = err instanceof HttpError ? err.statusCode : (err.statusCode ?? 500);
    if (status < 400 || status > 599) status = 500;
    let message = status >= 500 ? 'internal error' : err.message;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body exceeds the ${opts.config.bodyLimit}-byte limit`;
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && err instanceof SyntaxError)) message = 'request body is not valid JSON';
    if (status >= 500) req.log.error({ err }, 'request failed');
    const refusedAuth = err instanceof HttpError && status === 401 ? err.auth : undefined;
    if (req.op && (req.principal || refusedAuth)) {
      const h = err instanceof HttpError ? err.audit : undefined;
      const outcome: Outcome = refusedAuth ? 'denied' : (h?.outcome ?? (status >= 500 ? 'error' : status === 403 ? 'denied' : status === 404 ? 'not-found' : 'rejected'));
      const params = (req.params ?? {}) as Record<string, unknown>;
      const rawId = [params.studentId, params.schoolId, params.districtId].find((v) => typeof v === 'string') as string | undefined;
      const paramSchool = typeof params.schoolId === 'string' && UUID.test(params.schoolId) ? params.schoolId : null;
      try {
        await audit(pool, ctxOf(req), {
          eventType: refusedAuth ? 'auth.refused' : 'access.refused', action: req.op.action,
          resourceType: params.studentId ? 'student' : params.schoolId ? 'school' : params.districtId ? 'district' : null,
          resourceId: rawId ?? null,
          schoolId: h?.schoolId !== undefined ? h.schoolId : (paramSchool ?? req.principal?.schoolId ?? null),
          outcome,
          details: refusedAuth ? { status, ...refusedAuth } : { status, code: err.code ?? null },
        });
      } catch (e) {
        // Fail closed: a refusal that leaves no trace is not answered as if it had been recorded.
        req.log.error({ err: e }, 'audit write of a refused request failed');
        status = 503;
        message = 'the audit log cannot be written; request refused';
      }
    }
    const error = status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : status === 503 ? 'Service Unavailable' : status >= 500 ? 'Internal Server Error' : 'Error';
    return reply.code(status).send({ statusCode: status, error, message });
  });
  app.setNotFoundHandler(async (req, reply) => reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  // --- tenancy helpers -------------------------------------------------------------------------
  async function schoolInScope(c: Client | Pool, ctx: Ctx, schoolId: string): Promise<SchoolRef & Record<string, unknown>> {
    const r = await c.query('SELECT * FROM schools WHERE id = $1', [schoolId]);
    const row = r.rows[0];
    if (!row || !scope.school(ctx.p, { id: row.id, districtId: row.district_id }, ctx.op)) {
      throw new HttpError(404, `school ${schoolId} not found`, { schoolId: row?.id ?? ctx.p.schoolId, outcome: row ? 'denied' : 'not-found' });
    }
    return { ...camelRow(row), id: row.id, districtId: row.district_id };
  }
  async function studentInScope(c: Client, ctx: Ctx, studentId: string, lock = false): Promise<Record<string, any>> {
    const r = await c.query(`SELECT st.*, sc.district_id FROM students st JOIN schools sc ON sc.id = st.school_id WHERE st.id = $1${lock ? ' FOR UPDATE OF st' : ''}`, [studentId]);
    const row = r.rows[0];
    if (!row || !scope.school(ctx.p, { id: row.school_id, districtId: row.district_id }, ctx.op)) {
      throw new HttpError(404, `student ${studentId} not found`, { schoolId: row?.school_id ?? ctx.p.schoolId, outcome: row ? 'denied' : 'not-found' });
    }
    return row;
  }
  const publicStudent = (row: Record<string, any>) => {
    const { district_id: _d, ...rest } = row;
    return camelRow(rest);
  };
  const studentEntry = (row: Record<string, any>, eventType: string, action: string, details?: Record<string, unknown>) => ({
    eventType, action, resourceType: 'student', resourceId: row.id as string, schoolId: row.school_id as string, districtId: row.district_id as string, details,
  });
  const today = () => new Date().toISOString().slice(0, 10);

  // --- handlers --------------------------------------------------------------------------------
  const handlers: Record<string, Handler> = {
    async health() {
      await pool.query('SELECT 1');
      return { body: { status: 'ok', database: 'ok' } };
    },
    async openapi() {
      return { body: openapiJson };
    },
    async runQuery(ctx) {
      const t0 = performance.now();
      const settings = { topK: ctx.body.settings?.topK ?? 1, language: ctx.body.settings?.language ?? 'english' };
      const hash = createHash('sha256').update(JSON.stringify({ query: ctx.body.query, settings })).digest('hex');
      return withTx(pool, async (c) => {
        let cached = true;
        let hit = (await c.query('SELECT answer, sources FROM query_cache WHERE query_sha256 = $1', [hash])).rows[0];
        if (!hit) {
          cached = false;
          const docs = await c.query(
            `SELECT id, title, body, ts_rank(to_tsvector('english', title || ' ' || body), q) AS rank
             FROM corpus, plainto_tsquery('english', $1) q ORDER BY rank DESC, id LIMIT $2`,
            [ctx.body.query, settings.topK],
          );
          hit = { answer: docs.rows.map((d) => d.body).join(' '), sources: docs.rows.map((d) => ({ id: d.id, title: d.title })) };
          await c.query('INSERT INTO query_cache (query_sha256, answer, sources) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [hash, hit.answer, JSON.stringify(hit.sources)]);
        }
        const latency = Math.round(performance.now() - t0);
        await c.query('INSERT INTO queries (user_id, school_id, query_sha256, cached, cost_units, latency_ms) VALUES ($1, $2, $3, $4, $5, $6)', [ctx.p.userId, ctx.p.schoolId, hash, cached, cached ? 0 : settings.topK, latency]);
        await ctx.audit(c, { eventType: 'query.execute', action: ctx.op.action, resourceType: 'query', resourceId: hash, schoolId: ctx.p.schoolId, details: { querySha256: hash, cached } });
        return { body: { answer: hit.answer, sources: hit.sources, cached, querySha256: hash } };
      });
    },
    async listSchools(ctx) {
      const p = ctx.p;
      const r =
        p.role === 'system_admin' ? await pool.query('SELECT * FROM schools ORDER BY name')
        : p.role === 'district_admin' ? await pool.query('SELECT * FROM schools WHERE district_id = $1 ORDER BY name', [p.districtId])
        : await pool.query('SELECT * FROM schools WHERE id = $1', [p.schoolId]);
      return { body: { schools: r.rows.map(camelRow) } };
    },
    async createSchool(ctx) {
      const b = ctx.body;
      if (!scope.district(ctx.p, b.districtId, ctx.op)) throw new HttpError(404, `district ${b.districtId} not found`);
      return withTx(pool, async (c) => {
        const d = await c.query('SELECT id FROM districts WHERE id = $1', [b.districtId]);
        if (!d.rows[0]) throw new HttpError(404, `district ${b.districtId} not found`);
        const r = await c.query('INSERT INTO schools (district_id, name, dpa_signed_at, data_residency, retention_days) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
          b.districtId, b.name, b.dpaSignedAt ?? null, b.dataResidency ?? 'us', b.retentionDays ?? 365,
        ]);
        const s = r.rows[0];
        await ctx.audit(c, { eventType: 'settings.change', action: ctx.op.action, resourceType: 'school', resourceId: s.id, schoolId: s.id, districtId: s.district_id, details: { fields: Object.keys(b).sort() } });
        return { status: 201, body: camelRow(s) };
      });
    },
    async getSchool(ctx) {
      const s = await schoolInScope(pool, ctx, ctx.params.schoolId!);
      const { districtId: _x, ...rest } = s;
      return { body: { ...rest, districtId: s.districtId } };
    },
    async updateSchool(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const s = await schoolInScope(c, ctx, ctx.params.schoolId!);
        const cols: Record<string, string> = { name: 'name', dpaSignedAt: 'dpa_signed_at', dataResidency: 'data_residency', retentionDays: 'retention_days' };
        const keys = Object.keys(b);
        const r = await c.query(`UPDATE schools SET ${keys.map((k, i) => `${cols[k]} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING *`, [s.id, ...keys.map((k) => b[k])]);
        await ctx.audit(c, { eventType: 'settings.change', action: ctx.op.action, resourceType: 'school', resourceId: s.id, schoolId: s.id, districtId: s.districtId, details: { fields: keys.sort() } });
        return { body: camelRow(r.rows[0]) };
      });
    },
    async listUsers(ctx) {
      const s = await schoolInScope(pool, ctx, ctx.params.schoolId!);
      const r = await pool.query('SELECT id, email, name, role, school_id, created_at FROM users WHERE school_id = $1 ORDER BY email', [s.id]);
      return { body: { users: r.rows.map(camelRow) } };
    },
    async createUser(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const s = await schoolInScope(c, ctx, ctx.params.schoolId!);
        const r = await c.query('INSERT INTO users (email, name, role, school_id) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING RETURNING id, email, name, role, school_id, created_at', [b.email, b.name, b.role, s.id]);
        if (!r.rows[0]) throw new HttpError(409, `a user with email ${b.email} already exists`);
        await ctx.audit(c, { eventType: 'permission.grant', action: ctx.op.action, resourceType: 'user', resourceId: r.rows[0].id, schoolId: s.id, districtId: s.districtId, details: { role: b.role } });
        return { status: 201, body: camelRow(r.rows[0]) };
      });
    },
    async listStudents(ctx) {
      return withTx(pool, async (c) => {
        const s = await schoolInScope(c, ctx, ctx.params.schoolId!);
        const r = await c.query('SELECT * FROM students WHERE school_id = $1 ORDER BY student_number LIMIT 1000', [s.id]);
        await ctx.audit(c, { eventType: 'data.access', action: ctx.op.action, resourceType: 'school', resourceId: s.id, schoolId: s.id, districtId: s.districtId, details: { studentIds: r.rows.map((x) => x.id) } });
        return { body: { students: r.rows.map(camelRow) } };
      });
    },
    async createStudent(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const s = await schoolInScope(c, ctx, ctx.params.schoolId!);
        const r = await c.query(
          `INSERT INTO students (school_id, student_number, given_name, family_name, birth_date, grade_level, enrolled_at, withdrawn_at)
           VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::date, CURRENT_DATE), $8) ON CONFLICT (school_id, student_number) DO NOTHING RETURNING *`,
          [s.id, b.studentNumber, b.givenName, b.familyName, b.birthDate ?? null, b.gradeLevel ?? null, b.enrolledAt ?? null, b.withdrawnAt ?? null],
        );
        if (!r.rows[0]) throw new HttpError(409, `student number ${b.studentNumber} already exists in school ${s.id}`, { schoolId: s.id, outcome: 'rejected' });
        await ctx.audit(c, studentEntry({ ...r.rows[0], district_id: s.districtId }, 'data.change', ctx.op.action, { fields: Object.keys(b).sort() }));
        return { status: 201, body: camelRow(r.rows[0]) };
      });
    },
    async getStudent(ctx) {
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        await ctx.audit(c, studentEntry(row, 'data.access', ctx.op.action));
        return { body: publicStudent(row) };
      });
    },
    async updateStudent(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!, true);
        const cols: Record<string, string> = { givenName: 'given_name', familyName: 'family_name', birthDate: 'birth_date', gradeLevel: 'grade_level', withdrawnAt: 'withdrawn_at' };
        const keys = Object.keys(b);
        const r = await c.query(`UPDATE students SET ${keys.map((k, i) => `${cols[k]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`, [row.id, ...keys.map((k) => b[k])]);
        await ctx.audit(c, studentEntry(row, 'data.change', ctx.op.action, { fields: keys.sort() }));
        return { body: camelRow(r.rows[0]) };
      });
    },
    async deleteStudent(ctx) {
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!, true);
        const cert = await records.deleteStudents(c, [{ id: row.id, schoolId: row.school_id, districtId: row.district_id }], {
          audit, ctx: ctxOf(ctx.req), action: ctx.op.action, requestedBy: ctx.p.userId, reason: `deleted by ${ctx.p.role}`, scope: { studentIds: [row.id] }, districtId: row.district_id,
        });
        return { body: cert };
      });
    },
    async listAssessments(ctx) {
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        const r = await c.query('SELECT * FROM assessments WHERE student_id = $1 ORDER BY assessed_on, id', [row.id]);
        await ctx.audit(c, studentEntry(row, 'data.access', ctx.op.action, { assessmentIds: r.rows.map((x) => x.id) }));
        return { body: { assessments: r.rows.map(camelRow) } };
      });
    },
    async createAssessment(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        const r = await c.query('INSERT INTO assessments (student_id, school_id, subject, score, assessed_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [row.id, row.school_id, b.subject, b.score, b.assessedOn, ctx.p.userId]);
        await ctx.audit(c, studentEntry(row, 'data.change', ctx.op.action, { assessmentId: r.rows[0].id }));
        return { status: 201, body: camelRow(r.rows[0]) };
      });
    },
    async listDisclosures(ctx) {
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        const r = await c.query('SELECT * FROM disclosures WHERE student_id = $1 ORDER BY disclosed_at, id', [row.id]);
        await ctx.audit(c, studentEntry(row, 'data.access', ctx.op.action, { disclosureIds: r.rows.map((x) => x.id) }));
        return { body: { studentId: row.id, disclosures: r.rows.map(camelRow) } };
      });
    },
    async createDisclosure(ctx) {
      const b = ctx.body;
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        const r = await c.query(
          'INSERT INTO disclosures (student_id, school_id, recipient, recipient_org, legitimate_interest, records_disclosed, disclosed_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()), $8) RETURNING *',
          [row.id, row.school_id, b.recipient, b.recipientOrg ?? null, b.legitimateInterest, b.recordsDisclosed, b.disclosedAt ?? null, ctx.p.userId],
        );
        await ctx.audit(c, studentEntry(row, 'disclosure', ctx.op.action, { disclosureId: r.rows[0].id }));
        return { status: 201, body: camelRow(r.rows[0]) };
      });
    },
    async exportStudent(ctx) {
      return withTx(pool, async (c) => {
        const row = await studentInScope(c, ctx, ctx.params.studentId!);
        const tables = await records.exportStudents(c, [row.id]);
        const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
        await ctx.audit(c, studentEntry(row, 'data.export', ctx.op.action, { counts }));
        return { body: { exportedAt: new Date().toISOString(), scope: { studentId: row.id }, counts, tables } };
      });
    },
    async exportSchool(ctx) {
      return withTx(pool, async (c) => {
        const s = await schoolInScope(c, ctx, ctx.params.schoolId!);
        const ids = (await c.query('SELECT id FROM students WHERE school_id = $1', [s.id])).rows.map((r) => r.id as string);
        const tables = await records.exportStudents(c, ids);
        const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
        await ctx.audit(c, { eventType: 'data.export', action: ctx.op.action, resourceType: 'school', resourceId: s.id, schoolId: s.id, districtId: s.districtId, details: { counts, studentIds: ids } });
        return { body: { exportedAt: new Date().toISOString(), scope: { schoolId: s.id }, counts, tables } };
      });
    },
    async readAuditLog(ctx) {
      const s = await schoolInScope(pool, ctx, ctx.params.schoolId!);
      const where = ['school_id = $1'];
      const params: unknown[] = [s.id];
      if (ctx.query.requestId) where.push(`request_id = $${params.push(ctx.query.requestId)}`);
      if (ctx.query.resourceId) where.push(`resource_id = $${params.push(ctx.query.resourceId)}`);
      const r = await pool.query(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.push(ctx.query.limit ?? 200)}`, params);
      await ctx.audit(pool as unknown as Client, { eventType: 'audit.read', action: ctx.op.action, resourceType: 'school', resourceId: s.id, schoolId: s.id, districtId: s.districtId, details: { returned: r.rowCount } });
      return { body: { schoolId: s.id, entries: r.rows.map((row) => ({ ...camelRow(row), id: String(row.id) })) } };
    },
    async requestDeletion(ctx) {
      const b = ctx.body;
      const districtId = ctx.params.districtId!;
      if ((b.schoolId === undefined) === (b.studentIds === undefined)) throw new HttpError(400, 'body must name exactly one of schoolId or studentIds');
      if (!scope.district(ctx.p, districtId, ctx.op)) throw new HttpError(404, `district ${districtId} not found`, { outcome: 'denied' });
      return withTx(pool, async (c) => {
        let students: Array<{ id: string; schoolId: string; districtId: string }>;
        const extra: Array<{ table: string; where: string; params: unknown[] }> = [];
        if (b.schoolId) {
          const s = (await c.query('SELECT id, district_id FROM schools WHERE id = $1', [b.schoolId])).rows[0];
          if (!s || s.district_id !== districtId) throw new HttpError(404, `school ${b.schoolId} not found in district ${districtId}`, { schoolId: s?.id ?? null, outcome: s ? 'denied' : 'not-found' });
          students = (await c.query('SELECT id FROM students WHERE school_id = $1 FOR UPDATE', [s.id])).rows.map((r) => ({ id: r.id, schoolId: s.id, districtId }));
          extra.push({ table: 'queries', where: 'school_id = $1', params: [s.id] });
        } else {
          const r = await c.query('SELECT st.id, st.school_id, sc.district_id FROM students st JOIN schools sc ON sc.id = st.school_id WHERE st.id = ANY($1::uuid[]) FOR UPDATE OF st', [b.studentIds]);
          const found = new Map(r.rows.map((x) => [x.id as string, x]));
          const missing = (b.studentIds as string[]).filter((id) => found.get(id)?.district_id !== districtId);
          if (missing.length) throw new HttpError(404, `student ${missing[0]} not found in district ${districtId}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; nothing was deleted`);
          students = r.rows.map((x) => ({ id: x.id, schoolId: x.school_id, districtId }));
        }
        const cert = await records.deleteStudents(c, students, {
          audit, ctx: ctxOf(ctx.req), action: ctx.op.action, requestedBy: ctx.p.userId, reason: b.reason, districtId,
          scope: b.schoolId ? { schoolId: b.schoolId } : { studentIds: [...b.studentIds].sort() }, extraTables: extra,
        });
        await ctx.audit(c, { eventType: 'data.deletion', action: ctx.op.action, resourceType: 'deletion-certificate', resourceId: cert.certificateId, schoolId: b.schoolId ?? students[0]?.schoolId ?? null, districtId, details: { counts: cert.counts, idsSha256: cert.idsSha256 } });
        return { body: cert };
      });
    },
    async retentionPurge(ctx) {
      const asOf = ctx.body.asOf ?? today();
      if (asOf > today()) throw new HttpError(400, `asOf ${asOf} lies in the future; the purge deletes only what the retention window already expired`);
      const report = await records.purgeExpired(pool, { asOf, audit, ctx: ctxOf(ctx.req), requestedBy: ctx.p.userId });
      await ctx.audit(pool as unknown as Client, { eventType: 'retention.purge', action: ctx.op.action, resourceType: 'retention-job', resourceId: null, schoolId: null, details: { asOf, purgedStudents: report.purgedStudents, certificates: report.certificates.map((c) => c.certificateId) } });
      return { body: report };
    },
  };

  for (const op of spec.operations) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`openapi.yaml declares ${op.operationId}, which the API does not implement`);
    const schema: Record<string, unknown> = {};
    for (const part of ['path', 'query', 'header'] as const) {
      const ps = op.params.filter((p) => p.in === part);
      if (!ps.length) continue;
      const key = part === 'path' ? 'params' : part === 'query' ? 'querystring' : 'headers';
      const name = (n: string) => (part === 'header' ? n.toLowerCase() : n);
      schema[key] = {
        type: 'object',
        additionalProperties: part === 'header',
        required: ps.filter((p) => p.required).map((p) => name(p.name)),
        properties: Object.fromEntries(ps.map((p) => [name(p.name), p.schema])),
      };
    }
    if (op.body) schema.body = op.bodyRequired ? op.body : { anyOf: [op.body, { type: 'null' }] };
    app.route({
      method: op.method as 'GET',
      url: fastifyPath(op.path),
      schema,
      config: { operationId: op.operationId },
      handler: async (req, reply) => {
        const ctx: Ctx = {
          req, op, p: req.principal!, body: (req.body ?? {}) as Body, params: req.params as Record<string, string>, query: (req.query ?? {}) as Record<string, any>,
          audit: (db, e) => audit(db, ctxOf(req), { outcome: 'success', ...e }),
        };
        const out = await handler(ctx);
        reply.code(out.status ?? 200);
        if (typeof out.body === 'string') reply.type('application/json');
        return out.body;
      },
    });
  }
  const declared = new Set(spec.operations.map((o) => o.operationId));
  for (const id of Object.keys(handlers)) if (!declared.has(id)) throw new Error(`handler ${id} is not declared in openapi.yaml`);
  return app;
}
