// The OpenAPI document is the single source of the API's contract: route schemas, allowed roles and
// tenancy scopes are read from it, so what is served at /api/v1/openapi.json is what is enforced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Role = 'teacher' | 'school_admin' | 'district_admin' | 'system_admin';
export const ROLES: Role[] = ['teacher', 'school_admin', 'district_admin', 'system_admin'];
export type Scope = 'school' | 'district' | 'global';
export type JsonSchema = Record<string, unknown>;

export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI path (`/api/v1/students/{studentId}`). */
  path: string;
  studentRecord: boolean;
  /** Allowed roles; `public` means no authentication. */
  roles: Array<Role | 'public'>;
  scope: Scope;
  action: string;
  example?: unknown;
  body?: JsonSchema;
  bodyRequired: boolean;
  params: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: JsonSchema }[];
}

export interface Spec {
  doc: Record<string, any>;
  operations: Operation[];
  studentTables: string[];
  purposeHeader: string;
  audit: { operationId: string; correlationHeader: string };
}

export const OPENAPI_PATH = join(import.meta.dirname, '..', 'openapi.yaml');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Inline every local `$ref` (`#/components/...`); the document has no cycles. */
export function deref(doc: Record<string, any>, node: unknown, seen: string[] = []): any {
  if (Array.isArray(node)) return node.map((n) => deref(doc, n, seen));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.$ref === 'string') {
    const ref = o.$ref;
    if (!ref.startsWith('#/') || seen.includes(ref)) throw new Error(`unsupported or cyclic $ref ${ref}`);
    const target = ref.slice(2).split('/').reduce<any>((a, k) => (a == null ? a : a[k.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return deref(doc, target, [...seen, ref]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k.startsWith('x-') ? v : deref(doc, v, seen);
  return out;
}

/** Read the operations of an OpenAPI 3.1 document carrying the x-ferpa-* annotations. */
export function operationsOf(doc: Record<string, any>): Spec {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    const shared = (item.parameters ?? []) as unknown[];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string') throw new Error(`${where}: operationId missing`);
      const roles = op['x-ferpa-roles'];
      if (!Array.isArray(roles) || roles.length === 0) throw new Error(`${where}: x-ferpa-roles missing`);
      const scope = op['x-ferpa-scope'];
      if (!['school', 'district', 'global'].includes(scope)) throw new Error(`${where}: x-ferpa-scope must be school, district or global`);
      if (typeof op['x-ferpa-student-record'] !== 'boolean') throw new Error(`${where}: x-ferpa-student-record missing`);
      const params = [...shared, ...(op.parameters ?? [])].map((p) => deref(doc, p));
      const content = deref(doc, op.requestBody?.content?.['application/json']?.schema);
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        studentRecord: op['x-ferpa-student-record'],
        roles,
        scope,
        action: op['x-ferpa-action'] ?? op.operationId,
        example: op['x-ferpa-example'],
        body: content,
        bodyRequired: !!op.requestBody?.required,
        params: params.map((p: any) => ({ name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} })),
      });
    }
  }
  return {
    doc,
    operations,
    studentTables: doc['x-ferpa-student-tables'] ?? [],
    purposeHeader: doc['x-ferpa-purpose-header'] ?? 'X-Access-Purpose',
    audit: doc['x-ferpa-audit'] ?? { operationId: 'readAuditLog', correlationHeader: 'X-Request-Id' },
  };
}

let cached: Spec | undefined;
export function loadSpec(): Spec {
  cached ??= operationsOf(parse(readFileSync(OPENAPI_PATH, 'utf8')) as Record<string, any>);
  return cached;
}

/** `/api/v1/students/{studentId}` -> `/api/v1/students/:studentId` */
export function fastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
