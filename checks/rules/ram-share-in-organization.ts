import { defineCheck, type Observed } from '../engine/code-check.js';
import type { Resource } from '../model/resource.js';
import { isUnknown } from '../model/value.js';

/**
 * A RAM resource share that holds a data store of student records is shared inside the organisation only: it does
 * not allow external principals, or every principal it names is the organisation or one of its OUs. A store is in
 * scope when its classification is one of `classes` (or not known), and always when the share names it by an ARN
 * the input does not hold (its classification is unseen). A share of nothing in scope passes.
 */

/** The ARN of a data store RAM can share: an Aurora cluster, a Glue catalog, database or table, a backup vault. */
const STORE_ARN = /^arn:aws[a-z-]*:(rds:[^:]*:[^:]*:cluster:|glue:[^:]*:[^:]*:(catalog|database\/|table\/)|backup:[^:]*:[^:]*:backup-vault:)/;
/** The organisation or one of its OUs: whoever is named is inside it. */
const IN_ORGANISATION = /^arn:aws[a-z-]*:organizations::\d{12}:(organization\/o-|ou\/o-)/;

const identifiersOf = (r: Resource): string[] => [r.arn, r.id, ...r.identifiers].filter((x): x is string => typeof x === 'string');

export const codeCheck = defineCheck({
  name: 'ram-share-in-organization',
  description: 'A RAM share holding a student-data store is shared inside the organisation only.',
  kinds: ['aws.ram.resource-share'],
  messages: {
    noStore: 'holds no data store of student records',
    internalOnly: 'holds {stores}; external principals are not allowed',
    organisationOnly: 'holds {stores}; shared with the organisation or its OUs only ({principals})',
    external: 'holds {stores} and is shared with {principals}, which may be outside the organisation (allow_external_principals is on)',
    resourcesUnknown: 'what the share holds is known only after apply',
    principalsUnknown: 'holds {stores}; who it is shared with is known only after apply',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['classes'],
    properties: { classes: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
  },
  evaluate(r, ctx, options) {
    const classes = new Set(options.classes as string[]);
    const arns = r.attrs.resourceArns;
    const principals = r.attrs.principals;
    const external = r.attrs.allowExternalPrincipals;
    for (const v of [arns, principals, external]) if (v?.error) return { truth: 'error', evidence: [{ path: 'resourceArns', value: null, loc: v.loc }], error: v.error, loc: v.loc };
    const linked = ctx.model.linked(r as unknown as Resource, 'sharedResources');
    const listed = Array.isArray(arns?.value) ? (arns.value as unknown[]) : [];
    if (arns?.origin === 'unknown') return { truth: 'unknown', evidence: [{ path: 'resourceArns', value: '(known after apply)', loc: arns.loc }], loc: arns.loc, message: { id: 'resourcesUnknown' } };
    // An ARN known only after apply is the store its reference links to; one linked store pairs with each.
    const named = new Set(linked.flatMap(identifiersOf));
    const byLiteral = listed.filter((a): a is string => typeof a === 'string' && named.has(a)).length;
    const unknownArns = listed.filter(isUnknown).length;
    if (unknownArns > linked.length - Math.min(byLiteral, linked.length)) return { truth: 'unknown', evidence: [{ path: 'resourceArns', value: '(known after apply)', loc: arns?.loc }], loc: arns?.loc, message: { id: 'resourcesUnknown' } };
    const stores: string[] = [];
    for (const s of linked) {
      const cls = s.attrs.dataClass;
      if (cls?.origin === 'unknown' || cls?.value === undefined || classes.has(String(cls.value))) stores.push(s.address ?? s.arn ?? s.id);
    }
    for (const a of listed) if (typeof a === 'string' && !named.has(a) && STORE_ARN.test(a)) stores.push(a);
    const evidence: Observed[] = [{ path: 'resourceArns', value: listed.map((a) => (isUnknown(a) ? '(known after apply)' : a)), loc: arns?.loc }];
    if (!stores.length) return { truth: 'true', evidence, loc: r.loc, message: { id: 'noStore' } };
    const shown = stores.join(', ');
    evidence.push({ path: 'allowExternalPrincipals', value: external?.value, loc: external?.loc });
    if (external?.origin !== 'unknown' && external?.value === false) return { truth: 'true', evidence, loc: external?.loc, message: { id: 'internalOnly', data: { stores: shown } } };
    const who = Array.isArray(principals?.value) ? (principals.value as unknown[]) : [];
    evidence.push({ path: 'principals', value: who.map((p) => (isUnknown(p) ? '(known after apply)' : p)), loc: principals?.loc });
    const outside = who.filter((p): p is string => typeof p === 'string' && !IN_ORGANISATION.test(p));
    if (outside.length) return { truth: 'false', evidence, loc: external?.loc ?? r.loc, message: { id: 'external', data: { stores: shown, principals: outside.join(', ') } } };
    if (external?.origin === 'unknown' || principals?.origin === 'unknown' || who.some(isUnknown)) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'principalsUnknown', data: { stores: shown } } };
    return { truth: 'true', evidence, loc: r.loc, message: { id: 'organisationOnly', data: { stores: shown, principals: who.join(', ') || 'none yet' } } };
  },
});
