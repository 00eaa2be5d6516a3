import { DescribeDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand, ListTagsForDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import type { SnapshotResource } from '../snapshot.js';
import { facet, listAll, plain, tagMap, type Collector } from './context.js';

/** ListDeliveryStreams pages by the last name seen, not by a token. */
async function* streamNames(client: FirehoseClient): AsyncIterable<string[] | undefined> {
  let start: string | undefined;
  for (;;) {
    const page = await client.send(new ListDeliveryStreamsCommand({ Limit: 100, ...(start ? { ExclusiveStartDeliveryStreamName: start } : {}) }));
    const names = page.DeliveryStreamNames ?? [];
    yield names;
    if (!page.HasMoreDeliveryStreams || names.length === 0) return;
    start = names[names.length - 1];
  }
}

/** Firehose: delivery streams with their description (encryption, source, destinations) and tags. */
export async function collectFirehose(c: Collector, region: string): Promise<void> {
  const client = c.client(FirehoseClient, region);
  const names = await listAll(c, 'firehose', region, 'firehose:ListDeliveryStreams', ['AWS::KinesisFirehose::DeliveryStream'], () => streamNames(client));
  await Promise.all(
    (names ?? []).map(async (name) => {
      const arn = c.arn('firehose', region, `deliverystream/${name}`);
      const rec: SnapshotResource = { type: 'AWS::KinesisFirehose::DeliveryStream', arn, region, account: c.accountId, data: { DeliveryStreamName: name } };
      const read = await c.read('firehose', region, 'firehose:DescribeDeliveryStream', () => client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name })));
      facet(rec, 'DeliveryStreamDescription', read, (v) => plain(v.DeliveryStreamDescription ?? {}));
      facet(rec, 'tags', await c.read('firehose', region, 'firehose:ListTagsForDeliveryStream', () => client.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
