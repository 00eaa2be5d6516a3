import { ListLoggingConfigurationsCommand, ListWebACLsCommand, WAFV2Client, type LoggingConfiguration, type Scope } from '@aws-sdk/client-wafv2';
import { pushAll } from '../../../util/push-all.js';
import { facet, listAll, plain, type Collector, type Read } from './context.js';

const TYPE = 'AWS::WAFv2::WebACL';

/** Every page of a WAFv2 list call (NextMarker; the client has no paginators). */
async function* pages<T>(fetch: (marker: string | undefined) => Promise<{ items?: T[]; NextMarker?: string }>): AsyncIterable<T[] | undefined> {
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    yield page.items;
    // An empty page ends the loop whatever marker it carries (no endless paging on a misbehaving endpoint).
    marker = page.items?.length ? page.NextMarker : undefined;
  } while (marker);
}

/**
 * Web ACLs of one scope with their logging configuration (`logging`: the configuration ListLoggingConfigurations
 * lists for the ACL's ARN, null when none; an error on every ACL of the scope when that list failed).
 */
async function collectScope(c: Collector, clientRegion: string, recordRegion: string, scope: Scope): Promise<void> {
  const client = c.client(WAFV2Client, clientRegion);
  const acls = await listAll(c, 'wafv2', recordRegion, 'wafv2:ListWebACLs', [TYPE], () => pages((NextMarker) => client.send(new ListWebACLsCommand({ Scope: scope, NextMarker })).then((p) => ({ items: p.WebACLs, NextMarker: p.NextMarker }))));
  if (!acls?.length) return;
  const logging: Read<LoggingConfiguration[]> = await c.read('wafv2', recordRegion, 'wafv2:ListLoggingConfigurations', async () => {
    const out: LoggingConfiguration[] = [];
    for await (const items of pages((NextMarker) => client.send(new ListLoggingConfigurationsCommand({ Scope: scope, NextMarker })).then((p) => ({ items: p.LoggingConfigurations, NextMarker: p.NextMarker })))) pushAll(out, items ?? []);
    return out;
  });
  for (const acl of acls) {
    if (!acl.ARN) continue;
    const rec = c.add({ type: TYPE, arn: acl.ARN, region: recordRegion, account: c.accountId, data: { ...(plain(acl) as Record<string, unknown>), Scope: scope } });
    facet(rec, 'logging', logging, (all) => all.find((l) => l.ResourceArn === acl.ARN) ?? null);
  }
}

/** doors2: regional web ACLs (load balancers, API Gateway stages) of each audited region. */
export async function collectWafv2(c: Collector, region: string): Promise<void> {
  await collectScope(c, region, region, 'REGIONAL');
}

/** doors2: CloudFront web ACLs, account-wide, through us-east-1 (region `global`). */
export async function collectWafv2CloudFront(c: Collector): Promise<void> {
  await collectScope(c, 'us-east-1', 'global', 'CLOUDFRONT');
}
