import { InputError } from '../errors.js';

/**
 * Nesting limit for JSON documents (plans, snapshots, Terraform JSON). Real documents nest a few
 * dozen levels; the readers, the schema validator and the evaluator walk values recursively, so a
 * document nested deeper than this is refused before any of them runs.
 */
export const MAX_JSON_DEPTH = 512;

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, column: pos - lastNl };
}

/**
 * Offset of the first bracket that opens a level deeper than `limit`, or -1. Scans the text (strings
 * skipped), so it runs before JSON.parse and costs no stack.
 */
export function excessJsonNesting(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // jump to the closing quote: one not preceded by an odd number of backslashes
      for (let from = i + 1; ; ) {
        const q = text.indexOf('"', from);
        if (q < 0) return -1; // unterminated: JSON.parse reports it
        let b = q - 1;
        while (b > i && text.charCodeAt(b) === 92 /* \ */) b--;
        if ((q - 1 - b) % 2 === 0) {
          i = q;
          break;
        }
        from = q + 1;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return -1;
}

/** `nested deeper than 512 levels (at line 3, column 9)` for a too-deep document, else undefined. */
export function jsonNestingProblem(text: string, limit = MAX_JSON_DEPTH): string | undefined {
  const at = excessJsonNesting(text, limit);
  if (at < 0) return undefined;
  const { line, column } = lineColumn(text, at);
  return `nested deeper than ${limit} levels (at line ${line}, column ${column})`;
}

/**
 * For values parsed by something else (YAML): `/a/0/b: nested deeper than 512 levels` naming the
 * first too-deep point by JSON pointer, else undefined. Iterative, so depth costs no stack.
 */
export function valueNestingProblem(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  type Link = { key: string; up: Link | undefined };
  const links = new Map<unknown, Link | undefined>();
  const seen = new Set<unknown>();
  links.set(value, undefined);
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (depth + 1 > limit) {
      const keys: string[] = [];
      for (let l = links.get(v); l; l = l.up) keys.push(l.key.replace(/~/g, '~0').replace(/\//g, '~1'));
      return `${keys.length ? '/' + keys.reverse().join('/') : '/'}: nested deeper than ${limit} levels`;
    }
    const here = links.get(v);
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (child === null || typeof child !== 'object') continue;
      if (!links.has(child)) links.set(child, { key: k, up: here });
      stack.push({ v: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Parse a JSON input document: too-deep nesting and syntax errors are one InputError naming the
 * file. The engine's message is not passed on (newer engines quote the text around the error, which
 * may hold a secret): only the position is reported.
 */
export function parseJsonInput(text: string, display: string): unknown {
  const deep = jsonNestingProblem(text);
  if (deep) throw new InputError(`JSON ${deep}`, display);
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineColumn(text, Number(m[1])) : undefined;
    const where = at ? ` (at line ${at.line}, column ${at.column})` : /end of JSON/i.test((e as Error).message) ? ' (it ends early; truncated?)' : '';
    throw new InputError(`not valid JSON${where}`, display);
  }
}
