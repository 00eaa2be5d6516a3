import { DescribeStreamSummaryCommand, GetResourcePolicyCommand, KinesisClient, ListTagsForStreamCommand, paginateListStreamConsumers, paginateListStreams } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { SnapshotResource } from '../snapshot.js';
import { allPages, facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Kinesis Data Streams: each stream's summary (encryption, key, retention), tags and resource policies: the
 * stream's (`resourcePolicy`) and each enhanced fan-out consumer's (`consumerPolicies`, from ListStreamConsumers),
 * which can let another account read the stream's records. Kinesis answers "{}" (or nothing) for no policy: `null`.
 */
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
      const policyOf = (resourceArn: string) => c.read('kinesis', region, 'kinesis:GetResourcePolicy', () => client.send(new GetResourcePolicyCommand({ ResourceARN: resourceArn })));
      facet(rec, 'resourcePolicy', await policyOf(arn), (v) => policyText(v.Policy));
      const consumers = await c.read('kinesis', region, 'kinesis:ListStreamConsumers', () => allPages(paginateListStreamConsumers({ client }, { StreamARN: arn }), (p) => p.Consumers));
      if (!consumers.ok) facet(rec, 'consumerPolicies', consumers);
      else {
        const reads = await Promise.all(consumers.value.filter((x) => x.ConsumerARN).map((x) => policyOf(x.ConsumerARN!)));
        const failed = reads.find((x) => !x.ok && !x.notConfigured);
        // one failed read makes the list a failed read: a consumer whose policy is unread is no pass
        facet(rec, 'consumerPolicies', failed ?? { ok: true, value: reads.map((x) => (x.ok ? policyText(x.value.Policy) : null)).filter((x) => x !== null) });
      }
      c.add(rec);
    }),
  );
}

/** The policy text, null for none ("{}" or empty is how Kinesis answers a resource without one). */
function policyText(policy: string | undefined): string | null {
  const text = policy?.trim();
  return !text || text === '{}' ? null : text;
}
