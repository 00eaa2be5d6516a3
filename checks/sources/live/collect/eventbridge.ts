import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand, type Rule, type Target } from '@aws-sdk/client-eventbridge';
import { facet, listAll, plain, type Collector } from './context.js';

const TYPE = 'AWS::Events::Rule';

/** Every page of an EventBridge list call (the client has no paginators). */
async function* pages<T>(fetch: (next: string | undefined) => Promise<{ items?: T[]; NextToken?: string }>): AsyncIterable<T[] | undefined> {
  let next: string | undefined;
  do {
    const page = await fetch(next);
    yield page.items;
    next = page.NextToken;
  } while (next);
}

/**
 * EventBridge: the rules of the region's default event bus (where AWS services, GuardDuty and Security Hub among
 * them, deliver their events) as ListRules answers them (Name, Arn, EventPattern, State), and the `targets` facet:
 * each target's Id and Arn from ListTargetsByRule. Input templates and parameters are not kept (they may quote
 * data). ListRules carries the pattern and state, so DescribeRule is not called.
 */
export async function collectEventBridge(c: Collector, region: string): Promise<void> {
  const client = c.client(EventBridgeClient, region);
  const rules = await listAll(c, 'events', region, 'events:ListRules', [TYPE], () =>
    pages<Rule>(async (NextToken) => {
      const out = await client.send(new ListRulesCommand({ NextToken }));
      return { items: out.Rules, NextToken: out.NextToken };
    }),
  );
  await Promise.all(
    (rules ?? []).map(async (rule) => {
      if (!rule.Arn || !rule.Name) return;
      const rec = c.add({ type: TYPE, arn: rule.Arn, region, account: c.accountId, data: plain(rule) as Record<string, unknown> });
      const targets = await c.read('events', region, 'events:ListTargetsByRule', async () => {
        const out: Target[] = [];
        for await (const page of pages<Target>(async (NextToken) => {
          const answer = await client.send(new ListTargetsByRuleCommand({ Rule: rule.Name, NextToken }));
          return { items: answer.Targets, NextToken: answer.NextToken };
        }))
          for (const t of page ?? []) out.push(t);
        return out;
      });
      facet(rec, 'targets', targets, (ts) => ts.map((t) => ({ Id: t.Id, Arn: t.Arn })));
    }),
  );
}
