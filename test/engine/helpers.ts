import type { Resource } from '../../checks/model/resource.js';
import type { Val } from '../../checks/model/value.js';

/** A minimal model resource for engine tests. */
export function res(kind: string, id: string, attrs: Record<string, Val>, extra: Partial<Resource> = {}): Resource {
  return { kind, id, source: 'plan', address: id, arn: null, loc: { file: 'plan.json', address: id }, attrs, links: {}, identifiers: [], linkRefs: [], ...extra };
}
