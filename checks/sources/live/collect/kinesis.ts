import { DescribeStreamSummaryCommand, KinesisClient, ListTagsForStreamCommand, paginateListStreams } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** Kinesis Data Streams: each stream's summary (encryption, key, retention) and tags. */
export async function collectKinesis(c: Collector, region: string): Promise<void> {
  // The Kinesis client defaults to HTTP/2 (for SubscribeToShard, never called here); an emulator endpoint
  // (--endpoint-url, moto) speaks HTTP/1.1 only, and AWS answers these calls on HTTP/1.1 too.
  const timeout = c.settings.requestTimeoutMs;
  const client = c.client(KinesisClient, region, { requestHandler: new NodeHttpHandler({ requestTimeout: timeout, connectionTimeout: Math.min(timeout, 10_000) }) });
  const names = await listAll(c, 'kinesis', region, 'kinesis:ListStreams', ['AWS::Kinesis::Stream'], () => items(paginateListStreams({ client }, {}), (p) => p.StreamNames));
  await Promise.all(
    (names ?? []).map(async (name) => {
      const arn = c.arn('kinesis', region, `stream/${name}`);
      const rec: SnapshotResource = { type: 'AWS::Kinesis::Stream', arn, region, account: c.accountId, data: { StreamName: name } };
      facet(rec, 'StreamDescriptionSummary', await c.read('kinesis', region, 'kinesis:DescribeStreamSummary', () => client.send(new DescribeStreamSummaryCommand({ StreamName: name }))), (v) => plain(v.StreamDescriptionSummary ?? {}));
      facet(rec, 'tags', await c.read('kinesis', region, 'kinesis:ListTagsForStream', () => client.send(new ListTagsForStreamCommand({ StreamName: name }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
