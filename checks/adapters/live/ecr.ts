import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * A repository as DescribeRepositories describes it, with a `policy` facet (GetRepositoryPolicy policyText,
 * null when it has none) and a `tags` facet (ListTagsForResource), as collect/ecr.ts writes it.
 */
const repository: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ecr.repository', ctx, [dataAt(rec, 'repositoryName'), dataAt(rec, 'repositoryUri')]);
  const type = (dataAt(rec, 'encryptionConfiguration.encryptionType') as string | undefined) ?? 'AES256';
  const key = dataAt(rec, 'encryptionConfiguration.kmsKey') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'repositoryName'),
    scanOnPush: liveAttr(rec, ctx, 'imageScanningConfiguration.scanOnPush', { default: false }),
    imageTagMutability: liveAttr(rec, ctx, 'imageTagMutability', { default: 'MUTABLE' }),
    encryptionType: liveAttr(rec, ctx, 'encryptionConfiguration.encryptionType', { default: 'AES256' }),
    kmsKey: liveAttr(rec, ctx, 'encryptionConfiguration.kmsKey'),
    kmsKeyIsAwsManaged: type === 'AES256' ? liveDerived(rec, ctx, 'encryptionConfiguration', true) : keyFlag(ctx, key, liveDerived(rec, ctx, 'encryptionConfiguration.kmsKey', key ? keyIsAwsManaged(ctx, key) : true)),
    policy: liveAttr(rec, ctx, 'policy'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'encryptionConfiguration.kmsKey' }));
  return r;
};

export const ecrLiveAdapters: Record<string, LiveAdapter> = { 'AWS::ECR::Repository': repository };
