import { defineCheck } from '../engine/code-check.js';

/**
 * Residency needs every region looked at: a live audit of some regions (--regions) says nothing about an
 * enabled region it did not read, so one of those outside the approved regions may hold student data
 * nobody saw. Such regions leave the account unknown (audit them, or `--regions all`); approved ones do not
 * change where data may live. A Terraform configuration declares its own regions: nothing to check here.
 */
export const codeCheck = defineCheck({
  name: 'regions-audited',
  description: 'Live: every enabled region outside the approved regions was audited (unknown otherwise).',
  kinds: ['aws.account'],
  params: ['approvedRegions'],
  messages: {
    notAudited: 'enabled regions outside the approved ones were not audited ({regions}): resources there were never seen (audit them, or use --regions all)',
    notRecorded: 'the snapshot does not record which regions are enabled in the account, so resources outside the audited regions may be unseen',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx) {
    if (r.source !== 'live') return { truth: 'true', evidence: [], loc: r.loc };
    const v = r.attrs.regionsNotAudited;
    if (v?.error) return { truth: 'error', evidence: [], loc: v.loc, error: v.error };
    if (!v || v.origin === 'unknown' || !Array.isArray(v.value)) return { truth: 'unknown', evidence: [], loc: v?.loc ?? r.loc, message: { id: 'notRecorded' } };
    const approved = new Set(((ctx.profile.approvedRegions ?? []) as string[]).map((x) => x.toLowerCase()));
    const unseen = (v.value as string[]).filter((x) => !approved.has(x.toLowerCase()));
    const evidence = [{ path: 'regionsNotAudited', value: unseen, loc: v.loc, params: ['approvedRegions'] }];
    if (!unseen.length) return { truth: 'true', evidence, loc: v.loc };
    const shown = unseen.length > 6 ? `${unseen.slice(0, 6).join(', ')} and ${unseen.length - 6} more` : unseen.join(', ');
    return { truth: 'unknown', evidence, loc: v.loc, message: { id: 'notAudited', data: { regions: shown } } };
  },
});
