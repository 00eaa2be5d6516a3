import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A notebook instance as DescribeNotebookInstance answers it (facet `instance`), with its tags. */
const notebook: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.sagemaker.notebook-instance', ctx, [dataAt(rec, 'NotebookInstanceName')]);
  const key = dataAt(rec, 'instance.KmsKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'NotebookInstanceName'),
    kmsKeyId: liveAttr(rec, ctx, 'instance.KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'instance.KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, ['instance'], key ? 'explicit' : 'default')),
    directInternetAccess: liveAttr(rec, ctx, 'instance.DirectInternetAccess', { default: 'Enabled' }),
    rootAccess: liveAttr(rec, ctx, 'instance.RootAccess', { default: 'Enabled' }),
    subnetId: liveAttr(rec, ctx, 'instance.SubnetId'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'instance.KmsKeyId' }));
  return r;
};

export const sagemakerLiveAdapters: Record<string, LiveAdapter> = { 'AWS::SageMaker::NotebookInstance': notebook };
