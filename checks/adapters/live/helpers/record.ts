import type { Resource } from '../../../model/resource.js';
import type { Location } from '../../../model/value.js';
import type { Snapshot, SnapshotError, SnapshotResource } from '../../../sources/live/snapshot.js';

/** What every live adapter gets: the snapshot (for cross-record facts such as AWS-managed keys) and the file shown in findings. */
export interface LiveCtx {
  snapshot: Snapshot;
  file: string;
  /** KMS keys by ARN, key id and alias ARN: AWS-managed or not (undefined when unknown), or why its metadata could not be read. */
  keys: Map<string, { arn: string; awsManaged: boolean | undefined; error?: string }>;
}

/** A live adapter: one snapshot record in, zero or more model resources out. */
export type LiveAdapter = (rec: SnapshotResource, ctx: LiveCtx) => Resource | Resource[] | undefined;

/** The base of a live model resource: id and address are the ARN. */
export function liveResource(rec: SnapshotResource, kind: string, ctx: LiveCtx, identifiers: unknown[] = []): Resource {
  const ids = [rec.arn, ...identifiers].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return {
    kind,
    id: rec.arn,
    source: 'live',
    address: rec.arn,
    arn: rec.arn,
    sourceType: rec.type,
    loc: { file: ctx.file, address: rec.arn },
    account: rec.account,
    region: rec.region,
    attrs: {},
    links: {},
    identifiers: [...new Set(ids)],
    linkRefs: [],
    input: ctx.file,
  };
}

/** A read failure as the message of an `error` finding: the action, the code and AWS's message. */
export function describeError(e: SnapshotError): string {
  return `${e.call} failed (${e.code})${e.message ? `: ${e.message}` : ''}`;
}

export function locAt(rec: SnapshotResource, ctx: LiveCtx, attribute: string): Location {
  return { file: ctx.file, address: rec.arn, attribute };
}

/** Read a dotted path in the record's data. */
export function dataAt(rec: SnapshotResource, path: string): unknown {
  let cur: unknown = rec.data;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) && /^\d+$/.test(seg) ? cur[Number(seg)] : (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
