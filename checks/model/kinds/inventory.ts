import { defineKinds } from './spec.js';

/** Kind of the data-store inventory view. */
export const DATA_STORE_KIND = 'aws.data-store';

/**
 * The data-store inventory: one resource per input resource whose type can hold or carry student
 * records (policies/data-stores.yaml), modelled or not, built after the catalog has run so the
 * inventory policies (FERPA-GOV-01) can see what the rest of the catalog evaluated.
 */
export const inventoryKinds = defineKinds([
  {
    kind: DATA_STORE_KIND,
    title: 'Data store (inventory view)',
    terraform: [],
    attrs: {
      type: { type: 'string', description: 'The Terraform resource type or live (CloudFormation-style) type of the input resource.' },
      category: { type: 'string', description: 'Data-store category from policies/data-stores.yaml (database, cache, object-storage, log, front-door, ...).' },
      modelKind: { type: 'string', description: 'The model kind the catalog maps the type to; absent when the model does not know the type.' },
      policies: { type: 'number', description: 'How many policies of the catalog evaluated the resource (any verdict); the inventory policies themselves are not counted.' },
      notEvaluated: {
        type: 'string',
        description: 'Why no policy evaluated it, when none did: unmodelled (type unknown to the model), no-policy (no policy for its kind and source), disabled (its policies are excluded by configuration), out-of-scope (every policy of its kind excluded it by its scope, e.g. its classification), outside-input (configures a resource not in the input), forgotten (a plan stops managing it without destroying it) or unread (a module whose source could not be read, standing in for whatever it creates).',
      },
      engine: { type: 'string', description: 'Database engine of the modelled resource when it has one (aurora-postgresql, postgres, docdb, ...); absent otherwise.' },
      tags: { type: 'object', description: 'Resource tags as the input gives them (Terraform tags_all when known, else tags; live: the record\'s tags).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
