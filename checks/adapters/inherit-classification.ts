import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { Val } from '../model/value.js';
import { UNCLASSIFIED } from './classification.js';

/** Classes a container may pass on, most protective first: a table of student data in a mixed database stays in scope. */
const PRECEDENCE = ['student-data', 'pii'];

/** A classification a tag gave (not absent, not the `unclassified` marker, not unknown or unread). */
function tagged(v: Val | undefined): v is Val<string> {
  return !!v && typeof v.value === 'string' && v.value !== UNCLASSIFIED && v.origin !== 'unknown' && !v.error;
}

/**
 * Resources whose type cannot carry tags (Glue tables, Lake Formation locations, 2017 DynamoDB global
 * tables) name the container they belong to (`classifiedBy`, a link name). Without a classification of
 * their own they take their container's, with the container's tag as the location a reviewer sees. A
 * container named but not in the model (another root, a failed read) leaves the class unknown rather
 * than `unclassified`: it is decided where the container is. Runs after links are resolved.
 */
export function inheritClassification(model: Model): void {
  for (const r of model.all()) {
    if (!r.classifiedBy || tagged(r.attrs.dataClass) || r.attrs.dataClass?.origin === 'unknown') continue;
    const containers = (r.links[r.classifiedBy] ?? []).map((id) => model.get(id)).filter((t): t is Resource => !!t && t !== r);
    const own = r.attrs.dataClass;
    if (!containers.length) {
      if (r.linkRefs?.some((ref) => ref.name === r.classifiedBy && ((ref.addresses?.length ?? 0) > 0 || (ref.literals?.length ?? 0) > 0))) {
        r.attrs.dataClass = { value: undefined, origin: 'unknown', loc: own?.loc ?? r.loc };
      }
      continue;
    }
    const classes = containers.map((t) => t.attrs.dataClass).filter(tagged);
    if (!classes.length) {
      if (containers.some((t) => t.attrs.dataClass?.origin === 'unknown' || t.attrs.dataClass?.error)) r.attrs.dataClass = { value: undefined, origin: 'unknown', loc: own?.loc ?? r.loc };
      continue;
    }
    const chosen = PRECEDENCE.map((c) => classes.find((v) => v.value === c)).find(Boolean) ?? classes[0]!;
    r.attrs.dataClass = { value: chosen.value, origin: chosen.origin, loc: chosen.loc };
  }
}
