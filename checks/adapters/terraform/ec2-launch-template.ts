import { attr, imdsAttrs, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_launch_template: the version the configuration describes (Terraform makes it the latest). */
const launchTemplate: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ec2.launch-template', [rec.values.name]);
  r.attrs = { name: attr(rec, 'name'), ...imdsAttrs(rec), ...tagAttrs(rec) };
  return r;
};

export const ec2LaunchTemplateAdapters: Record<string, TfAdapter> = { aws_launch_template: launchTemplate };
