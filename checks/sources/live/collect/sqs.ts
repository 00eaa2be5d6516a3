import { GetQueueAttributesCommand, ListQueueTagsCommand, SQSClient, paginateListQueues } from '@aws-sdk/client-sqs';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, type Collector } from './context.js';

/** SQS: queues with their attributes (encryption, access policy) and tags. */
export async function collectSqs(c: Collector, region: string): Promise<void> {
  const client = c.client(SQSClient, region);
  const urls = await listAll(c, 'sqs', region, 'sqs:ListQueues', ['AWS::SQS::Queue'], () => items(paginateListQueues({ client }, {}), (p) => p.QueueUrls));
  await Promise.all(
    (urls ?? []).map(async (url) => {
      const name = url.split('/').pop()!;
      const arn = c.arn('sqs', region, name);
      const rec: SnapshotResource = { type: 'AWS::SQS::Queue', arn, region, account: c.accountId, data: { QueueUrl: url, QueueName: name } };
      facet(rec, 'Attributes', await c.read('sqs', region, 'sqs:GetQueueAttributes', () => client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))), (v) => v.Attributes ?? {});
      facet(rec, 'tags', await c.read('sqs', region, 'sqs:ListQueueTags', () => client.send(new ListQueueTagsCommand({ QueueUrl: url }))), (v) => v.Tags ?? {});
      c.add(rec);
    }),
  );
}
