import { defineCheck, type CheckOutcome, type Observed } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import { linkedOf, type KindResource } from '../model/typed.js';
import { isUnknown } from '../model/value.js';

const messages = {
  outsideApprovedRegions: 'copies recovery points to {regions}, outside approvedRegions',
  regionUnknown: 'the destination vault region is not known from this input',
} as const;

/**
 * Every copy action of a backup plan sends recovery points to a vault in an approved region
 * (profile `approvedRegions`). The region comes from a literal vault ARN, or from the linked vault's
 * provider region when the ARN is known only after apply. Anything else is unknown.
 */
function evaluate(r: KindResource<'aws.backup.plan'>, model: Model, approved: string[]): CheckOutcome<typeof messages> {
  const rules = r.attrs.rules;
  if (rules?.error) return { truth: 'error', evidence: [{ path: 'rules', value: null, loc: rules.loc }], loc: rules.loc, error: `rules of the backup plan: ${rules.error}` };
  if (!rules || rules.origin === 'unknown' || !Array.isArray(rules.value)) return { truth: 'unknown', evidence: [{ path: 'rules', value: '(known after apply)', loc: rules?.loc }], loc: rules?.loc };
  const vaults = linkedOf(model, r, 'copyVaults');
  const evidence: Observed[] = [];
  let unknown = false;
  const bad: string[] = [];
  (rules.value as unknown[]).forEach((rule, i) => {
    if (isUnknown(rule)) return void (unknown = true);
    const copies = ((rule as Record<string, unknown>).copyActions ?? []) as unknown[];
    copies.forEach((c, j) => {
      const path = `rules[${i}].copyActions[${j}].destinationVaultArn`;
      const arn = isUnknown(c) ? c : (c as Record<string, unknown>).destinationVaultArn;
      let region: string | undefined;
      if (typeof arn === 'string' && arn.startsWith('arn:')) region = arn.split(':')[3];
      else {
        const regions = [...new Set(vaults.map((v) => v.region).filter((x): x is string => Boolean(x)))];
        if (regions.length === 1) region = regions[0];
      }
      evidence.push({ path, value: region ? `${isUnknown(arn) ? '(known after apply)' : arn} [${region}]` : '(known after apply)', loc: rules.loc });
      if (!region) unknown = true;
      else if (!approved.includes(region)) bad.push(region);
    });
  });
  if (bad.length) return { truth: 'false', evidence, loc: rules.loc, message: { id: 'outsideApprovedRegions', data: { regions: bad.join(', ') } } };
  if (unknown) return { truth: 'unknown', evidence, loc: rules.loc, message: { id: 'regionUnknown' } };
  return { truth: 'true', evidence: evidence.length ? evidence : [{ path: 'rules.copyActions', value: [] }], loc: rules.loc };
}

export const codeCheck = defineCheck({
  name: 'backup-copy-region',
  description: 'Backup plan copy actions target vaults in approved regions (profile approvedRegions).',
  kinds: ['aws.backup.plan'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  params: ['approvedRegions'],
  evaluate: (r, ctx) => evaluate(r, ctx.model, (ctx.profile.approvedRegions ?? []) as string[]),
});
