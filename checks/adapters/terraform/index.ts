import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import type { TfAdapter } from './helpers.js';
import { KINDS } from '../../model/kinds/index.js';
import { accountAdapters } from './account.js';
import { rdsAdapters } from './rds.js';
import { elasticacheAdapters } from './elasticache.js';
import { backupAdapters } from './backup.js';
import { ec2Adapters } from './ec2.js';
import { ec2InstanceAdapters } from './ec2-instance.js';
import { elbAdapters } from './elb.js';
import { s3Adapters } from './s3.js';
import { kmsAdapters } from './kms.js';
import { cloudtrailAdapters } from './cloudtrail.js';
import { logsAdapters } from './logs.js';
import { iamAdapters } from './iam.js';
import { secretsAdapters } from './secrets.js';
import { ecsAdapters } from './ecs.js';
import { credentialBlocks } from './credentials.js';
import { regionAttrs } from './governance.js';

/** Managed-resource adapters by Terraform type. */
export const TF_ADAPTERS: Record<string, TfAdapter> = {
  ...accountAdapters,
  ...rdsAdapters,
  ...elasticacheAdapters,
  ...backupAdapters,
  ...ec2Adapters,
  ...ec2InstanceAdapters,
  ...elbAdapters,
  ...s3Adapters,
  ...kmsAdapters,
  ...cloudtrailAdapters,
  ...logsAdapters,
  ...iamAdapters,
  ...secretsAdapters,
  ...ecsAdapters,
};

/** Data-source adapters by Terraform type (`data.aws_iam_policy_document`, ...), keyed `data.<type>`. */
export const TF_DATA_ADAPTERS: Record<string, TfAdapter> = Object.fromEntries(Object.entries(TF_ADAPTERS).filter(([k]) => k.startsWith('data.')));

export const ACCOUNT_ID = 'account';

/** The synthetic account of a Terraform scan: what the configuration sets is merged in; the rest stays unknown. */
export function tfAccount(source: 'hcl' | 'plan', input: string): Resource {
  return {
    kind: 'aws.account',
    id: ACCOUNT_ID,
    source,
    address: ACCOUNT_ID,
    arn: null,
    sourceType: 'account',
    loc: { file: input },
    // Everything the configuration does not set stays unknown (a "must be on" check says: needs live verification).
    attrs: {
      ...Object.fromEntries(Object.keys(KINDS['aws.account']?.attrs ?? {}).map((k) => [k, { value: undefined, origin: 'unknown' as const, loc: { file: input } }])),
      complete: { value: false, origin: 'default', loc: { file: input } },
    },
    links: {},
    identifiers: [],
    linkRefs: [],
    input,
  };
}

/** Turn Terraform records (plan or HCL) into model resources. Records without an adapter are skipped. */
export function adaptTerraform(records: TfRecord[], source: 'hcl' | 'plan', opaqueModules: string[] = []): Resource[] {
  const out: Resource[] = [];
  const inputs = new Set<string>();
  for (const rec of records) {
    inputs.add(rec.input);
    if (rec.mode === 'provider') continue;
    const adapter = rec.mode === 'data' ? TF_ADAPTERS[`data.${rec.type}`] : TF_ADAPTERS[rec.type];
    if (!adapter) continue;
    const produced = adapter(rec);
    if (!produced) continue;
    for (const r of Array.isArray(produced) ? produced : [produced]) out.push(r);
  }
  const account = tfAccount(source, [...inputs][0] ?? '');
  Object.assign(account.attrs, regionAttrs(records, account.loc.file ?? '', opaqueModules));
  out.push(account);
  // after every adapter's resource: these share their block's address, and the linker keeps the first
  for (const r of credentialBlocks(records)) out.push(r);
  return out;
}
