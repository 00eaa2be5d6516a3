/**
 * The structure of a `terraform show -json` document as a set of `pointer:type` lines, with the names a
 * configuration chooses (resource attributes, variables, outputs, module calls, provider keys) replaced
 * by `*` and list elements by `[]`. Values (planned, prior, marks, constants) count by their type only:
 * their inner shape belongs to the provider, not to the plan format. A nested block inside a nested block of
 * an expression map counts as one level: Terraform writes every level the same way, and how deep
 * blocks go is the provider schema's (Macie's bucket criteria nest five levels, deeper than any corpus plan).
 */
type Mode = 'normal' | 'named' | 'exprmap' | 'leaf';

const LEAF = new Set(['values', 'after', 'before', 'after_unknown', 'after_sensitive', 'before_sensitive', 'sensitive_values', 'constant_value', 'value', 'default']);
const NAMED = new Set(['variables', 'outputs', 'output_changes', 'provider_config', 'module_calls']);

const NESTED_BLOCKS = /(?:\/\*\/\[\]){2,}/g;

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function isExpression(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => k === 'constant_value' || k === 'references');
}

export function planShape(doc: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string, mode: Mode): void => {
    out.add(`${path.replace(NESTED_BLOCKS, '/*/[]') || '/'}:${typeOf(v)}`);
    if (mode === 'leaf' || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const el of v) walk(el, `${path}/[]`, mode === 'exprmap' ? 'exprmap' : 'normal');
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      if (mode === 'named') walk(child, `${path}/*`, 'normal');
      else if (mode === 'exprmap') walk(child, `${path}/*`, isExpression(child) ? 'normal' : 'exprmap');
      else if (LEAF.has(k)) walk(child, `${path}/${k}`, 'leaf');
      else if (NAMED.has(k)) walk(child, `${path}/${k}`, 'named');
      else if (k === 'expressions') walk(child, `${path}/${k}`, 'exprmap');
      else walk(child, `${path}/${k}`, 'normal');
    }
  };
  walk(doc, '', 'normal');
  return out;
}
