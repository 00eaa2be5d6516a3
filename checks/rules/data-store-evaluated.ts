import { defineCheck, type Observed } from '../engine/code-check.js';
import { COVERAGE_REASON_TEXT, type CoverageReason } from '../engine/types.js';

const UNCLASSIFIED = 'unclassified';

/**
 * Over the data-store inventory (`aws.data-store`): the store was evaluated by at least one policy of
 * the catalog. A store no policy looked at is `unknown` with the reason (its type is unknown to the
 * model, no policy covers its kind, its policies are disabled, ...), never a pass: nobody checked it.
 * One exception passes: a store every policy of its kind left out of scope because of the
 * classification written on it (tagged `public`, say): that classification was a decision, and
 * aws-data-store-classified judges that it exists.
 */
export const codeCheck = defineCheck({
  name: 'data-store-evaluated',
  description: 'The data store was evaluated by at least one policy of the catalog (or explicitly classified out of every policy\'s scope).',
  kinds: ['aws.data-store'],
  messages: {
    evaluatedByOne: 'evaluated by 1 policy',
    evaluated: 'evaluated by {count} policies',
    classifiedOutOfScope: 'classified {dataClass}: outside the scope of every policy for {type}',
    notEvaluated: '{type}: {reason}',
    noPolicy: '{type}: no policy evaluated it',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r) {
    const policies = r.attrs.policies?.value;
    const type = String(r.attrs.type?.value ?? r.sourceType ?? r.kind);
    const reason = r.attrs.notEvaluated?.value as CoverageReason | undefined;
    const dataClass = r.attrs.dataClass;
    const evidence: Observed[] = [
      { path: 'type', value: type, loc: r.loc },
      { path: 'policies', value: policies ?? 0, loc: r.loc },
    ];
    if (typeof policies === 'number' && policies > 0) {
      return { truth: 'true', evidence, loc: r.loc, message: policies === 1 ? { id: 'evaluatedByOne' } : { id: 'evaluated', data: { count: policies } } };
    }
    evidence.push({ path: 'notEvaluated', value: reason ?? null, loc: r.loc });
    const cls = dataClass?.origin !== 'unknown' ? dataClass?.value : undefined;
    if (reason === 'out-of-scope' && typeof cls === 'string' && cls !== UNCLASSIFIED) {
      evidence.push({ path: 'dataClass', value: cls, loc: dataClass?.loc ?? r.loc });
      return { truth: 'true', evidence, loc: r.loc, message: { id: 'classifiedOutOfScope', data: { dataClass: cls, type } } };
    }
    return { truth: 'unknown', evidence, loc: r.loc, message: reason ? { id: 'notEvaluated', data: { type, reason: COVERAGE_REASON_TEXT[reason] } } : { id: 'noPolicy', data: { type } } };
  },
});
