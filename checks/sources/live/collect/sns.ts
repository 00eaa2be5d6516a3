import { GetTopicAttributesCommand, ListTagsForResourceCommand, SNSClient, paginateListTopics } from '@aws-sdk/client-sns';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, tagMap, type Collector } from './context.js';

/** SNS: topics with their attributes (the KMS key, the access policy) and tags. */
export async function collectSns(c: Collector, region: string): Promise<void> {
  const client = c.client(SNSClient, region);
  const topics = await listAll(c, 'sns', region, 'sns:ListTopics', ['AWS::SNS::Topic'], () => items(paginateListTopics({ client }, {}), (p) => p.Topics));
  await Promise.all(
    (topics ?? []).map(async (t) => {
      const arn = t.TopicArn;
      if (!arn) return;
      const rec: SnapshotResource = { type: 'AWS::SNS::Topic', arn, region, account: c.accountId, data: { Name: arn.split(':').pop() } };
      facet(rec, 'Attributes', await c.read('sns', region, 'sns:GetTopicAttributes', () => client.send(new GetTopicAttributesCommand({ TopicArn: arn }))), (v) => v.Attributes ?? {});
      facet(rec, 'tags', await c.read('sns', region, 'sns:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
