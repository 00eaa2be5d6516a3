import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { facet, items, type Collector } from './context.js';

/**
 * guard slice: IAM Access Analyzer (regional): the region's analyzers (name, type, status) as the region's
 * `accessAnalyzers` setting; an empty list when there is none. moto_server does not implement the
 * service, so against it the read fails and the policy reports `error`.
 */
export async function collectAccessAnalyzer(c: Collector, region: string): Promise<void> {
  const client = c.client(AccessAnalyzerClient, region);
  const analyzers = await c.read('access-analyzer', region, 'access-analyzer:ListAnalyzers', async () => {
    const out: Array<{ name?: string; type?: string; status?: string }> = [];
    for await (const page of items(paginateListAnalyzers({ client }, {}), (p) => p.analyzers)) for (const a of page ?? []) out.push({ name: a.name, type: a.type, status: a.status });
    return out;
  });
  facet(c.settingsOf(region), 'accessAnalyzers', analyzers);
}
