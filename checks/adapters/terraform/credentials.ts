import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { scanCredentials, withAddress, type CredentialUse, type UnreadCredential } from './helpers/index.js';

/**
 * Literal credentials in the Terraform configuration, one `aws.terraform.block` per block that holds
 * one (and per block of a kind that carries them: providers, instances and launch templates with
 * user data, functions and containers with environments), so each gets a finding at its own address.
 * What counts as a credential: helpers/credential-scan.ts.
 */

export const CREDENTIAL_BLOCK_KIND = 'aws.terraform.block';

/** Resource types whose arguments routinely carry credentials: each is judged (and passes) on its own. */
const CARRIER_TYPES = new Set([
  'aws_instance',
  'aws_launch_template',
  'aws_launch_configuration',
  'aws_spot_instance_request',
  'aws_lambda_function',
  'aws_ecs_task_definition',
  'aws_batch_job_definition',
  'aws_codebuild_project',
  'aws_elastic_beanstalk_environment',
  'aws_apprunner_service',
]);

function blockResource(rec: TfRecord, uses: CredentialUse[], unread: UnreadCredential[]): Resource {
  const loc = withAddress(rec);
  const attrLoc = uses[0]?._loc ?? unread[0]?._loc ?? loc;
  const r: Resource = {
    kind: CREDENTIAL_BLOCK_KIND,
    id: `${rec.address}#configuration`,
    source: rec.source,
    address: rec.address,
    arn: null,
    sourceType: rec.mode === 'provider' ? `provider.${rec.type}` : rec.mode === 'data' ? `data.${rec.type}` : rec.type,
    loc,
    attrs: {
      blockType: { value: rec.mode === 'managed' ? 'resource' : rec.mode, origin: 'explicit', loc },
      terraformType: { value: rec.type, origin: 'explicit', loc },
      plaintextCredentials: { value: uses, origin: 'explicit', loc: attrLoc },
      unreadCredentials: { value: unread, origin: 'explicit', loc: attrLoc },
    },
    links: {},
    identifiers: [],
    linkRefs: [],
    input: rec.input,
  };
  if (rec.region !== undefined) r.region = rec.region;
  if (rec.actions !== undefined) r.actions = rec.actions;
  return r;
}

/** One resource per provider block, per block of a carrier type, and per other block holding a literal credential. */
export function credentialBlocks(records: TfRecord[]): Resource[] {
  const out: Resource[] = [];
  for (const rec of records) {
    const { uses, unread } = scanCredentials(rec);
    const carrier = rec.mode === 'provider' || (rec.mode === 'managed' && CARRIER_TYPES.has(rec.type));
    // Other blocks are named only for what they hold: an unreadable password argument of a database
    // is the business of its own policies (a plan never shows it anyway).
    if (carrier) out.push(blockResource(rec, uses, unread));
    else if (uses.length) out.push(blockResource(rec, uses, []));
  }
  return out;
}
