import { dataAt, imdsVals, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A launch template judged by its default version's data (facet `defaultVersion`: LaunchTemplateData). */
const launchTemplate: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.launch-template', ctx, [dataAt(rec, 'LaunchTemplateId'), dataAt(rec, 'LaunchTemplateName')]);
  r.attrs = { name: liveAttr(rec, ctx, 'LaunchTemplateName'), ...imdsVals(rec, ctx, 'defaultVersion.MetadataOptions'), ...tagVals(rec, ctx) };
  return r;
};

export const ec2LaunchTemplateLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EC2::LaunchTemplate': launchTemplate };
