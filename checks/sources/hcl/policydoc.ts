import { documentFromStatementBlocks } from '../../model/iam-document.js';
import { UnknownJson } from '../../model/value.js';
import { goJson } from './functions.js';
import { partialValue } from './partial-json.js';
import { UNKNOWN, hasMarker, isObj, type Value } from './values.js';
import { pushAll } from '../../util/push-all.js';

/**
 * Render `data "aws_iam_policy_document"` the way the AWS provider fills its `json` attribute:
 * Version 2012-10-17, statements with Sid/Effect/Action/NotAction/Resource/NotResource/
 * Principal/NotPrincipal/Condition; one-element lists collapse to a string. When a part is unknown, an
 * `UnknownJson` of the statements known now (UNKNOWN when something sensitive is inside).
 */
export function renderPolicyDocument(values: Record<string, Value>): Value {
  const marker = hasMarker(values as Value);
  if (marker === 'unknown') {
    // The statements known now, for documents that merge this one (source_policy_documents) and for policies that embed its json.
    const partial = partialValue(values as Value);
    return partial && typeof partial === 'object' ? new UnknownJson(documentFromStatementBlocks(partial as Record<string, unknown>)) : UNKNOWN;
  }
  if (marker) return UNKNOWN;
  const statements: unknown[] = [];
  for (const key of ['source_policy_documents', 'source_json']) {
    const srcs = values[key];
    for (const s of Array.isArray(srcs) ? srcs : typeof srcs === 'string' ? [srcs] : []) {
      try {
        const doc = JSON.parse(String(s)) as { Statement?: unknown };
        const st = doc.Statement;
        pushAll(statements, Array.isArray(st) ? st : st ? [st] : []);
      } catch {
        return UNKNOWN;
      }
    }
  }
  const one = (v: Value): unknown => {
    const list = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
    return list.length === 1 ? list[0] : list;
  };
  const principals = (blocks: Value): Record<string, unknown> | string | undefined => {
    if (!Array.isArray(blocks) || !blocks.length) return undefined;
    const out: Record<string, unknown[]> = {};
    for (const b of blocks) {
      if (!isObj(b)) continue;
      const type = String(b.type ?? '');
      const ids = Array.isArray(b.identifiers) ? b.identifiers : [b.identifiers ?? ''];
      pushAll((out[type] ??= []), ids);
    }
    if (Object.keys(out).length === 1 && out['*'] && out['*'].length === 1 && out['*'][0] === '*') return '*';
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  };
  const own = Array.isArray(values.statement) ? values.statement : [];
  for (const s of own) {
    if (!isObj(s)) continue;
    const st: Record<string, unknown> = {};
    if (typeof s.sid === 'string' && s.sid) st.Sid = s.sid;
    st.Effect = typeof s.effect === 'string' && s.effect ? s.effect : 'Allow';
    if (Array.isArray(s.actions) && s.actions.length) st.Action = one(s.actions);
    if (Array.isArray(s.not_actions) && s.not_actions.length) st.NotAction = one(s.not_actions);
    if (Array.isArray(s.resources) && s.resources.length) st.Resource = one(s.resources);
    if (Array.isArray(s.not_resources) && s.not_resources.length) st.NotResource = one(s.not_resources);
    const p = principals(s.principals as Value);
    if (p) st.Principal = p;
    const np = principals(s.not_principals as Value);
    if (np) st.NotPrincipal = np;
    if (Array.isArray(s.condition) && s.condition.length) {
      const cond: Record<string, Record<string, unknown>> = {};
      for (const c of s.condition) {
        if (!isObj(c)) continue;
        (cond[String(c.test)] ??= {})[String(c.variable)] = one(c.values as Value);
      }
      st.Condition = cond;
    }
    // a statement with the same Sid as a source statement replaces it
    const idx = st.Sid ? statements.findIndex((x) => (x as { Sid?: unknown })?.Sid === st.Sid) : -1;
    if (idx >= 0) statements[idx] = st;
    else statements.push(st);
  }
  for (const o of Array.isArray(values.override_policy_documents) ? values.override_policy_documents : []) {
    try {
      const doc = JSON.parse(String(o)) as { Statement?: unknown };
      const st = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
      for (const x of st) {
        const sid = (x as { Sid?: unknown })?.Sid;
        const idx = sid ? statements.findIndex((y) => (y as { Sid?: unknown })?.Sid === sid) : -1;
        if (idx >= 0) statements[idx] = x;
        else statements.push(x);
      }
    } catch {
      return UNKNOWN;
    }
  }
  const doc: Record<string, unknown> = { Version: typeof values.version === 'string' ? values.version : '2012-10-17' };
  if (typeof values.policy_id === 'string') doc.Id = values.policy_id;
  doc.Statement = statements;
  return goJson(doc);
}
