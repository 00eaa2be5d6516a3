// The APP conformance suite: drives any API that publishes the x-ferpa-* annotated OpenAPI document
// and checks the application-level FERPA controls by calling it. Output: a ferpa-ready Results document
// with findings of source `app`.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appFindingId, sortFindings, summarize, toolVersion, type Finding, type Results, type Status } from './results.js';
import { loadAppChecks, type AppCheck } from './checks.js';
import { operationsOf, type Operation, type Role, type Spec } from '../src/spec.js';
import { credentialHeaders, type ConformanceConfig, type Credential } from './config.js';

/** The checks this suite implements; each is described by policies/app/<id>.app.yaml (checks.ts). */
export const APP_CHECK_IDS = [
  'app-audit-every-student-record-access',
  'app-audit-refused-access',
  'app-audit-log-no-student-data',
  'app-rbac-role-matrix',
  'app-tenant-isolation',
  'app-export-complete',
  'app-deletion-complete',
  'app-retention-purge',
  'app-disclosure-ledger',
] as const;
type AppCheckId = (typeof APP_CHECK_IDS)[number];

export interface RunOptions {
  baseUrl: string;
  config: ConformanceConfig;
  /** The OpenAPI document; fetched from `<baseUrl>/api/v1/openapi.json` when absent. */
  openapi?: Record<string, unknown>;
  openapiPath?: string;
}

interface CallResult {
  status: number;
  text: string;
  json: any;
  requestId: string;
}

const ALLOWED_PREFERENCE: Role[] = ['school_admin', 'teacher', 'district_admin', 'system_admin'];
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const isOk = (s: number) => s >= 200 && s < 300;
const isRefused = (s: number) => s === 403 || s === 404;

/** Replace `{{name}}` in every string of an example body. */
function render(node: unknown, vars: Record<string, string>): unknown {
  if (typeof node === 'string') return node.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  if (Array.isArray(node)) return node.map((n) => render(n, vars));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, render(v, vars)]));
  return node;
}
const mentions = (node: unknown, name: string): boolean => JSON.stringify(node ?? null).includes(`{{${name}}}`);

export class ConformanceRun {
  readonly findings: Finding[] = [];
  private spec!: Spec;
  private sha = '';
  private markers: string[] = [];
  private created: string[] = [];
  private readonly purpose: string;
  private checks = new Map<string, AppCheck>();

  constructor(private readonly opts: RunOptions) {
    this.purpose = opts.config.purpose ?? 'audit';
  }

