import { dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const RESULT = 'WorkGroup.Configuration.ResultConfiguration';

/** A workgroup as GetWorkGroup describes it (facet `WorkGroup`), with its tags. */
const workgroup: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.athena.workgroup', ctx, [dataAt(rec, 'Name')]);
  const key = dataAt(rec, `${RESULT}.EncryptionConfiguration.KmsKey`) as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    state: liveAttr(rec, ctx, 'WorkGroup.State', { default: 'ENABLED' }),
    enforceConfiguration: liveAttr(rec, ctx, 'WorkGroup.Configuration.EnforceWorkGroupConfiguration', { default: true }),
    resultEncryptionOption: liveAttr(rec, ctx, `${RESULT}.EncryptionConfiguration.EncryptionOption`),
    resultKmsKeyArn: liveAttr(rec, ctx, `${RESULT}.EncryptionConfiguration.KmsKey`),
    outputLocation: liveAttr(rec, ctx, `${RESULT}.OutputLocation`),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'resultKey', key, ['aws.kms.key'], { attribute: `${RESULT}.EncryptionConfiguration.KmsKey` }));
  return r;
};

export const athenaLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Athena::WorkGroup': workgroup };
