import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { InputError } from '../../errors.js';
import { Collector, errorCode, limiter, SERVICE_NOT_IN_REGION, type ClientHook, type CollectSettings } from './collect/context.js';
import { CONFIG_TYPES } from './collect/config-types.js';
import type { OrgAccount } from './collect/org.js';
import { SNAPSHOT_VERSION, type Snapshot, type SnapshotAccount, type SnapshotError } from './snapshot.js';
import { TOOL_VERSION } from '../../version.js';
import { pushAll } from '../../util/push-all.js';
import { NOT_COLLECTED_LIVE, notCollectedNote } from './not-collected.js';

export { readSnapshot, validateSnapshot, isSnapshot, serializeSnapshot, SNAPSHOT_SCHEMA_PATH, type Snapshot } from './snapshot.js';
export type { ClientHook } from './collect/context.js';
export { CONFIG_TYPES } from './collect/config-types.js';

/** Role assumed in every member account of an organisation audit unless --org-role-name says otherwise. */
export const DEFAULT_ORG_ROLE = 'FerpaReadyAuditor';

/** The collectors and their SDK clients (collect/all.ts), organisation reads (collect/org.ts): loaded once, on first need. */
let collectorsLoading: Promise<typeof import('./collect/all.js')> | undefined;
const collectors = (): Promise<typeof import('./collect/all.js')> => (collectorsLoading ??= import('./collect/all.js'));
const orgReads = (): Promise<typeof import('./collect/org.js')> => import('./collect/org.js');
/** EC2's client is the SDK's largest: loaded for the region list, after the identity call went out. */
const ec2 = (): Promise<typeof import('@aws-sdk/client-ec2')> => import('@aws-sdk/client-ec2');