  // --- plumbing ----------------------------------------------------------------------------------
  private url(op: Operation, vars: Record<string, string>, query?: Record<string, string>): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_, k: string) => {
      if (vars[k] === undefined) throw new Error(`no value for path parameter ${k} of ${op.operationId}`);
      return encodeURIComponent(vars[k]!);
    });
    const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
    return `${this.opts.baseUrl.replace(/\/$/, '')}${path}${qs}`;
  }

  async call(op: Operation, cred: Credential | null, vars: Record<string, string>, opts: { body?: unknown; query?: Record<string, string> } = {}): Promise<CallResult> {
    const requestId = `conf-${randomUUID()}`;
    const headers: Record<string, string> = { [this.spec.audit.correlationHeader.toLowerCase()]: requestId, [this.spec.purposeHeader.toLowerCase()]: this.purpose, ...(cred ? credentialHeaders(cred) : {}) };
    let body: string | undefined;
    const payload = opts.body !== undefined ? opts.body : op.example !== undefined ? render(op.example, vars) : op.bodyRequired ? {} : undefined;
    if (payload !== undefined && op.method !== 'GET' && op.method !== 'DELETE') {
      body = JSON.stringify(payload);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.url(op, vars, opts.query), { method: op.method, headers, body });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (op.action === 'student.create' && res.ok && typeof json?.id === 'string') this.created.push(json.id);
    return { status: res.status, text, json, requestId };
  }

  private op(action: string): Operation | undefined {
    return this.spec.operations.find((o) => o.action === action);
  }
  private need(action: string): Operation {
    const op = this.op(action);
    if (!op) throw new Error(`the OpenAPI document has no operation with x-ferpa-action: ${action}`);
    return op;
  }
  private cred(role: Role): Credential | undefined {
    return this.opts.config.roles[role];
  }
  private allowedRole(op: Operation): Role | undefined {
    return ALLOWED_PREFERENCE.find((r) => op.roles.includes(r) && this.cred(r));
  }
  private baseVars(): Record<string, string> {
    return { schoolId: this.opts.config.schoolId, districtId: this.opts.config.districtId, unique: randomBytes(5).toString('hex') };
  }

  private add(policyId: AppCheckId, address: string, status: Status, message: string, evidence: Record<string, unknown> = {}): void {
    const m = this.checks.get(policyId)!;
    this.findings.push({
      id: appFindingId(policyId, address),
      policyId, status, severity: m.severity, category: m.category, controls: m.controls,
      resource: { kind: 'app.operation', address, arn: null, file: null, line: null },
      message, evidence, source: 'app',
    });
  }
  private where(op: Operation): string {
    return `${op.method} ${op.path}`;
  }

  /** Create a student in the configured school (school_admin), with optional extra fields and child records. */
  async fixture(extra: Record<string, unknown> = {}, children: { assessments?: number; disclosures?: number } = {}) {
    const create = this.need('student.create');
    const vars = this.baseVars();
    const body = { ...(render(create.example ?? {}, vars) as Record<string, unknown>), ...extra };
    const r = await this.call(create, this.cred('school_admin')!, vars, { body });
    if (!isOk(r.status) || typeof r.json?.id !== 'string') throw new Error(`could not create a fixture student with ${this.where(create)}: ${r.status} ${r.text.slice(0, 200)}`);
    const markers = Object.values(body).filter((v): v is string => typeof v === 'string' && v.includes(vars.unique!));
    this.markers.push(...markers);
    const ids: Record<string, string[]> = { students: [r.json.id] };
    for (const [table, action, n] of [['assessments', 'assessment.create', children.assessments ?? 0], ['disclosures', 'disclosure.create', children.disclosures ?? 0]] as const) {
      for (let i = 0; i < n; i++) {
        const op = this.need(action);
        const role = this.allowedRole(op);
        if (!role) throw new Error(`no configured role may call ${this.where(op)}`);
        const c = await this.call(op, this.cred(role)!, { ...vars, studentId: r.json.id });
        if (!isOk(c.status) || typeof c.json?.id !== 'string') throw new Error(`could not create a fixture ${action} with ${this.where(op)}: ${c.status} ${c.text.slice(0, 200)}`);
        (ids[table] ??= []).push(c.json.id);
      }
    }
    return { id: r.json.id as string, markers, ids, vars: { ...vars, studentId: r.json.id as string } };
  }

  /** Variables for calling op: a fresh fixture student when the op names one. */
  private async varsFor(op: Operation): Promise<Record<string, string>> {
    // the purge needs a record past its retention window to act on
    if (op.action === 'retention.purge') return (await this.fixture({ withdrawnAt: '2000-01-01' })).vars;
    const needsStudent = op.path.includes('{studentId}') || mentions(op.example, 'studentId');
    if (!needsStudent) return this.baseVars();
    return (await this.fixture()).vars;
  }

  private async auditEntries(requestId: string, resourceId?: string): Promise<any[]> {
    const op = this.spec.operations.find((o) => o.operationId === this.spec.audit.operationId);
    if (!op) throw new Error(`the audit-log operation ${this.spec.audit.operationId} (x-ferpa-audit) is not in the OpenAPI document`);
    const role = this.allowedRole(op);
    if (!role) throw new Error(`no configured role may read the audit log (${this.where(op)})`);
    const query: Record<string, string> = resourceId ? { resourceId } : { requestId };
    const r = await this.call(op, this.cred(role)!, this.baseVars(), { query });
    if (!isOk(r.status) || !Array.isArray(r.json?.entries)) throw new Error(`reading the audit log with ${this.where(op)} failed: ${r.status} ${r.text.slice(0, 200)}`);
    return r.json.entries.filter((e: any) => (resourceId ? true : e.requestId === requestId));
  }

  private async auditLogText(): Promise<string> {
    const op = this.spec.operations.find((o) => o.operationId === this.spec.audit.operationId)!;
    const r = await this.call(op, this.cred(this.allowedRole(op)!)!, this.baseVars(), { query: { limit: '1000' } });
    return r.text;
  }

  // --- checks ------------------------------------------------------------------------------------
  private async guard(policyId: AppCheckId, address: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.add(policyId, address, 'error', `the check could not run: ${(e as Error).message}`);
    }
  }

  async checkAuditEveryAccess(): Promise<void> {
    for (const op of this.spec.operations.filter((o) => o.studentRecord)) {
      await this.guard('app-audit-every-student-record-access', this.where(op), async () => {
        const role = this.allowedRole(op);
        if (!role) throw new Error(`no configured credential for any of its roles (${op.roles.join(', ')})`);
        const vars = await this.varsFor(op);
        const r = await this.call(op, this.cred(role)!, vars);
        if (!isOk(r.status)) throw new Error(`${role} call answered ${r.status}: ${r.text.slice(0, 200)}`);
        const entries = await this.auditEntries(r.requestId);
        const evidence = { role, requestId: r.requestId, status: r.status, auditEntries: entries.length };
        if (!entries.length) {
          this.add('app-audit-every-student-record-access', this.where(op), 'fail', `${this.where(op)} answered ${r.status} to ${role} but wrote no audit record for request ${r.requestId} (school ${this.opts.config.schoolId} audit log)`, evidence);
          return;
        }
        const missing = ['userId', 'at', 'ip', 'purpose', 'action'].filter((f) => !entries.some((e) => e[f] !== null && e[f] !== undefined && e[f] !== ''));
        const wrongPurpose = entries.every((e) => e.purpose !== this.purpose);
        if (missing.length || wrongPurpose) {
          this.add('app-audit-every-student-record-access', this.where(op), 'fail', `${this.where(op)} wrote an audit record for request ${r.requestId} without ${[...missing, ...(wrongPurpose && !missing.includes('purpose') ? [`the purpose sent (${this.purpose})`] : [])].join(', ')}`, evidence);
          return;
        }
        this.add('app-audit-every-student-record-access', this.where(op), 'pass', `${this.where(op)} wrote ${entries.length} audit record(s) for request ${r.requestId} with who, what, when, where and why`, evidence);
      });
    }
  }

  async checkRoleMatrix(): Promise<void> {
    const roles = (Object.keys(this.opts.config.roles) as Role[]).filter((r) => this.cred(r));
    for (const op of this.spec.operations.filter((o) => !o.roles.includes('public' as Role))) {
      await this.guard('app-rbac-role-matrix', this.where(op), async () => {
        const problems: string[] = [];
        const observed: Record<string, number> = {};
        const anon = await this.call(op, null, await this.varsFor(op));
        observed.anonymous = anon.status;
        if (anon.status !== 401) problems.push(`an unauthenticated call got ${anon.status}, not 401`);
        for (const role of roles) {
          const r = await this.call(op, this.cred(role)!, await this.varsFor(op));
          observed[role] = r.status;
          const allowed = op.roles.includes(role);
          if (allowed && !isOk(r.status)) problems.push(`${role} was refused (${r.status}) although x-ferpa-roles allows it`);
          if (!allowed && !isRefused(r.status)) problems.push(`${role} got ${r.status} although x-ferpa-roles limits it to [${op.roles.join(', ')}]`);
        }
        const evidence = { declaredRoles: op.roles, observed };
        if (problems.length) this.add('app-rbac-role-matrix', this.where(op), 'fail', `${this.where(op)}: ${problems.join('; ')}`, evidence);
        else this.add('app-rbac-role-matrix', this.where(op), 'pass', `${this.where(op)} allows exactly [${op.roles.join(', ')}] of the ${roles.length} roles tried and refuses anonymous calls`, evidence);
      });
    }
  }

  async checkTenantIsolation(): Promise<void> {
    const ops = this.spec.operations
      .filter((o) => !o.roles.includes('public' as Role) && o.scope !== 'global' && /\{(studentId|schoolId|districtId)\}/.test(o.path))
      .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    let refusedSample: { requestId: string; studentId: string; where: string } | undefined;
    for (const op of ops) {
      await this.guard('app-tenant-isolation', this.where(op), async () => {
        const problems: string[] = [];
        const observed: Record<string, unknown> = {};
        for (const t of this.opts.config.otherTenants) {
          const fx = await this.fixture({}, { assessments: 1, disclosures: 1 });
          const r = await this.call(op, t.credential, fx.vars);
          observed[t.label] = r.status;
          const leaked = fx.markers.filter((m) => r.text.includes(m));
          if (isOk(r.status)) problems.push(`${t.label} got ${r.status} on school ${this.opts.config.schoolId}'s ${op.path.includes('{studentId}') ? `student ${fx.id}` : 'records'}`);
          else if (leaked.length) problems.push(`${t.label}'s refused call (${r.status}) still returned the student's data`);
          else if (r.status >= 500) problems.push(`${t.label} got ${r.status} (server error) instead of 403/404`);
          if (op.method === 'GET' && op.path.includes('{studentId}') && !isOk(r.status) && !refusedSample) refusedSample = { requestId: r.requestId, studentId: fx.id, where: this.where(op) };
          if (op.path.includes('{studentId}') && op.method === 'GET') {
            // id guessing: an existing id of another school and a random id must look the same
            const guess = await this.call(op, t.credential, { ...fx.vars, studentId: randomUUID() });
            const junk = await this.call(op, t.credential, { ...fx.vars, studentId: "1' OR '1'='1" });
            observed[`${t.label} (random id)`] = guess.status;
            observed[`${t.label} (malformed id)`] = junk.status;
            if (isOk(guess.status) || guess.status >= 500) problems.push(`${t.label} guessing a random student id got ${guess.status}`);
            else if (!isOk(r.status) && guess.status !== r.status) problems.push(`${t.label} can tell another school's student ids exist: ${r.status} for an existing id, ${guess.status} for a random one`);
            if (junk.status < 400 || junk.status >= 500) problems.push(`${t.label} sending a malformed id got ${junk.status}, not a 4xx`);
          }
        }
        const evidence = { observed };
        if (problems.length) this.add('app-tenant-isolation', this.where(op), 'fail', `${this.where(op)}: ${problems.join('; ')}`, evidence);
        else this.add('app-tenant-isolation', this.where(op), 'pass', `${this.where(op)} refuses ${this.opts.config.otherTenants.map((t) => t.label).join(', ')} on another tenant's records`, evidence);
      });
    }
    await this.guard('app-audit-refused-access', 'refused access', async () => {
      if (!refusedSample) throw new Error('no refused cross-tenant read was observed to look up');
      const s = refusedSample;
      const entries = await this.auditEntries(s.requestId);
      if (entries.length) this.add('app-audit-refused-access', s.where, 'pass', `the refused cross-tenant read ${s.requestId} of student ${s.studentId} is in the school's audit log (outcome ${entries[0].outcome})`, { requestId: s.requestId });
      else this.add('app-audit-refused-access', s.where, 'fail', `the refused cross-tenant read ${s.requestId} of student ${s.studentId} (${s.where}) is not in school ${this.opts.config.schoolId}'s audit log`, { requestId: s.requestId });
    });
  }

  private missingIn(exported: any, ids: Record<string, string[]>): string[] {
    const missing: string[] = [];
    for (const table of new Set([...this.spec.studentTables, ...Object.keys(ids)])) {
      const rows = exported?.tables?.[table];
      if (!Array.isArray(rows)) {
        missing.push(`table ${table} is absent`);
        continue;
      }
      const have = new Set(rows.map((r: any) => r?.id));
      for (const id of ids[table] ?? []) if (!have.has(id)) missing.push(`${table} row ${id}`);
    }
    return missing;
  }

  async checkExport(): Promise<void> {
    for (const action of ['student.export', 'school.export']) {
      const op = this.op(action);
      const address = op ? this.where(op) : action;
      await this.guard('app-export-complete', address, async () => {
        if (!op) throw new Error(`the OpenAPI document has no operation with x-ferpa-action: ${action}`);
        const fx = await this.fixture({}, { assessments: 2, disclosures: 1 });
        const role = this.allowedRole(op);
        if (!role) throw new Error(`no configured role may call ${address}`);
        const r = await this.call(op, this.cred(role)!, fx.vars);
        if (!isOk(r.status)) throw new Error(`${role} export answered ${r.status}: ${r.text.slice(0, 200)}`);
        const missing = this.missingIn(r.json, fx.ids);
        const evidence = { created: fx.ids, exportedTables: Object.keys(r.json?.tables ?? {}) };
        if (missing.length) this.add('app-export-complete', address, 'fail', `${address} export of student ${fx.id} lacks ${missing.join(', ')}`, evidence);
        else this.add('app-export-complete', address, 'pass', `${address} returned every record created for student ${fx.id} (${Object.entries(fx.ids).map(([t, v]) => `${v.length} ${t}`).join(', ')})`, evidence);
      });
    }
  }

  /** Everything a reader could still see about a deleted student: problems found. */
  private async traces(studentId: string, markers: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const op of this.spec.operations.filter((o) => o.method === 'GET' && !o.roles.includes('public' as Role))) {
      const role = this.allowedRole(op);
      if (!role) continue;
      const vars = { ...this.baseVars(), studentId };
      const r = await this.call(op, this.cred(role)!, vars);
      if (op.path.includes('{studentId}')) {
        if (r.status !== 404 && r.status !== 410) problems.push(`${this.where(op)} answered ${r.status} for the deleted student`);
        continue;
      }
      if (op.studentRecord && r.text.includes(studentId)) problems.push(`${this.where(op)} still lists the deleted student's id`);
      const leaked = markers.filter((m) => r.text.includes(m));
      if (leaked.length) problems.push(`${this.where(op)} still shows the deleted student's data (${leaked.length} value(s))`);
    }
    return problems;
  }

  async checkDeletion(): Promise<void> {
    for (const action of ['deletion.request', 'student.delete']) {
      const op = this.op(action);
      if (!op && action === 'student.delete') continue;
      const address = op ? this.where(op) : action;
      await this.guard('app-deletion-complete', address, async () => {
        if (!op) throw new Error(`the OpenAPI document has no operation with x-ferpa-action: ${action}`);
        const fx = await this.fixture({}, { assessments: 1, disclosures: 1 });
        const role = ALLOWED_PREFERENCE.slice().reverse().find((r) => op.roles.includes(r) && this.cred(r) && r !== 'system_admin') ?? this.allowedRole(op);
        if (!role) throw new Error(`no configured role may call ${address}`);
        const r = await this.call(op, this.cred(role)!, fx.vars);
        if (!isOk(r.status)) throw new Error(`${role} deletion answered ${r.status}: ${r.text.slice(0, 200)}`);
        const problems: string[] = [];
        const cert = r.json ?? {};
        for (const [table, ids] of Object.entries(fx.ids)) {
          if (cert.counts?.[table] !== ids.length) problems.push(`certificate counts ${cert.counts?.[table] ?? 'nothing'} ${table}, ${ids.length} were created`);
        }
        const all = Object.values(fx.ids).flat();
        const digest = hash([...all].sort().join('\n'));
        if (cert.idsSha256 !== digest) problems.push(`certificate idsSha256 ${String(cert.idsSha256).slice(0, 16)}… is not the SHA-256 of the ${all.length} deleted ids (${digest.slice(0, 16)}…)`);
        for (const f of ['deletedAt', 'requestedBy']) if (!cert[f]) problems.push(`certificate lacks ${f}`);
        problems.push(...(await this.traces(fx.id, fx.markers)));
        const audited = await this.auditEntries(r.requestId);
        if (!audited.length) problems.push(`the deletion (request ${r.requestId}) is not in the audit log`);
        const evidence = { created: fx.ids, certificate: { counts: cert.counts ?? null, idsSha256: cert.idsSha256 ?? null } };
        if (problems.length) this.add('app-deletion-complete', address, 'fail', `${address} deleting student ${fx.id}: ${problems.join('; ')}`, evidence);
        else this.add('app-deletion-complete', address, 'pass', `${address} deleted student ${fx.id} and its ${all.length - 1} related rows, certified them, and no route shows a trace`, evidence);
      });
    }
  }

  async checkPurge(): Promise<void> {
    const op = this.op('retention.purge');
    const address = op ? this.where(op) : 'retention.purge';
    await this.guard('app-retention-purge', address, async () => {
      if (!op) throw new Error('the OpenAPI document has no operation with x-ferpa-action: retention.purge');
      const expired = await this.fixture({ withdrawnAt: '2000-01-01' }, { assessments: 1 });
      const current = await this.fixture({}, {});
      const role = this.allowedRole(op);
      if (!role) throw new Error(`no configured role may call ${address}`);
      const r = await this.call(op, this.cred(role)!, this.baseVars());
      if (!isOk(r.status)) throw new Error(`${role} purge answered ${r.status}: ${r.text.slice(0, 200)}`);
      const read = this.need('student.read');
      const reader = this.cred(this.allowedRole(read)!)!;
      const a = await this.call(read, reader, expired.vars);
      const b = await this.call(read, reader, current.vars);
      const problems: string[] = [];
      if (a.status !== 404 && a.status !== 410) problems.push(`student ${expired.id}, withdrawn 2000-01-01, is still readable (${a.status}) after the purge`);
      if (!isOk(b.status)) problems.push(`enrolled student ${current.id} was removed too (read answered ${b.status})`);
      const evidence = { expired: expired.id, current: current.id, afterPurge: { expired: a.status, current: b.status } };
      if (problems.length) this.add('app-retention-purge', address, 'fail', `${address}: ${problems.join('; ')}`, evidence);
      else this.add('app-retention-purge', address, 'pass', `${address} deleted the student past the retention window and kept the enrolled one`, evidence);
    });
  }

  async checkDisclosureLedger(): Promise<void> {
    const list = this.op('disclosure.list');
    const address = list ? this.where(list) : 'disclosure.list';
    await this.guard('app-disclosure-ledger', address, async () => {
      if (!list) throw new Error('the OpenAPI document has no operation with x-ferpa-action: disclosure.list');
      const fx = await this.fixture({}, { disclosures: 1 });
      const r = await this.call(list, this.cred('school_admin')!, fx.vars);
      const entries: any[] = Array.isArray(r.json?.disclosures) ? r.json.disclosures : [];
      const e = entries.find((x) => x?.id === fx.ids.disclosures![0]);
      const missing = e ? ['recipient', 'legitimateInterest', 'disclosedAt'].filter((f) => !e[f]) : [];
      if (!isOk(r.status)) this.add('app-disclosure-ledger', address, 'fail', `a school_admin reading student ${fx.id}'s disclosures got ${r.status}`);
      else if (!e) this.add('app-disclosure-ledger', address, 'fail', `disclosure ${fx.ids.disclosures![0]} recorded for student ${fx.id} is not in the student's ledger`);
      else if (missing.length) this.add('app-disclosure-ledger', address, 'fail', `the ledger entry for disclosure ${e.id} lacks ${missing.join(', ')}`);
      else this.add('app-disclosure-ledger', address, 'pass', `student ${fx.id}'s ledger lists the disclosure with recipient, legitimate interest and time`);
    });
  }

  async checkAuditPiiFree(): Promise<void> {
    const op = this.spec.operations.find((o) => o.operationId === this.spec.audit.operationId);
    const address = op ? this.where(op) : 'audit log';
    await this.guard('app-audit-log-no-student-data', address, async () => {
      const text = await this.auditLogText();
      const leaked = this.markers.filter((m) => text.includes(m));
      if (leaked.length) this.add('app-audit-log-no-student-data', address, 'fail', `the audit log of school ${this.opts.config.schoolId} contains ${leaked.length} student data value(s) the suite wrote into records`, { leaked: leaked.length });
      else this.add('app-audit-log-no-student-data', address, 'pass', `none of the ${this.markers.length} student data values the suite wrote appear in the newest 1000 audit entries`);
    });
  }

  /** Delete the fixture students the checks left behind (best effort; not a finding). */
  private async cleanUp(): Promise<void> {
    const op = this.op('student.delete');
    const role = op && this.allowedRole(op);
    if (!op || !role) return;
    for (const id of this.created) await this.call(op, this.cred(role)!, { ...this.baseVars(), studentId: id }).catch(() => undefined);
  }

  async run(): Promise<Results> {
    this.checks = loadAppChecks(APP_CHECK_IDS);
    let doc = this.opts.openapi;
    if (!doc) {
      const res = await fetch(`${this.opts.baseUrl.replace(/\/$/, '')}/api/v1/openapi.json`);
      if (!res.ok) throw new Error(`GET ${this.opts.baseUrl}/api/v1/openapi.json answered ${res.status}`);
      doc = (await res.json()) as Record<string, unknown>;
    }
    this.sha = hash(JSON.stringify(doc));
    this.spec = operationsOf(doc as Record<string, any>);
    await this.checkAuditEveryAccess();
    await this.checkRoleMatrix();
    await this.checkTenantIsolation();
    await this.checkExport();
    await this.checkDeletion();
    await this.checkPurge();
    await this.checkDisclosureLedger();
    await this.checkAuditPiiFree();
    await this.cleanUp();
    const findings = sortFindings(this.findings);
    return {
      schemaVersion: '1',
      tool: { name: 'ferpa-ready', version: toolVersion() },
      generatedAt: new Date().toISOString(),
      inputs: [{ kind: 'app', path: this.opts.openapiPath ?? this.opts.baseUrl, sha256: this.sha, time: new Date().toISOString() }],
      findings,
      summary: summarize(findings),
    };
  }
}

export function runConformance(opts: RunOptions): Promise<Results> {
  return new ConformanceRun(opts).run();
}
