import { describe, expect, it } from 'vitest';
import { CIS_EVENTS, patternCatches } from '../../checks/rules/lib/cis-events.js';

/** guard slice (wave 3): how a metric filter pattern is matched to a CIS 4.x event (checks/rules/lib/cis-events.ts). */
const event = (id: string) => CIS_EVENTS.find((e) => e.id === id)!;

describe('patternCatches', () => {
  it('ignores spacing and quotes: the benchmark\'s spellings of one pattern agree', () => {
    expect(patternCatches('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }', event('root-use'))).toBe(true);
    expect(patternCatches('{$.userIdentity.type=Root}', event('root-use'))).toBe(true);
  });

  it('needs every term: a CloudTrail pattern without StopLogging does not catch CloudTrail changes', () => {
    const pattern = '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }';
    expect(patternCatches(pattern, event('cloudtrail-changes'))).toBe(true);
    expect(patternCatches(pattern.replace(' || ($.eventName = StopLogging)', ''), event('cloudtrail-changes'))).toBe(false);
  });

  it('matches whole terms: CreatePolicyVersion and DeletePolicyVersion do not stand for CreatePolicy and DeletePolicy', () => {
    const all = event('iam-policy-changes').terms.map((t) => `(${t})`).join(' || ');
    expect(patternCatches(`{ ${all} }`, event('iam-policy-changes'))).toBe(true);
    const withoutBare = all.replace('($.eventName=CreatePolicy) || ', '').replace('($.eventName=DeletePolicy) || ', '');
    expect(withoutBare).toContain('CreatePolicyVersion');
    expect(patternCatches(`{ ${withoutBare} }`, event('iam-policy-changes'))).toBe(false);
  });

  it('lists the seven CIS events the policy names, each with terms', () => {
    expect(CIS_EVENTS.map((e) => e.cis)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.7', '4.10']);
    for (const e of CIS_EVENTS) expect(e.terms.length, e.id).toBeGreaterThan(0);
  });
});
