import { InputError } from '../../errors.js';
import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { ACCOUNT_ID, tagAttrs, type TfAdapter } from './helpers/index.js';
import { regionalSettingsInUse, weakestRegionDecides } from './regional-settings.js';
import { KINDS } from '../../model/kinds/index.js';
import { accountAdapters } from './account.js';
import { rdsAdapters } from './rds.js';
import { elasticacheAdapters } from './elasticache.js';
import { backupAdapters } from './backup.js';
import { ec2Adapters } from './ec2.js';
import { prefixListAdapters } from './prefix-lists.js';
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
import { ssmAdapters } from './ssm.js';
import { snsAdapters } from './sns.js';
// stores2
import { docdbAdapters } from './docdb.js';
import { neptuneAdapters } from './neptune.js';
import { snapshotAdapters } from './snapshots.js';
import { ecrAdapters } from './ecr.js';
import { guardrailAdapters } from './guardrails.js';
// doors (issue 14)
import { cloudfrontAdapters } from './cloudfront.js';
import { elbClassicAdapters } from './elb-classic.js';
import { ec2LaunchTemplateAdapters } from './ec2-launch-template.js';
import { cognitoAdapters } from './cognito.js';
import { apigatewayAdapters } from './apigateway.js';
// stores slice
import { dynamodbAdapters } from './dynamodb.js';
import { lambdaAdapters } from './lambda.js';
import { efsAdapters } from './efs.js';
import { sqsAdapters } from './sqs.js';
// search slice
import { opensearchAdapters } from './opensearch.js';
import { redshiftAdapters } from './redshift.js';
import { memorydbAdapters } from './memorydb.js';
// guard slice (issue 14, wave 3)
import { cloudwatchAdapters } from './cloudwatch.js';
import { alertingAdapters } from './alerting.js';
import { vpcEndpointAdapters } from './vpc-endpoint.js';
// pipes slice
import { kinesisAdapters } from './kinesis.js';
import { firehoseAdapters } from './firehose.js';
import { eksAdapters } from './eks.js';
import { athenaAdapters } from './athena.js';
import { glueAdapters } from './glue.js';
// doors2 (issue 14 follow-up)
import { wafv2Adapters } from './wafv2.js';
// files-streams slice (issue 14, wave 4)
import { fsxAdapters } from './fsx.js';
import { mskAdapters } from './msk.js';
import { mqAdapters } from './mq.js';
import { transferAdapters } from './transfer.js';
import { rdsProxyAdapters } from './rds-proxy.js';
import { dmsAdapters } from './dms.js';
// lakes-apis slice (issue 14, wave 4)
import { opensearchServerlessAdapters } from './opensearchserverless.js';
import { sagemakerAdapters } from './sagemaker.js';
// ledgers slice
import { daxAdapters } from './dax.js';
import { elasticacheServerlessAdapters } from './elasticache-serverless.js';
import { rdsGlobalAdapters } from './rds-global.js';
import { macieAdapters } from './macie.js';
import { timestreamAdapters } from './timestream.js';
import { qldbAdapters } from './qldb.js';
import { keyspacesAdapters } from './keyspaces.js';
// org slice (issue 14, wave 4)
import { organizationsAdapters } from './organizations.js';
import { s3DirectoryAdapters } from './s3-directory.js';
import { glacierAdapters } from './glacier.js';
import { ramAdapters } from './ram.js';
import { s3AccessPointAdapters } from './s3-access-point.js';
// apis slice (issue 14, wave 4)
import { appsyncAdapters } from './appsync.js';
import { lakeformationAdapters } from './lakeformation.js';
import { regionAttrs } from './governance.js';
import { classifyResources, DEFAULT_CLASSIFICATION, type ClassificationOptions } from '../classification.js';
import type { Adapted, InventoryEntry } from '../inventory.js';

/** Managed-resource adapters by Terraform type. */
export const TF_ADAPTERS: Record<string, TfAdapter> = {
  ...accountAdapters,
  ...rdsAdapters,
  ...elasticacheAdapters,
  ...backupAdapters,
  ...ec2Adapters,
  ...prefixListAdapters,
  ...ec2InstanceAdapters,
  ...elbAdapters,
  ...s3Adapters,
  ...kmsAdapters,
  ...cloudtrailAdapters,
  ...logsAdapters,
  ...iamAdapters,
  ...secretsAdapters,
  ...ecsAdapters,
  ...ssmAdapters,
  ...snsAdapters,
  // stores2
  ...docdbAdapters,
  ...neptuneAdapters,
  ...snapshotAdapters,
  ...ecrAdapters,
  ...guardrailAdapters,
  // doors (issue 14)
  ...cloudfrontAdapters,
  ...elbClassicAdapters,
  ...ec2LaunchTemplateAdapters,
  ...cognitoAdapters,
  ...apigatewayAdapters,
  // stores slice
  ...dynamodbAdapters,
  ...lambdaAdapters,
  ...efsAdapters,
  ...sqsAdapters,
  // search slice
  ...opensearchAdapters,
  ...redshiftAdapters,
  ...memorydbAdapters,
  // guard slice (issue 14, wave 3)
  ...cloudwatchAdapters,
  ...alertingAdapters,
  ...vpcEndpointAdapters,
  // pipes slice
  ...kinesisAdapters,
  ...firehoseAdapters,
  ...eksAdapters,
  ...athenaAdapters,
  ...glueAdapters,
  // doors2 (issue 14 follow-up)
  ...wafv2Adapters,
  // files-streams slice (issue 14, wave 4)
  ...fsxAdapters,
  ...mskAdapters,
  ...mqAdapters,
  ...transferAdapters,
  ...rdsProxyAdapters,
  ...dmsAdapters,
  // lakes-apis slice (issue 14, wave 4)
  ...opensearchServerlessAdapters,
  ...sagemakerAdapters,
  // ledgers slice
  ...daxAdapters,
  ...elasticacheServerlessAdapters,
  ...rdsGlobalAdapters,
  ...timestreamAdapters,
  ...qldbAdapters,
  ...keyspacesAdapters,
  // org slice (issue 14, wave 4)
  ...organizationsAdapters,
  ...s3DirectoryAdapters,
  ...glacierAdapters,
  // apis slice (issue 14, wave 4)
  ...appsyncAdapters,
  ...lakeformationAdapters,
  ...macieAdapters,
  ...ramAdapters,
  ...s3AccessPointAdapters,
};

