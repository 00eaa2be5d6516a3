import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { parseShardManifest, planShards } from '../../pipeline/shards.js';
import { writeStdout } from '../output.js';
import { writeTarget } from '../s3-output.js';

/**
 * `shards`: the work list of a fan-out audit, one item per account and region, for the Step Functions
 * distributed map (its ItemReader reads the file) and for the merge (`scan --shards`), which reports a
 * shard that never arrived as an error.
 */
export function registerShards(program: Command, _setExit: (code: number) => void): void {
  program
    .command('shards')
    .description('List the shards of a fan-out audit (account x region, with the auditor role of each account) as the JSON manifest the Step Functions map and `scan --shards` read')
    .requiredOption('--regions <list>', 'comma-separated regions each account is audited in')
    .option('--accounts <list>', 'comma-separated account ids')
    .option('--org', 'every ACTIVE account of the AWS Organization (organizations:ListAccounts, from the management or a delegated administrator account)')
    .option('--org-role-name <name>', 'the read-only auditor role in each account', 'FerpaReadyAuditor')
    .option('--partition <name>', 'ARN partition of the roles', 'aws')
    .option('--endpoint-url <url>', 'AWS endpoint (an emulator or VPC endpoint); default AWS_ENDPOINT_URL')
    .option('-o, --out <file|s3://bucket/key>', 'write the manifest here (default: stdout)')
    .action(async (opts) => {
      if (Boolean(opts.org) === Boolean(opts.accounts)) throw new InputError('shards: give --accounts or --org (one of them)');
      const regions = String(opts.regions).split(',').map((r) => r.trim()).filter(Boolean);
      if (!regions.length) throw new InputError('--regions: give at least one region');
      if (!/^[A-Za-z0-9+=,.@_-]{1,64}$/.test(String(opts.orgRoleName))) throw new InputError(`--org-role-name: "${String(opts.orgRoleName)}" is not an IAM role name`);
      const accounts = opts.org ? await orgAccounts(opts.endpointUrl) : String(opts.accounts).split(',').map((id) => ({ id: id.trim() })).filter((a) => a.id);
      for (const a of accounts) if (!/^\d{12}$/.test(a.id)) throw new InputError(`--accounts: "${a.id}" is not a 12-digit account id`);
      const manifest = parseShardManifest(planShards(accounts, regions, String(opts.orgRoleName), String(opts.partition)), '--regions/--accounts');
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      if (opts.out) {
        await writeTarget(String(opts.out), text, opts.endpointUrl);
        process.stderr.write(`${manifest.length} shard(s) (${accounts.length} account(s) x ${regions.length} region(s)) written to ${String(opts.out)}\n`);
      } else writeStdout(text);
    });
}

/** Every ACTIVE account of the organisation. */
async function orgAccounts(endpoint: string | undefined): Promise<Array<{ id: string; name?: string }>> {
  const { OrganizationsClient, paginateListAccounts } = await import('@aws-sdk/client-organizations');
  const ep = endpoint ?? (process.env.AWS_ENDPOINT_URL || undefined);
  const client = new OrganizationsClient({ region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', ...(ep ? { endpoint: ep } : {}) });
  const out: Array<{ id: string; name?: string }> = [];
  try {
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const a of page.Accounts ?? []) if (a.Id && (a.State ?? a.Status) === 'ACTIVE') out.push({ id: a.Id, ...(a.Name ? { name: a.Name } : {}) });
    }
  } catch (e) {
    const err = e as { name?: string; message?: string };
    throw new InputError(`--org: cannot list the organisation's accounts (organizations:ListAccounts ${err.name ?? 'error'}: ${(err.message ?? '').split('\n')[0]}); run from the management account or a delegated administrator`);
  } finally {
    client.destroy();
  }
  if (!out.length) throw new InputError('--org: the organisation lists no ACTIVE account');
  return out;
}
