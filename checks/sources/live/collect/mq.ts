import { DescribeBrokerCommand, MqClient, paginateListBrokers } from '@aws-sdk/client-mq';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, type Collector } from './context.js';

/** Amazon MQ: brokers, each described (public access, encryption, logs, tags); user passwords are never returned. */
export async function collectMq(c: Collector, region: string): Promise<void> {
  const client = c.client(MqClient, region);
  const brokers = await listAll(c, 'mq', region, 'mq:ListBrokers', ['AWS::AmazonMQ::Broker'], () => items(paginateListBrokers({ client }, {}), (p) => p.BrokerSummaries));
  await Promise.all(
    (brokers ?? []).map(async (b) => {
      if (!b.BrokerId) return;
      const arn = b.BrokerArn ?? c.arn('mq', region, `broker:${b.BrokerName}:${b.BrokerId}`);
      const rec: SnapshotResource = { type: 'AWS::AmazonMQ::Broker', arn, region, account: c.accountId, data: { BrokerId: b.BrokerId, BrokerName: b.BrokerName } };
      facet(rec, 'broker', await c.read('mq', region, 'mq:DescribeBroker', () => client.send(new DescribeBrokerCommand({ BrokerId: b.BrokerId }))), (v) => {
        const { Users, ...rest } = v;
        return { ...rest, Users: (Users ?? []).map((u) => ({ Username: u.Username })) };
      });
      c.add(rec);
    }),
  );
}
