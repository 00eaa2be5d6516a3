import { SNSClient, paginateListSubscriptions } from '@aws-sdk/client-sns';
import { items, listAll, type Collector } from './context.js';

const TYPE = 'AWS::SNS::Subscription';

/**
 * SNS subscriptions of the region (ListSubscriptions): topic, protocol and owner. The endpoint (an e-mail address,
 * a phone number, a URL) is personal data and never kept. A subscription still waiting for confirmation (its
 * SubscriptionArn is `PendingConfirmation`) delivers nothing and has no ARN: it is not recorded.
 */
export async function collectSnsSubscriptions(c: Collector, region: string): Promise<void> {
  const client = c.client(SNSClient, region);
  const subs = await listAll(c, 'sns', region, 'sns:ListSubscriptions', [TYPE], () => items(paginateListSubscriptions({ client }, {}), (p) => p.Subscriptions));
  for (const s of subs ?? []) {
    if (!s.SubscriptionArn?.startsWith('arn:') || !s.TopicArn) continue;
    c.add({ type: TYPE, arn: s.SubscriptionArn, region, account: c.accountId, data: { SubscriptionArn: s.SubscriptionArn, TopicArn: s.TopicArn, Protocol: s.Protocol ?? null, Owner: s.Owner ?? null } });
  }
}