/** Data-source adapters by Terraform type (`data.aws_iam_policy_document`, ...), keyed `data.<type>`. */
export const TF_DATA_ADAPTERS: Record<string, TfAdapter> = Object.fromEntries(Object.entries(TF_ADAPTERS).filter(([k]) => k.startsWith('data.')));

export { ACCOUNT_ID };

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
      // a list the configuration's aws_backup_region_settings append to: none declared is none, not unknown
      backupRegionSettings: { value: [], origin: 'default', loc: { file: input } },
      ebsEncryptionByDefaultRegions: { value: [], origin: 'default', loc: { file: input } },
      detectionRegions: { value: [], origin: 'default', loc: { file: input } },
      securityHubAggregators: { value: [], origin: 'default', loc: { file: input } },
    },
    links: {},
    identifiers: [],
    linkRefs: [],
    input,
  };
}

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

/**
 * A resource Terraform deferred: the plan shows only part of it, so an attribute it does not show is not
 * the provider's default but unknown (needs live verification), never a pass on a default.
 */
function unknownUnlessShown(r: Resource): void {
  for (const [name, v] of Object.entries(r.attrs)) if (v.origin === 'default') r.attrs[name] = { value: undefined, origin: 'unknown', loc: v.loc };
}

/** Turn Terraform records (plan or HCL) into model resources. Records without an adapter make none. */
export function adaptTerraform(records: TfRecord[], source: 'hcl' | 'plan', opaqueModules: string[] = [], classification: ClassificationOptions = DEFAULT_CLASSIFICATION): Resource[] {
  return adaptTerraformInventory(records, source, opaqueModules, classification).resources;
}

/**
 * Model resources, and the inventory of every managed resource of the input: the ones without an
 * adapter are kept there with their type, address, file and line, so coverage can count them.
 */
export function adaptTerraformInventory(records: TfRecord[], source: 'hcl' | 'plan', opaqueModules: string[] = [], classification: ClassificationOptions = DEFAULT_CLASSIFICATION): Adapted {
  const out: Resource[] = [];
  const inventory: InventoryEntry[] = [];
  const inputs = new Set<string>();
  for (const rec of records) {
    inputs.add(rec.input);
    if (rec.mode === 'provider') continue;
    if (rec.forgotten) {
      inventory.push({ ...entryOf(rec, false, []), forgotten: true });
      continue;
    }
    const adapter = rec.mode === 'data' ? TF_ADAPTERS[`data.${rec.type}`] : TF_ADAPTERS[rec.type];
    const produced = !adapter ? undefined : source === 'plan' ? planShaped(rec, () => adapter(rec)) : adapter(rec);
    const made = !produced ? [] : Array.isArray(produced) ? produced : [produced];
    if (rec.deferred) for (const r of made) unknownUnlessShown(r);
    for (const r of made) out.push(r);
    if (rec.mode === 'managed') inventory.push(entryOf(rec, Boolean(adapter), made));
  }
  classifyResources(out, classification);
  const account = tfAccount(source, [...inputs][0] ?? '');
  Object.assign(account.attrs, regionAttrs(records, account.loc.file ?? '', opaqueModules));
  regionalSettingsInUse(out, account.attrs.regions!);
  weakestRegionDecides(out);
  out.push(account);
  // after every adapter's resource: these share their block's address, and the linker keeps the first
  for (const r of credentialBlocks(records.filter((r) => !r.forgotten))) out.push(r);
  return { resources: out, inventory };
}

function entryOf(rec: TfRecord, modelled: boolean, resources: Resource[]): InventoryEntry {
  const e: InventoryEntry = {
    type: rec.type,
    address: rec.address,
    arn: typeof rec.values.arn === 'string' ? rec.values.arn : null,
    file: rec.loc.file ?? null,
    line: rec.loc.line ?? null,
    source: rec.source,
    modelled,
    resources,
  };
  if (rec.region) e.region = rec.region;
  if (!resources.length) e.tags = tagAttrs(rec).tags;
  return e;
}
