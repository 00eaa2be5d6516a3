import { defineCheck, type CheckMessage, type CheckOutcome, type Observed } from '../engine/code-check.js';
import type { KindResource } from '../model/typed.js';
import type { Val } from '../model/value.js';

/** The minimum length when the profile gives no passwordMinLength: the catalog's IAM password floor (aws-iam-password-policy-strong). */
const DEFAULT_MIN_LENGTH = 14;

const messages = {
  tooShort: 'passwords of {length} characters are accepted; the floor is {floor} ({from})',
  classOff: 'the password policy does not require {classes}',
  unknown: '{what} is known only after apply',
} as const;

const CLASSES = [
  ['passwordRequireLowercase', 'lower-case letters'],
  ['passwordRequireUppercase', 'upper-case letters'],
  ['passwordRequireNumbers', 'numbers'],
  ['passwordRequireSymbols', 'symbols'],
] as const;

/**
 * A user pool's password policy: at least the profile's passwordMinLength characters (14 when the profile
 * does not set it), and the four character classes Cognito's default policy requires still required.
 */
function evaluate(r: KindResource<'aws.cognito.user-pool'>, floor: number | undefined): CheckOutcome<typeof messages> {
  const attrs = r.attrs as Record<string, Val | undefined>;
  const min = floor ?? DEFAULT_MIN_LENGTH;
  const from = floor === undefined ? 'default, profile passwordMinLength unset' : 'profile passwordMinLength';
  const names = ['passwordMinimumLength', ...CLASSES.map(([a]) => a)];
  for (const n of names) {
    const v = attrs[n];
    if (v?.error) return { truth: 'error', evidence: [{ path: n, value: null, loc: v.loc }], loc: v.loc, error: `${n}: ${v.error}` };
  }
  const evidence: Observed[] = names.map((n) => ({ path: n, value: attrs[n]?.origin === 'unknown' ? '(known after apply)' : (attrs[n]?.value as number | boolean | undefined) ?? null, loc: attrs[n]?.loc }));
  const loc = attrs.passwordMinimumLength?.loc;
  const fails: Array<CheckMessage<typeof messages>> = [];
  const unknown: string[] = [];
  const length = attrs.passwordMinimumLength;
  if (!length || length.origin === 'unknown' || typeof length.value !== 'number') unknown.push('the minimum password length');
  else if (length.value < min) fails.push({ id: 'tooShort', data: { length: length.value, floor: min, from } });
  const off: string[] = [];
  for (const [a, label] of CLASSES) {
    const v = attrs[a];
    if (!v || v.origin === 'unknown') unknown.push(`whether it requires ${label}`);
    else if (v.value !== true) off.push(label);
  }
  if (off.length) fails.push({ id: 'classOff', data: { classes: off.join(', ') } });
  if (fails.length) return { truth: 'false', evidence, loc, message: fails };
  if (unknown.length) return { truth: 'unknown', evidence, loc, message: { id: 'unknown', data: { what: unknown.join(', ') } } };
  return { truth: 'true', evidence, loc };
}

export const codeCheck = defineCheck({
  name: 'cognito-password-policy',
  description: `A Cognito user pool requires passwords of at least the profile's passwordMinLength characters (${DEFAULT_MIN_LENGTH} when unset) with lower- and upper-case letters, numbers and symbols.`,
  kinds: ['aws.cognito.user-pool'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  params: ['passwordMinLength'],
  evaluate: (r, ctx) => evaluate(r, ctx.profile.passwordMinLength as number | undefined),
});
