/**
 * Nesting limit for HCL text. The syntax parser (Go compiled to WASM) recurses on the JavaScript
 * stack: about 1,500 levels overflow it, and a WASM runtime that overflowed once can take the whole
 * process down on its next parse. Real configurations nest a few dozen levels at most (a `jsonencode`
 * policy inside a dynamic block is about ten), so text nested deeper than this is refused before the
 * parser sees it. Below the limit, the evaluator's own bounds (expr.ts, variables.ts) turn anything
 * too deep for them into an unknown value.
 */
export const MAX_HCL_DEPTH = 500;

/** An open level: a bracket in code, an interpolation in a template, a quoted string, a heredoc. */
type Frame = { k: 'bracket' } | { k: 'interp' } | { k: 'string' } | { k: 'heredoc'; end: string };

const HEREDOC = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/**
 * Where the text first opens a level deeper than `limit` (1-based line and column), or undefined.
 * A linear scan that follows comments, strings, heredocs and `${`/`%{` templates; it never throws and
 * costs no stack.
 */
export function hclNestingProblem(text: string, limit = MAX_HCL_DEPTH): { line: number; column: number; limit: number } | undefined {
  const stack: Frame[] = [];
  const n = text.length;
  let line = 1;
  let lineStart = 0;
  const open = (f: Frame, at: number): boolean => {
    stack.push(f);
    return stack.length > limit && ((problemAt = at), true);
  };
  let problemAt = -1;
  let i = 0;
  while (i < n) {
    const top = stack[stack.length - 1];
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      i++;
      if (top?.k === 'heredoc') {
        const eol = text.indexOf('\n', i);
        if (text.slice(i, eol < 0 ? n : eol).trim() === top.end) stack.pop();
      }
      continue;
    }
    if (top?.k === 'string' || top?.k === 'heredoc') {
      if (top.k === 'string' && c === '\\') {
        i += 2;
        continue;
      }
      if (top.k === 'string' && c === '"') {
        stack.pop();
        i++;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
        i += 3; // `$${` and `%%{` are literal
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === '{') {
        if (open({ k: 'interp' }, i)) break;
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    // code
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = text.indexOf('\n', i); j !== -1 && j < stop; j = text.indexOf('\n', j + 1)) {
        line++;
        lineStart = j + 1;
      }
      i = stop;
      continue;
    }
    if (c === '"') {
      if (open({ k: 'string' }, i)) break;
      i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (m) {
        if (open({ k: 'heredoc', end: m[1]! }, i)) break;
        // continue at the newline so the end-of-line handling checks the first body line
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '{' || c === '[' || c === '(') {
      if (open({ k: 'bracket' }, i)) break;
    } else if (c === '}' || c === ']' || c === ')') {
      if (top) stack.pop();
    }
    i++;
  }
  if (problemAt < 0) return undefined;
  return { line, column: problemAt - lineStart + 1, limit };
}
