import type { Directive } from './positions.js';
import type { ParsedFile } from './parse.js';

export type Body = Record<string, unknown>;

/** A block of the configuration with where it was written. */
export interface Block {
  body: Body;
  file: string;
  line: number;
  /** Attribute path -> line (see BlockPos.attrs). */
  attrs: Record<string, number>;
  directives: Directive[];
}

export interface ResourceBlock extends Block {
  mode: 'managed' | 'data';
  type: string;
  name: string;
}

export interface ModuleCall extends Block {
  name: string;
  source?: string;
}

export interface ProviderBlock extends Block {
  name: string;
}

/** One module directory: every top-level block of its files, keyed by name. */
export interface ModuleConfig {
  dir: string;
  variables: Map<string, Block>;
  locals: Map<string, { expr: unknown; file: string; line: number }>;
  outputs: Map<string, Block>;
  /** `aws_s3_bucket.b`, `data.aws_iam_policy_document.p` */
  resources: Map<string, ResourceBlock>;
  modules: Map<string, ModuleCall>;
  providers: ProviderBlock[];
  /**
   * `removed` blocks with `lifecycle { destroy = false }` (Terraform 1.7): what they name leaves the
   * configuration but stays in the account. `from` as written (`aws_db_instance.x`, `module.m`).
   */
  forgotten: Array<{ from: string; file: string; line: number }>;
}

function isOverride(path: string): boolean {
  return /(^|[/\\])(override|[^/\\]*_override)\.tf(\.json)?$/.test(path);
}

/** Nested-block aware merge used for override files: attributes replace, the rest stays. */
function mergeBody(base: Body, over: Body): Body {
  return { ...base, ...over };
}

/** Build the module's configuration from its parsed files (override files applied last). */
export function buildConfig(dir: string, files: ParsedFile[]): ModuleConfig {
  const cfg: ModuleConfig = { dir, variables: new Map(), locals: new Map(), outputs: new Map(), resources: new Map(), modules: new Map(), providers: [], forgotten: [] };
  const ordered = [...files.filter((f) => !isOverride(f.path)), ...files.filter((f) => isOverride(f.path))];
  for (const f of ordered) {
    const override = isOverride(f.path);
    const posOf = (kind: string, labels: string[], nth = 0): { line: number; attrs: Record<string, number>; directives: Directive[] } => {
      let seen = 0;
      for (const b of f.blocks) {
        if (b.kind === kind && labels.every((l, i) => b.labels[i] === l)) {
          if (seen++ === nth) return { line: b.line, attrs: b.attrs, directives: b.directives };
        }
      }
      return { line: 1, attrs: {}, directives: [] };
    };
    const bodies = (v: unknown): Body[] => (Array.isArray(v) ? (v as Body[]) : v && typeof v === 'object' ? [v as Body] : []);
    for (const mode of ['resource', 'data'] as const) {
      const byType = f.body[mode] as Record<string, Record<string, unknown>> | undefined;
      if (!byType || typeof byType !== 'object') continue;
      for (const [type, byName] of Object.entries(byType)) {
        for (const [name, list] of Object.entries(byName ?? {})) {
          const body = bodies(list)[0] ?? {};
          const key = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
          const prev = cfg.resources.get(key);
          if (override && prev) {
            prev.body = mergeBody(prev.body, body);
            continue;
          }
          cfg.resources.set(key, { mode: mode === 'data' ? 'data' : 'managed', type, name, body, file: f.display, ...posOf(mode, [type, name]) });
        }
      }
    }
    for (const [name, list] of Object.entries((f.body.module ?? {}) as Record<string, unknown>)) {
      const body = bodies(list)[0] ?? {};
      const prev = cfg.modules.get(name);
      if (override && prev) {
        prev.body = mergeBody(prev.body, body);
        prev.source = typeof prev.body.source === 'string' ? prev.body.source : prev.source;
        continue;
      }
      cfg.modules.set(name, { name, source: typeof body.source === 'string' ? body.source : undefined, body, file: f.display, ...posOf('module', [name]) });
    }
    for (const [name, list] of Object.entries((f.body.variable ?? {}) as Record<string, unknown>)) {
      const body = bodies(list)[0] ?? {};
      const prev = cfg.variables.get(name);
      if (override && prev) prev.body = mergeBody(prev.body, body);
      else cfg.variables.set(name, { body, file: f.display, ...posOf('variable', [name]) });
    }
    for (const [name, list] of Object.entries((f.body.output ?? {}) as Record<string, unknown>)) {
      const body = bodies(list)[0] ?? {};
      const prev = cfg.outputs.get(name);
      if (override && prev) prev.body = mergeBody(prev.body, body);
      else cfg.outputs.set(name, { body, file: f.display, ...posOf('output', [name]) });
    }
    let localsIdx = 0;
    for (const block of bodies(f.body.locals)) {
      const pos = posOf('locals', [], localsIdx++);
      for (const [name, expr] of Object.entries(block)) cfg.locals.set(name, { expr, file: f.display, line: pos.attrs[name] ?? pos.line });
    }
    bodies(f.body.removed).forEach((body, i) => {
      const from = typeof body.from === 'string' ? body.from.replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1') : undefined;
      const kept = bodies(body.lifecycle).some((l) => l.destroy === false);
      if (from && kept) cfg.forgotten.push({ from, file: f.display, line: posOf('removed', [], i).line });
    });
    for (const [name, list] of Object.entries((f.body.provider ?? {}) as Record<string, unknown>)) {
      bodies(list).forEach((body, i) => cfg.providers.push({ name, body, file: f.display, ...posOf('provider', [name], i) }));
    }
  }
  // source order (the syntax parser sorts keys): by file, then line
  const fileOrder = new Map(ordered.map((f, i) => [f.display, i]));
  const sorted = [...cfg.resources.entries()].sort(([, a], [, b]) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  cfg.resources = new Map(sorted);
  const mods = [...cfg.modules.entries()].sort(([, a], [, b]) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  cfg.modules = new Map(mods);
  return cfg;
}
