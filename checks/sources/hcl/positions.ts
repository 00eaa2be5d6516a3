/**
 * Source positions the syntax parser does not give: a line scanner that follows blocks, strings,
 * heredocs and comments, and records where each top-level block starts and where each attribute
 * and nested block inside it is written. It also collects `ferpa-ready:ignore` comments.
 */

export interface Directive {
  policy: string;
  reason?: string;
  owner?: string;
  expires?: string;
  line: number;
}

export interface BlockPos {
  /** `resource`, `data`, `module`, `provider`, ... */
  kind: string;
  labels: string[];
  line: number;
  /**
   * Line per attribute path inside the block: `bucket`, `versioning`, `versioning.enabled`; nested
   * blocks also by occurrence (`ingress.1.cidr_blocks`). The unindexed path is the first occurrence.
   */
  attrs: Record<string, number>;
  directives: Directive[];
}

type Frame =
  | { k: 'block'; path: string[]; counts: Map<string, number>; transparent?: boolean; dynamicHead?: boolean; top?: BlockPos }
  | { k: 'brace' | 'bracket' | 'paren' | 'interp' }
  | { k: 'str' };

const ATTR_RE = /^\s*([A-Za-z_][\w-]*)\s*=(?![=>])/;
const BLOCK_RE = /^\s*([A-Za-z_][\w-]*)((?:\s+(?:"(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*))*)\s*\{/;
const DIRECTIVE_RE = /ferpa-ready:ignore\s+([\w.:/-]+)(.*)$/;

export function parseDirective(comment: string, line: number): Directive | undefined {
  const m = DIRECTIVE_RE.exec(comment);
  if (!m) return undefined;
  const d: Directive = { policy: m[1] as string, line };
  const kv = /([A-Za-z_]+)=("((?:[^"\\]|\\.)*)"|\S+)/g;
  for (const p of (m[2] as string).matchAll(kv)) {
    const key = p[1] as string;
    const val = p[3] !== undefined ? p[3].replace(/\\(.)/g, '$1') : (p[2] as string);
    if (key === 'reason' || key === 'owner' || key === 'expires') d[key] = val;
  }
  return d;
}

function labelsOf(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*)/g)) out.push(m[1] !== undefined ? m[1] : (m[2] as string));
  return out;
}

