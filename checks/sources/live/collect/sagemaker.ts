import { DescribeNotebookInstanceCommand, ListTagsCommand, SageMakerClient, paginateListNotebookInstances } from '@aws-sdk/client-sagemaker';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** SageMaker: notebook instances (volume key, direct internet access, root access) with their tags. */
export async function collectSageMaker(c: Collector, region: string): Promise<void> {
  const client = c.client(SageMakerClient, region);
  const notebooks = await listAll(c, 'sagemaker', region, 'sagemaker:ListNotebookInstances', ['AWS::SageMaker::NotebookInstance'], () =>
    items(paginateListNotebookInstances({ client }, {}), (p) => p.NotebookInstances),
  );
  for (const n of notebooks ?? []) {
    const name = n.NotebookInstanceName;
    const arn = n.NotebookInstanceArn;
    if (!name || !arn) continue;
    const rec: SnapshotResource = { type: 'AWS::SageMaker::NotebookInstance', arn, region, account: c.accountId, data: { NotebookInstanceName: name } };
    facet(rec, 'instance', await c.read('sagemaker', region, 'sagemaker:DescribeNotebookInstance', () => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }))), (v) => plain(v));
    facet(rec, 'tags', await c.read('sagemaker', region, 'sagemaker:ListTags', () => client.send(new ListTagsCommand({ ResourceArn: arn }))), (v) => tagMap(v.Tags));
    c.add(rec);
  }
}
