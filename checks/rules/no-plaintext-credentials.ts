import { defineCheck, type CheckMessage, type Observed } from '../engine/code-check.js';
import { isUnknown, type Location } from '../model/value.js';

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

const messages = {
  notRead: 'the values that could hold credentials were not read',
  credential: '{where}: {reason}',
  more: 'and {count} more',
  cannotSee: 'cannot see {where}: {reason}',
} as const;

export const codeCheck = defineCheck({
  name: 'no-plaintext-credentials',
  description: 'The resource holds no credential in plain configuration (plaintextCredentials empty, unreadCredentials empty).',
  kinds: ['aws.ec2.instance', 'aws.terraform.block'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource) {
    const held = resource.attrs.plaintextCredentials;
    const unread = resource.attrs.unreadCredentials;
    const loc = held?.loc ?? resource.loc;
    if (held?.error) return { truth: 'error', evidence: [{ path: 'plaintextCredentials', value: null, loc }], loc, error: held.error };
    if (!held || held.origin === 'unknown' || isUnknown(held.value)) {
      return { truth: 'unknown', evidence: [{ path: 'plaintextCredentials', value: '(not read)', loc }], loc, message: { id: 'notRead' } };
    }
    const uses = (Array.isArray(held.value) ? held.value : []) as Use[];
    if (uses.length) {
      const shown = uses.slice(0, 20);
      const why: Array<CheckMessage<typeof messages>> = shown.map((u) => ({ id: 'credential', data: { where: where(u), reason: typeof u.reason === 'string' ? u.reason : 'credential' } }));
      if (uses.length > shown.length) why.push({ id: 'more', data: { count: uses.length - shown.length } });
      return {
        truth: 'false',
        evidence: shown.map((u, i) => observed(`plaintextCredentials[${i}]`, u, loc)),
        loc: uses[0]!._loc ?? loc,
        message: why,
      };
    }
    const notRead = (unread && Array.isArray(unread.value) ? unread.value : []) as Use[];
    if (unread?.error) return { truth: 'error', evidence: [{ path: 'unreadCredentials', value: null, loc: unread.loc }], loc: unread.loc, error: unread.error };
    if (notRead.length) {
      return {
        truth: 'unknown',
        evidence: notRead.slice(0, 20).map((u, i) => observed(`unreadCredentials[${i}]`, u, loc)),
        loc: notRead[0]!._loc ?? loc,
        message: { id: 'cannotSee', data: { where: notRead.map((u) => where(u)).join(', '), reason: typeof notRead[0]!.reason === 'string' ? notRead[0]!.reason : 'not in this input' } },
      };
    }
    return { truth: 'true', evidence: [{ path: 'plaintextCredentials', value: [], loc }], loc };
  },
});
