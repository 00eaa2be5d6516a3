import { GetPolicyCommand, LambdaClient, ListTagsCommand, paginateListFunctionUrlConfigs, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { SnapshotResource } from '../snapshot.js';
import { envValueShape } from '../../../util/credentials.js';
import { allPages, type Collector, facet, items, listAll, plain } from './context.js';

/** Environment values may be secrets: the snapshot keeps each name and the shape of its value, never a secret. */
function redact(f: FunctionConfiguration): Record<string, unknown> {
  const vars = f.Environment?.Variables;
  const data = plain(f) as Record<string, unknown>;
  if (vars) data.Environment = { ...(data.Environment as object), Variables: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, { ...envValueShape(v), valueLength: v.length }])) };
  return data;
}

/**
 * Lambda: functions (runtime, KMS key, environment shape), their resource policy, function URLs and tags.
 * ListFunctions answers the configuration of $LATEST; published versions are not read.
 */
export async function collectLambda(c: Collector, region: string): Promise<void> {
  const client = c.client(LambdaClient, region);
  const fns = await listAll(c, 'lambda', region, 'lambda:ListFunctions', ['AWS::Lambda::Function'], () => items(paginateListFunctions({ client }, {}), (p) => p.Functions));
  await Promise.all(
    (fns ?? []).map(async (f) => {
      const name = f.FunctionName!;
      const arn = f.FunctionArn ?? c.arn('lambda', region, `function:${name}`);
      const rec: SnapshotResource = { type: 'AWS::Lambda::Function', arn, region, account: c.accountId, data: redact(f) };
      facet(rec, 'policy', await c.read('lambda', region, 'lambda:GetPolicy', () => client.send(new GetPolicyCommand({ FunctionName: name }))), (v) => v.Policy ?? null);
      const urls = await c.read('lambda', region, 'lambda:ListFunctionUrlConfigs', () => allPages(paginateListFunctionUrlConfigs({ client }, { FunctionName: name }), (p) => p.FunctionUrlConfigs));
      facet(rec, 'functionUrls', urls);
      facet(rec, 'tags', await c.read('lambda', region, 'lambda:ListTags', () => client.send(new ListTagsCommand({ Resource: arn }))), (v) => v.Tags ?? {});
      c.add(rec);
    }),
  );
}
