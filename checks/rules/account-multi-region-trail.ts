import { defineCheck, type Observed, type Outcome } from '../engine/code-check.js';
import { linkedOf } from '../model/typed.js';

const TRAIL_SETTINGS = ['isMultiRegion', 'enableLogging', 'includeGlobalServiceEvents', 'managementEvents'] as const;

/**
 * The account has at least one multi-region CloudTrail trail that is logging, records global service
 * events and records read and write management events (CIS AWS 3.1; Security Hub CloudTrail.1): a trail
 * whose selectors keep only data events, or only read-only management events, leaves the changes to the
 * account (a bucket policy opened, a key disabled) unrecorded. A live read of the whole account (`complete`) with none fails. A
 * Terraform configuration sees only its own trails: with no trail at all the result is unknown (an
 * organization trail or another stack may cover the account); with trails declared but none
 * qualifying it fails, since the trails this configuration manages leave regions unrecorded (a waiver
 * naming the organization trail covers the case where one exists).
 */
export const codeCheck = defineCheck({
  name: 'account-multi-region-trail',
  description: 'At least one logging, multi-region trail with global service events and all management events exists for the account.',
  kinds: ['aws.account'],
  messages: {
    qualifyingTrail: '{trail} is a logging multi-region trail',
    partlyUnknown: 'a trail may be multi-region and logging, but part of its configuration is known only after apply',
    noQualifyingTrailInAccount: 'no trail in the account is multi-region, logging and recording global service events and read and write management events',
    noQualifyingTrailInConfiguration: 'no trail in this configuration is multi-region, logging and recording global service events and read and write management events',
    noTrail: 'the account has no CloudTrail trail',
    noTrailInConfiguration: 'no CloudTrail trail in this configuration; needs live verification',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx) {
    const trails = linkedOf(ctx.model, r, 'trails');
    const complete = r.attrs.complete?.value === true;
    const evidence: Observed[] = [];
    let unknown = false;
    let failedRead: Outcome | undefined;
    for (const t of trails) {
      const name = t.address ?? t.arn ?? t.id;
      const parts = TRAIL_SETTINGS.map((a) => t.attrs[a]);
      const err = parts.find((v) => v?.error);
      // another trail may still qualify: a trail that could not be read decides only when none does
      if (err) {
        failedRead ??= { truth: 'error', evidence: [{ path: `trails[${name}]`, value: null, loc: err.loc }], error: err.error, loc: err.loc };
        continue;
      }
      const [multi, logging, global, management] = parts;
      evidence.push({ path: `trails[${name}].isMultiRegion`, value: multi?.origin === 'unknown' ? '(known after apply)' : multi?.value, loc: multi?.loc ?? t.loc });
      if (management && management.value !== 'All') {
        evidence.push({ path: `trails[${name}].managementEvents`, value: management.origin === 'unknown' ? '(known after apply)' : management.value, loc: management.loc ?? t.loc });
      }
      // a source that does not say which management events are recorded leaves CloudTrail's default: all
      const allManagement = !management ? { value: true } : management.origin === 'unknown' ? { value: undefined } : { value: management.value === 'All' };
      const vals = [multi, logging ?? { value: true, origin: 'default' as const }, global ?? { value: true, origin: 'default' as const }, allManagement];
      if (vals.some((v) => v?.value === false)) continue;
      if (vals.every((v) => v?.value === true)) return { truth: 'true', evidence, loc: t.loc, message: { id: 'qualifyingTrail', data: { trail: name } } };
      unknown = true;
    }
    if (failedRead) return failedRead;
    if (unknown) return { truth: 'unknown', evidence, message: { id: 'partlyUnknown' } };
    if (complete || trails.length > 0) {
      return {
        truth: 'false',
        evidence,
        loc: trails[0]?.loc ?? r.loc,
        message: { id: trails.length ? (complete ? 'noQualifyingTrailInAccount' : 'noQualifyingTrailInConfiguration') : 'noTrail' },
      };
    }
    return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noTrailInConfiguration' } };
  },
});
