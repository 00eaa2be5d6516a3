import type { Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { classificationOf } from '../../classification.js';
import { attr } from './values.js';

/**
 * `tags` (tags_all when known and not empty: it includes the provider's default_tags) and the
 * `dataClass` they give (checks/adapters/classification.ts).
 */
export function tagAttrs(rec: TfRecord): { tags: Val; dataClass: Val } {
  const all = attr<Record<string, unknown>>(rec, 'tags_all');
  const own = attr<Record<string, unknown>>(rec, 'tags', { default: {} });
  const tags = all.origin !== 'unknown' && all.value && typeof all.value === 'object' && Object.keys(all.value).length ? all : own;
  return { tags, dataClass: classificationOf(tags) };
}
