import type { Val } from '../../../model/value.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import { classificationOf } from '../../classification.js';
import type { LiveCtx } from './record.js';
import { liveAttr } from './values.js';

/** `tags` and `dataClass` from a tag object (or a failed tag read); see checks/adapters/classification.ts. */
export function tagVals(rec: SnapshotResource, ctx: LiveCtx, path = 'Tags', facet?: string): { tags: Val; dataClass: Val } {
  const tags = liveAttr<Record<string, string>>(rec, ctx, path, { default: {}, facet: facet ?? path.split('.')[0] });
  return { tags, dataClass: classificationOf(tags) };
}
