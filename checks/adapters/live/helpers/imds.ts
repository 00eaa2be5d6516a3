import type { Val } from '../../../model/value.js';
import type { SnapshotResource } from '../../../sources/live/snapshot.js';
import type { LiveCtx } from './record.js';
import { liveAttr, liveDerived } from './values.js';

/** IMDS settings from a `MetadataOptions` object at `path` (an instance's, or a launch template version's); the Terraform defaults when absent. */
export function imdsVals(rec: SnapshotResource, ctx: LiveCtx, path: string): { httpTokens: Val; httpEndpoint: Val; imdsv2Required: Val } {
  const httpTokens = liveAttr<string>(rec, ctx, `${path}.HttpTokens`, { default: 'optional' });
  const httpEndpoint = liveAttr<string>(rec, ctx, `${path}.HttpEndpoint`, { default: 'enabled' });
  const facet = path.split('.')[0]!;
  const required = httpTokens.value === 'required' || httpEndpoint.value === 'disabled';
  return { httpTokens, httpEndpoint, imdsv2Required: httpTokens.error ? httpTokens : liveDerived(rec, ctx, path, required, [facet], httpTokens.origin === 'explicit' || httpEndpoint.origin === 'explicit' ? 'explicit' : 'default') };
}
