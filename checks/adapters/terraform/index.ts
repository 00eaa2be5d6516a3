import { InputError } from '../../errors.js';
import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import type { TfAdapter } from './helpers.js';
import { KINDS } from '../../model/kinds/index.js';
import { accountAdapters } from './account.js';
import { rdsAdapters } from './rds.js';
import { elasticacheAdapters } from './elasticache.js';
import { backupAdapters } from './backup.js';
import { ec2Adapters } from './ec2.js';
import { elbAdapters } from './elb.js';
import { s3Adapters } from './s3.js';
import { kmsAdapters } from './kms.js';
import { cloudtrailAdapters } from './cloudtrail.js';
import { logsAdapters } from './logs.js';
import { iamAdapters } from './iam.js';
import { secretsAdapters } from './secrets.js';
import { ecsAdapters } from './ecs.js';
import { plaintextCredentialsAttr, regionAttrs } from './governance.js';

/** Managed-resource adapters by Terraform type. */
export const TF_ADAPTERS: Record<string, TfAdapter> = {
  ...accountAdapters,
  ...rdsAdapters,
  ...elasticacheAdapters,
  ...backupAdapters,
  ...ec2Adapters,
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
/**
 * A plan's values are typed by the provider's schema; a value of a type the provider never writes (a
 * number where it writes a string, ...) surfaces in an adapter as a TypeError. That is a plan not
 * written by Terraform: one line naming the resource, not a crash.
 */
function planShaped<T>(rec: TfRecord, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) {
      throw new InputError(`${rec.address}: values not in the shape the provider writes (${e.message.split('\n')[0]!.slice(0, 120)})`, rec.input);
    }
    throw e;
  }
}

export function adaptTerraform(records: TfRecord[], source: 'hcl' | 'plan', opaqueModules: string[] = []): Resource[] {
  const out: Resource[] = [];
  const inputs = new Set<string>();
  for (const rec of records) {
    inputs.add(rec.input);
    const adapter = rec.mode === 'data' ? TF_ADAPTERS[`data.${rec.type}`] : TF_ADAPTERS[rec.type];
    if (!adapter) continue;
    const produced = source === 'plan' ? planShaped(rec, () => adapter(rec)) : adapter(rec);
    if (!produced) continue;
    for (const r of Array.isArray(produced) ? produced : [produced]) out.push(r);
  }
  const account = tfAccount(source, [...inputs][0] ?? '');
  Object.assign(account.attrs, regionAttrs(records, account.loc.file ?? '', opaqueModules), { plaintextCredentials: plaintextCredentialsAttr(records, account.loc.file ?? '') });
  out.push(account);
  return out;
}