/** Scan one `.tf` file. Never throws: malformed text just yields fewer positions. */
export function scanPositions(text: string): BlockPos[] {
  const blocks: BlockPos[] = [];
  const stack: Frame[] = [];
  let pending: Directive[] = [];
  let heredoc: string | undefined;
  let blockComment = false;
  const lines = text.split('\n');

  const topBlock = (): BlockPos | undefined => (stack[0] && stack[0].k === 'block' ? stack[0].top : undefined);
  const addDirective = (comment: string, line: number): void => {
    const d = parseDirective(comment, line);
    if (!d) return;
    const top = topBlock();
    if (top) top.directives.push(d);
    else pending.push(d);
  };

  /** At a position where an attribute or nested block may start (inside a block body). */
  const header = (rest: string, lineNo: number): number | undefined => {
    const top = stack[stack.length - 1];
    if (stack.length && (!top || top.k !== 'block')) return undefined;
    const bm = BLOCK_RE.exec(rest);
    const am = bm ? undefined : ATTR_RE.exec(rest);
    if (!stack.length) {
      if (!bm) return undefined;
      const blk: BlockPos = { kind: bm[1] as string, labels: labelsOf(bm[2] as string), line: lineNo, attrs: {}, directives: pending };
      pending = [];
      blocks.push(blk);
      stack.push({ k: 'block', path: [], counts: new Map(), top: blk });
      return bm[0].length;
    }
    const frame = top as Extract<Frame, { k: 'block' }>;
    const bottom = stack[0] as Extract<Frame, { k: 'block' }>;
    const rec = (path: string[]): void => {
      const attrs = bottom.top?.attrs;
      if (!attrs) return;
      const key = path.filter((p) => !/^\d+$/.test(p)).join('.');
      if (!(key in attrs)) attrs[key] = lineNo;
      const full = path.join('.');
      if (!(full in attrs)) attrs[full] = lineNo;
    };
    if (bm) {
      const name = bm[1] as string;
      const labels = labelsOf(bm[2] as string);
      if (frame.dynamicHead) {
        // `content {` inside `dynamic "x" {`: same path as the dynamic block
        stack.push({ k: 'block', path: frame.path, counts: new Map(), transparent: true });
        return bm[0].length;
      }
      if (name === 'dynamic' && labels[0]) {
        const path = [...frame.path, labels[0]];
        rec(path);
        stack.push({ k: 'block', path, counts: new Map(), dynamicHead: true });
        return bm[0].length;
      }
      const n = frame.counts.get(name) ?? 0;
      frame.counts.set(name, n + 1);
      rec([...frame.path, name, String(n)]);
      stack.push({ k: 'block', path: [...frame.path, name, String(n)], counts: new Map() });
      return bm[0].length;
    }
    if (am && !frame.dynamicHead) rec([...frame.path, am[1] as string]);
    return undefined;
  };

  for (let li = 0; li < lines.length; li++) {
    const line = (lines[li] as string).replace(/\r$/, '');
    const lineNo = li + 1;
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    let i = 0;
    let headerEnd: number | undefined;
    if (!blockComment) headerEnd = header(line, lineNo);
    while (i < line.length) {
      if (blockComment) {
        const e = line.indexOf('*/', i);
        if (e < 0) {
          i = line.length;
          break;
        }
        blockComment = false;
        i = e + 2;
        continue;
      }
      const top = stack[stack.length - 1];
      const c = line[i] as string;
      if (top && top.k === 'str') {
        if (c === '\\') i += 2;
        else if (c === '"') {
          stack.pop();
          i++;
        } else if ((c === '$' || c === '%') && line[i + 1] === c && line[i + 2] === '{') i += 3;
        else if ((c === '$' || c === '%') && line[i + 1] === '{') {
          stack.push({ k: 'interp' });
          i += 2;
        } else i++;
        continue;
      }
      if (c === '#' || (c === '/' && line[i + 1] === '/')) {
        addDirective(line.slice(i), lineNo);
        break;
      }
      if (c === '/' && line[i + 1] === '*') {
        blockComment = true;
        i += 2;
        continue;
      }
      if (c === '"') {
        stack.push({ k: 'str' });
        i++;
        continue;
      }
      if (c === '<' && line[i + 1] === '<') {
        const m = /^<<-?([A-Za-z_][\w-]*)\s*$/.exec(line.slice(i));
        if (m) {
          heredoc = m[1];
          break;
        }
      }
      if (c === '{') {
        if (headerEnd !== undefined && i === headerEnd - 1) {
          // the block frame was pushed by header(); attributes may follow on the same line
          i++;
          const more = header(line.slice(i), lineNo);
          headerEnd = more !== undefined ? i + more : undefined;
          continue;
        }
        stack.push({ k: 'brace' });
      } else if (c === '[') stack.push({ k: 'bracket' });
      else if (c === '(') stack.push({ k: 'paren' });
      else if (c === '}' || c === ']' || c === ')') {
        stack.pop();
        if (c === '}' && stack.length && (stack[stack.length - 1] as Frame).k === 'block') {
          // `a = 1 }` then maybe another attribute on the same line is not HCL; nothing to do
        }
      }
      i++;
    }
  }
  return blocks;
}

/** Top-level positions of a `.tf.json` file: the line of each `"type": { "name": {` pair (best effort). */
export function scanJsonPositions(text: string, doc: Record<string, unknown>): BlockPos[] {
  const lines = text.split('\n');
  const out: BlockPos[] = [];
  const find = (key: string, from: number): number => {
    const needle = JSON.stringify(key);
    for (let i = from; i < lines.length; i++) if ((lines[i] as string).includes(needle + ':') || (lines[i] as string).includes(needle + ' :')) return i;
    return -1;
  };
  for (const kind of ['resource', 'data']) {
    const body = doc[kind];
    if (!body || typeof body !== 'object') continue;
    const k0 = find(kind, 0);
    for (const [type, byName] of Object.entries(body as Record<string, unknown>)) {
      const t = find(type, Math.max(0, k0));
      if (!byName || typeof byName !== 'object') continue;
      for (const [name, rbody] of Object.entries(byName as Record<string, unknown>)) {
        const n = find(name, Math.max(0, t));
        const attrs: Record<string, number> = {};
        const b = Array.isArray(rbody) ? rbody[0] : rbody;
        if (b && typeof b === 'object') {
          for (const a of Object.keys(b as Record<string, unknown>)) {
            const al = find(a, Math.max(0, n));
            if (al >= 0) attrs[a] = al + 1;
          }
        }
        out.push({ kind, labels: [type, name], line: n >= 0 ? n + 1 : 1, attrs, directives: [] });
      }
    }
  }
  return out;
}
