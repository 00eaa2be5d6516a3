import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import { linkedOf } from '../model/typed.js';

const messages = {
  allLogged: 'every stage of the API in this input writes access logs ({stages})',
  notLogged: 'stage {stage} of the API writes no access logs',
  noStage: 'no stage of this API is in the input, so nothing shows its traffic is logged (aws_api_gateway_stage / aws_apigatewayv2_stage, or a live audit of its region)',
  unknownLogging: 'whether stage {stage} writes access logs is known only after apply',
} as const;

/**
 * An API holds no records itself: it serves them through its stages. The API is judged by the stages the
 * input holds for it (the `stages` link): every one must write access logs. An API with no stage in the
 * input is unknown (unseen is not pass), a stage that could not be read is an error.
 */
export const codeCheck = defineCheck({
  name: 'apigateway-api-stages-logged',
  description: 'The API has at least one stage in the input and every stage of it writes access logs.',
  kinds: ['aws.apigateway.api'],
  messages,
  evaluate(r, ctx): CheckOutcome<typeof messages> {
    const stages = linkedOf(ctx.model, r, 'stages');
    const unread = stages.find((s) => s.readError || s.attrs.accessLoggingEnabled?.error);
    if (unread) return { truth: 'error', evidence: [], loc: r.loc, error: unread.readError ?? unread.attrs.accessLoggingEnabled?.error };
    if (!stages.length) return { truth: 'unknown', evidence: [], loc: r.loc, message: { id: 'noStage' } };
    let unknownAt: string | undefined;
    const names: string[] = [];
    for (const s of stages) {
      const v = s.attrs.accessLoggingEnabled;
      const stage = s.address ?? s.id;
      if (v?.value === false) {
        return { truth: 'false', evidence: [{ path: `stages[${stage}].accessLoggingEnabled`, value: false, loc: v.loc ?? s.loc }], loc: v.loc ?? s.loc, message: { id: 'notLogged', data: { stage } } };
      }
      if (v?.origin === 'unknown' || v?.value !== true) unknownAt ??= stage;
      names.push(stage);
    }
    if (unknownAt) return { truth: 'unknown', evidence: [], loc: r.loc, message: { id: 'unknownLogging', data: { stage: unknownAt } } };
    const evidence = stages.map((s) => ({ path: `stages[${s.address ?? s.id}].accessLoggingEnabled`, value: true, loc: s.attrs.accessLoggingEnabled?.loc ?? s.loc }));
    return { truth: 'true', evidence, loc: r.loc, message: { id: 'allLogged', data: { stages: names.join(', ') } } };
  },
});
