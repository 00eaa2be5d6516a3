import type { Observed, Outcome } from '../engine/evaluate.js';
import type { Location } from '../model/value.js';
import { isUnknown } from '../model/value.js';
import { registerCodeCheck } from './registry.js';

/**
 * The resource holds no credential written in plain configuration: fails on every entry of
 * `plaintextCredentials`, unknown on entries of `unreadCredentials` (a credential-carrying argument the
 * input does not show). Evidence and the message name where (attribute, variable, line), never a value.
 */
interface Use {
  attribute?: unknown;
  variable?: unknown;
  line?: unknown;
  reason?: unknown;
  _loc?: Location;
}

function where(u: Use): string {
  let s = typeof u.attribute === 'string' ? u.attribute : 'a value';
  if (typeof u.line === 'number') s += ` line ${u.line}`;
  if (typeof u.variable === 'string') s += ` (${u.variable})`;
  return s;
}

function observed(path: string, u: Use, loc: Location | undefined): Observed {
  const value: Record<string, unknown> = { attribute: u.attribute };
  if (u.variable !== undefined) value.variable = u.variable;
  if (u.line !== undefined) value.line = u.line;
  value.reason = u.reason;
  return { path, value, loc: u._loc ?? loc };
}

registerCodeCheck({
  name: 'no-plaintext-credentials',
  description: 'The resource holds no credential in plain configuration (plaintextCredentials empty, unreadCredentials empty).',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource): Outcome {
    const held = resource.attrs.plaintextCredentials;
    const unread = resource.attrs.unreadCredentials;
    const loc = held?.loc ?? resource.loc;
    if (held?.error) return { truth: 'error', evidence: [{ path: 'plaintextCredentials', value: null, loc }], loc, error: held.error };
    if (!held || held.origin === 'unknown' || isUnknown(held.value)) {
      return { truth: 'unknown', evidence: [{ path: 'plaintextCredentials', value: '(not read)', loc }], loc, detail: 'the values that could hold credentials were not read' };
    }
    const uses = (Array.isArray(held.value) ? held.value : []) as Use[];
    if (uses.length) {
      const shown = uses.slice(0, 20);
      const more = uses.length > shown.length ? `; and ${uses.length - shown.length} more` : '';
      return {
        truth: 'false',
        evidence: shown.map((u, i) => observed(`plaintextCredentials[${i}]`, u, loc)),
        loc: uses[0]!._loc ?? loc,
        detail: `${shown.map((u) => `${where(u)}: ${typeof u.reason === 'string' ? u.reason : 'credential'}`).join('; ')}${more}`,
      };
    }
    const notRead = (unread && Array.isArray(unread.value) ? unread.value : []) as Use[];
    if (unread?.error) return { truth: 'error', evidence: [{ path: 'unreadCredentials', value: null, loc: unread.loc }], loc: unread.loc, error: unread.error };
    if (notRead.length) {
      return {
        truth: 'unknown',
        evidence: notRead.slice(0, 20).map((u, i) => observed(`unreadCredentials[${i}]`, u, loc)),
        loc: notRead[0]!._loc ?? loc,
        detail: `cannot see ${notRead.map((u) => where(u)).join(', ')}: ${typeof notRead[0]!.reason === 'string' ? notRead[0]!.reason : 'not in this input'}`,
      };
    }
    return { truth: 'true', evidence: [{ path: 'plaintextCredentials', value: [], loc }], loc };
  },
});
