import { defineCheck, type Observed } from '../engine/code-check.js';

/**
 * Over the data-store inventory (`aws.data-store`): the store's environment tag (the first of `tagKeys`
 * it carries) does not name a non-production environment. A value is split into words (`dev-sis`,
 * `staging_2` -> dev, sis; staging, 2), lowercased, and is non-production when a word is one of
 * `nonProduction`. Tags known only after apply are unknown.
 */
export const codeCheck = defineCheck({
  name: 'data-store-environment',
  description: 'The data store is not tagged as part of a non-production environment.',
  kinds: ['aws.data-store'],
  messages: {
    production: '{key} = {value}: not a non-production environment',
    nonProduction: '{type} is tagged {key} = {value}, a non-production environment',
    noTag: 'none of the environment tags {keys} is set',
    tagsUnknown: 'tags known only after apply',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['tagKeys', 'nonProduction'],
    properties: {
      tagKeys: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      nonProduction: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9]+$' } },
    },
  },
  evaluate(r, _ctx, options) {
    const keys = options.tagKeys as string[];
    const nonProduction = new Set(options.nonProduction as string[]);
    const tags = r.attrs.tags;
    const type = String(r.attrs.type?.value ?? r.sourceType ?? r.kind);
    if (tags?.error) return { truth: 'error', evidence: [{ path: 'tags', value: null, loc: tags.loc }], error: tags.error, loc: tags.loc };
    if (tags?.origin === 'unknown') return { truth: 'unknown', evidence: [{ path: 'tags', value: '(known after apply)', loc: tags.loc }], loc: tags.loc, message: { id: 'tagsUnknown' } };
    const obj = (tags?.value && typeof tags.value === 'object' ? tags.value : {}) as Record<string, unknown>;
    const key = keys.find((k) => typeof obj[k] === 'string');
    if (!key) return { truth: 'unknown', evidence: [{ path: 'tags', value: obj, loc: tags?.loc ?? r.loc }], loc: r.loc, message: { id: 'noTag', data: { keys: keys.join(', ') } } };
    const value = obj[key] as string;
    const evidence: Observed[] = [{ path: `tags.${key}`, value, loc: tags?.loc ?? r.loc }];
    const words = value.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (words.some((w) => nonProduction.has(w))) return { truth: 'false', evidence, loc: tags?.loc ?? r.loc, message: { id: 'nonProduction', data: { type, key, value } } };
    return { truth: 'true', evidence, loc: tags?.loc ?? r.loc, message: { id: 'production', data: { key, value } } };
  },
});
