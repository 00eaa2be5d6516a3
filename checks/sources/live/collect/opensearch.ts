import { DescribeDomainsCommand, ListDomainNamesCommand, ListTagsCommand, OpenSearchClient, type DomainStatus } from '@aws-sdk/client-opensearch';
import type { SnapshotResource } from '../snapshot.js';
import { facet, listAll, plain, tagMap, type Collector } from './context.js';
import { pushAll } from '../../../util/push-all.js';

const TYPES = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];
/** DescribeDomains takes at most five names per call. */
const BATCH = 5;

/**
 * OpenSearch Service: every domain, OpenSearch and legacy Elasticsearch engines alike (the OpenSearch API
 * lists and describes both), with its status and tags. An Elasticsearch-engine domain is recorded as
 * AWS::Elasticsearch::Domain, as AWS Config names it.
 */
export async function collectOpenSearch(c: Collector, region: string): Promise<void> {
  const client = c.client(OpenSearchClient, region);
  const names = await listAll(c, 'es', region, 'es:ListDomainNames', TYPES, async function* () {
    yield (await client.send(new ListDomainNamesCommand({}))).DomainNames?.map((d) => d.DomainName!).filter(Boolean);
  });
  if (!names?.length) return;
  const domains: DomainStatus[] = [];
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const got = await listAll(c, 'es', region, 'es:DescribeDomains', TYPES, async function* () {
      yield (await client.send(new DescribeDomainsCommand({ DomainNames: batch }))).DomainStatusList;
    });
    if (!got) return;
    pushAll(domains, got);
  }
  await Promise.all(
    domains.map(async (d) => {
      const arn = d.ARN ?? c.arn('es', region, `domain/${d.DomainName}`);
      const type = d.EngineVersion?.startsWith('Elasticsearch_') ? 'AWS::Elasticsearch::Domain' : 'AWS::OpenSearchService::Domain';
      const rec: SnapshotResource = { type, arn, region, account: c.accountId, data: plain(d) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('es', region, 'es:ListTags', () => client.send(new ListTagsCommand({ ARN: arn }))), (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}