export interface CollectOptions {
  /** Regions to audit, or `all` for every region enabled in the account (ec2:DescribeRegions). */
  regions: string[] | 'all';
  profile?: string;
  roleArn?: string;
  /** An emulator or a VPC endpoint; defaults to AWS_ENDPOINT_URL when set. */
  endpointUrl?: string;
  quiet?: boolean;
  /** Concurrent calls per service and region (default 4). */
  concurrency?: number;
  progress?: (msg: string) => void;
  /** SDK attempts per call, retries included (default 5, adaptive retry). */
  maxAttempts?: number;
  /** Per-request timeout in ms (default 30 s). */
  requestTimeoutMs?: number;
  /** Middleware hooks applied to every client (call recorders, fault injection in tests). */
  clientHooks?: ClientHook[];
  /** Clock for `collectedAt` (tests). */
  now?: () => Date;
  /**
   * Audit every ACTIVE account of the caller's AWS Organization: the caller's own account with its own
   * credentials, each other member through `roleName` (default FerpaReadyAuditor), `accountConcurrency`
   * accounts at a time (default 4). One snapshot holds them all; every record names its account.
   */
  org?: { roleName?: string; accountConcurrency?: number; pageSize?: number };
  /**
   * Read the types AWS Config records well (CONFIG_TYPES) through this aggregator (in the first audited
   * region unless `configRegion`), every other type through the describe APIs.
   */
  configAggregator?: string;
  configRegion?: string;
  /**
   * One shard of a fan-out: every region the run audits in this account across its shards (the manifest's),
   * recorded as audited with this shard's own, so residency is judged on what the whole run reads.
   */
  runRegions?: string[];
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;


/** What went wrong before any resource could be read, as one line the user can act on. */
function setupError(e: unknown, endpoint: string | undefined): InputError {
  const code = errorCode(e);
  const msg = String((e as Error)?.message ?? e).split('\n')[0];
  const name = (e as Error)?.name;
  if (name === 'CredentialsProviderError' || /credential/i.test(msg)) return new InputError(`no usable AWS credentials: ${msg}`);
  if (code === 'NetworkError' || code === 'Timeout') return new InputError(`cannot reach ${endpoint ?? 'AWS'} (${code}): ${msg}`);
  if (['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'UnrecognizedClientException', 'AccessDenied', 'AuthFailure'].includes(code))
    return new InputError(`AWS rejected the credentials (${code}): ${msg}`);
  return new InputError(`cannot start the audit (${code}): ${msg}`);
}

/** One account's share of a snapshot. */
interface AccountPart {
  info: SnapshotAccount;
  collector?: Collector;
}

/**
 * Audit an AWS account (or every account of an organisation) into a snapshot: read-only calls, every
 * region asked for, full pagination, bounded concurrency, adaptive retry. A failed read is recorded
 * (never dropped), a member account whose role cannot be assumed too; only a failure to start at all
 * (credentials, endpoint, region names, the organisation's account list) throws an InputError.
 */
export async function collectSnapshot(opts: CollectOptions): Promise<Snapshot> {
  // The SDK warns once per process that its 2027 releases need Node 22; this tool supports Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const endpoint = opts.endpointUrl ?? (process.env.AWS_ENDPOINT_URL || undefined);
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new InputError(`--endpoint-url: not a URL: ${endpoint}`);
  const explicit = opts.regions === 'all' ? [] : opts.regions;
  if (opts.regions !== 'all' && explicit.length === 0) throw new InputError('--regions: give at least one region, or "all"');
  for (const r of explicit) if (!REGION.test(r)) throw new InputError(`--regions: "${r}" is not an AWS region name`);
  if (opts.configRegion && !REGION.test(opts.configRegion)) throw new InputError(`--config-region: "${opts.configRegion}" is not an AWS region name`);
  if (opts.configAggregator !== undefined && !/^[\w-]{1,256}$/.test(opts.configAggregator)) throw new InputError(`--config-aggregator: "${opts.configAggregator}" is not an aggregator name`);
  const roleName = opts.org?.roleName ?? DEFAULT_ORG_ROLE;
  if (opts.org && !/^[\w+=,.@/-]{1,64}$/.test(roleName)) throw new InputError(`--org-role-name: "${roleName}" is not an IAM role name`);
  const accountConcurrency = opts.org?.accountConcurrency ?? 4;
  if (!Number.isInteger(accountConcurrency) || accountConcurrency < 1) throw new InputError(`--account-concurrency: expected a positive whole number, got "${accountConcurrency}"`);
  // Identity and the region list are read from a region known to exist (the user's default, or the
  // partition's first region), so a mistyped --regions name is reported as such.
  const bootstrap = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (explicit[0]?.startsWith('cn-') ? 'cn-north-1' : explicit[0]?.startsWith('us-gov-') ? 'us-gov-west-1' : 'us-east-1');

  // the credential providers package is large: loaded only for --profile / --role-arn
  const providers = opts.profile || opts.roleArn ? await import('@aws-sdk/credential-providers') : undefined;
  const base = opts.profile ? providers!.fromIni({ profile: opts.profile }) : undefined;
  const credentials = opts.roleArn
    ? providers!.fromTemporaryCredentials({
        params: { RoleArn: opts.roleArn, RoleSessionName: 'ferpa-ready-audit' },
        ...(base ? { masterCredentials: base } : {}),
        clientConfig: { region: bootstrap, ...(endpoint ? { endpoint } : {}) },
      })
    : base;
  const progress = opts.progress ?? (!opts.quiet && process.stderr.isTTY ? (m: string) => process.stderr.write(`\r\x1b[K${m}`) : undefined);

  const settings: CollectSettings = {
    accountId: '',
    partition: 'aws',
    endpoint,
    credentials,
    concurrency: Math.max(1, opts.concurrency ?? 4),
    maxAttempts: Math.max(1, opts.maxAttempts ?? 5),
    requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
    clientHooks: opts.clientHooks ?? [],
    progress,
  };
  const c = new Collector(settings);
  const parts: AccountPart[] = [];
  try {
    progress?.('checking credentials');
    let callerArn: string | undefined;
    try {
      const sts = c.client(STSClient, bootstrap, { maxAttempts: 2 });
      // The other clients load after this call returned, not while it is in flight: loading them
      // is synchronous (require) and would hold back the request itself until they all were.
      const id = await sts.send(new GetCallerIdentityCommand({}));
      settings.accountId = id.Account ?? '';
      callerArn = id.Arn;
      settings.partition = id.Arn?.split(':')[1] ?? 'aws';
    } catch (e) {
      throw setupError(e, endpoint);
    }
    if (!/^\d{12}$/.test(settings.accountId)) throw new InputError(`the caller identity has no account id (${callerArn ?? 'no ARN'})`);

    const regions = await auditedRegions(c, opts.regions, explicit, bootstrap, endpoint, true, opts.runRegions);
    const home = regions.includes(bootstrap) ? bootstrap : regions[0]!;

    // AWS Config first: what it records is not listed again by the describe collectors.
    let configAggregator: Snapshot['configAggregator'];
    const notes: string[] = [];
    const configured = new Map<string, Collector>();
    if (opts.configAggregator) {
      const region = opts.configRegion ?? home;
      progress?.(`reading AWS Config aggregator ${opts.configAggregator}`);
      const { collectFromConfig } = await collectors();
      const out = await collectFromConfig(c, opts.configAggregator, region, opts.regions === 'all' ? 'all' : regions);
      configAggregator = { name: opts.configAggregator, region, resourceTypes: [...CONFIG_TYPES] };
      pushAll(notes, out.notes);
      settings.skipTypes = new Set(CONFIG_TYPES);
      for (const acct of out.accounts) configured.set(acct, c);
    }

    let accounts: OrgAccount[] = [{ id: settings.accountId }];
    if (opts.org) {
      progress?.('listing the organisation\'s accounts');
      accounts = await (await orgReads()).listOrgAccounts(c, home, opts.org.pageSize);
      if (!accounts.some((a) => a.id === settings.accountId)) progress?.(`the caller's account ${settings.accountId} is not an ACTIVE member; auditing the members only`);
    }

    const runAccount = limiter(accountConcurrency);
    await Promise.all(
      accounts.map((acct) =>
        runAccount(async () => {
          const part: AccountPart = { info: { id: acct.id, ...(acct.name ? { name: acct.name } : {}), status: 'collected' } };
          parts.push(part);
          let member = c;
          if (acct.id !== settings.accountId) {
            const roleArn = `arn:${settings.partition}:iam::${acct.id}:role/${roleName}`;
            part.info.access = 'assumed-role';
            part.info.roleArn = roleArn;
            const assumed = await (await orgReads()).assumeRoleCredentials(c, home, roleArn);
            if (!assumed.ok) {
              part.info.status = 'error';
              part.info.error = assumed.error;
              return;
            }
            member = new Collector({ ...settings, accountId: acct.id, credentials: assumed.provider });
            part.collector = member;
            try {
              part.info.regions = await auditedRegions(member, opts.regions, explicit, home, endpoint, false);
            } catch (e) {
              part.info.status = 'error';
              part.info.error = { code: errorCode(e), message: (e as Error).message.split('\n')[0]!.slice(0, 300), call: 'ec2:DescribeRegions' };
              return;
            }
          } else {
            if (opts.org) part.info.access = 'caller';
            part.info.regions = regions;
          }
          // Facets Config items lack, read here where this account can be reached.
          if (configured.size) await (await collectors()).completeFromDescribe(member, c.resources.filter((r) => r.via === 'config' && r.account === acct.id));
          await runCollectors(member, part.info.regions!, home, opts.org ? `${acct.id} ` : '', progress);
        }),
      ),
    );
    if (progress && !opts.progress) process.stderr.write('\r\x1b[K');

    // Accounts the aggregator covers that no describe collector could reach.
    if (configAggregator) {
      const reached = new Set(parts.filter((p) => p.info.status === 'collected').map((p) => p.info.id));
      const configOnly = [...configured.keys()].filter((a) => !reached.has(a) && !parts.some((p) => p.info.id === a)).sort();
      for (const id of configOnly) parts.push({ info: { id, access: 'config-only', status: 'collected', regions: [] } });
      if (configOnly.length) notes.push(`accounts ${configOnly.join(', ')} were read only through AWS Config: types Config does not record, and account settings, were not collected there (use --org to reach them).`);
    }

    const own = (id: string) => (id === settings.accountId ? {} : { account: id });
    const snap: Snapshot = {
      snapshotVersion: SNAPSHOT_VERSION,
      tool: { name: 'ferpa-ready', version: TOOL_VERSION },
      collectedAt: (opts.now?.() ?? new Date()).toISOString(),
      account: { id: settings.accountId, partition: settings.partition, ...(callerArn ? { callerArn } : {}) },
      regions,
      resources: [...c.resources],
      accountSettings: [...c.accountSettings.values()],
      calls: [...c.calls],
      errors: [...c.errors],
    };
    for (const p of parts) {
      const m = p.collector;
      if (!m) continue;
      // element by element: spreading an account's whole resource list into push() overflows the stack at scale
      for (const r of m.resources) snap.resources.push(r);
      for (const a of m.accountSettings.values()) snap.accountSettings.push({ ...a, ...own(p.info.id) });
      for (const x of m.calls) snap.calls.push({ ...own(p.info.id), ...x });
      for (const x of m.errors) snap.errors.push({ ...own(p.info.id), ...x });
      for (const r of p.info.regions ?? []) if (!snap.regions.includes(r)) snap.regions.push(r);
    }
    if (opts.org || configAggregator) snap.accounts = parts.map((p) => p.info).sort((a, b) => a.id.localeCompare(b.id));
    if (configAggregator) snap.configAggregator = configAggregator;
    if (NOT_COLLECTED_LIVE.length) notes.push(notCollectedNote()); // stores2: services without an SDK client stay visible as unseen
    const absent = notOffered(snap);
    if (absent) notes.push(absent);
    if (notes.length) snap.notes = notes;
    return snap;
  } finally {
    c.destroy();
    for (const p of parts) p.collector?.destroy();
  }
}

/** The regions to audit in one account: the names asked for (checked against the enabled ones when `strict`), or every enabled region. */
async function auditedRegions(c: Collector, asked: string[] | 'all', explicit: string[], bootstrap: string, endpoint: string | undefined, strict: boolean, runRegions: string[] = []): Promise<string[]> {
  let enabled: string[];
  let unread: SnapshotError | undefined;
  const { DescribeRegionsCommand, EC2Client } = await ec2();
  try {
    const out = await c.client(EC2Client, bootstrap).send(new DescribeRegionsCommand({}));
    enabled = (out.Regions ?? []).map((r) => r.RegionName!).filter(Boolean).sort();
  } catch (e) {
    if (asked === 'all') throw strict ? setupError(e, endpoint) : e;
    enabled = explicit; // cannot check the names; the regional calls will record what fails
    unread = { code: errorCode(e), message: (e as Error).message.split('\n')[0]!.slice(0, 300), call: 'ec2:DescribeRegions' };
  }
  if (strict) for (const r of explicit) if (!enabled.includes(r)) throw new InputError(`--regions: "${r}" is not enabled in account ${c.accountId} (enabled: ${enabled.join(', ')})`);
  const regions = asked === 'all' ? enabled : strict ? [...new Set(explicit)] : [...new Set(explicit)].filter((r) => enabled.includes(r));
  if (regions.length === 0 && strict) throw new InputError(`--regions all: account ${c.accountId} reports no enabled region`);
  // Which enabled regions this audit never looked at: resources there are unseen (aws-resources-in-approved-regions).
  const global = c.settingsOf('global');
  if (unread) (global.errors ??= {}).regionCoverage = unread;
  else global.data.regionCoverage = { enabled, audited: [...new Set([...regions, ...runRegions])].sort() };
  return regions;
}

/** Every collector of one account: the global ones once (from the first region), the regional ones per region. */
async function runCollectors(c: Collector, regions: string[], preferred: string, label: string, progress: ((m: string) => void) | undefined): Promise<void> {
  if (regions.length === 0) return;
  const home = regions.includes(preferred) ? preferred : regions[0]!;
  const { GLOBAL_COLLECTORS, REGIONAL_COLLECTORS } = await collectors();
  const tasks: Array<[string, () => Promise<void>]> = [];
  for (const [name, fn] of Object.entries(GLOBAL_COLLECTORS)) tasks.push([`${name} (global)`, () => fn(c, home)]);
  for (const region of regions) for (const [name, fn] of Object.entries(REGIONAL_COLLECTORS)) tasks.push([`${name} ${region}`, () => fn(c, region)]);
  // Services and regions run side by side; each service+region has its own call bound inside.
  const run = limiter(Math.max(2, c.settings.concurrency * 2));
  let done = 0;
  await Promise.all(
    tasks.map(([name, fn]) =>
      run(async () => {
        await fn();
        done++;
        progress?.(`${label}[${done}/${tasks.length}] ${name}`);
      }),
    ),
  );
}

export type { SnapshotError };

/** The note naming the services whose endpoint does not exist in an audited Region: read as having nothing there. */
function notOffered(snap: Snapshot): string | undefined {
  const byService = new Map<string, Set<string>>();
  for (const c of snap.calls) {
    if (c.code !== SERVICE_NOT_IN_REGION) continue;
    const set = byService.get(c.service) ?? new Set<string>();
    set.add(c.region);
    byService.set(c.service, set);
  }
  if (!byService.size) return undefined;
  const parts = [...byService].sort(([a], [b]) => a.localeCompare(b)).map(([svc, regions]) => `${svc} (${[...regions].sort().join(', ')})`);
  return `not offered in every audited Region (their regional endpoint does not exist, so nothing of theirs can be there): ${parts.join('; ')}.`;
}
