import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { collectBackup } from './collect/backup.js';
import { collectCloudTrail } from './collect/cloudtrail.js';
import { Collector, errorCode, limiter, type ClientHook, type CollectSettings } from './collect/context.js';
import { collectEc2 } from './collect/ec2.js';
import { collectEcs } from './collect/ecs.js';
import { collectCacheClusters, collectElastiCache } from './collect/elasticache.js';
import { collectElb } from './collect/elb.js';
import { collectIam } from './collect/iam.js';
import { collectKms } from './collect/kms.js';
import { collectLogs } from './collect/logs.js';
import { collectRds } from './collect/rds.js';
import { collectS3 } from './collect/s3.js';
import { collectSecrets } from './collect/secrets.js';
import { SNAPSHOT_VERSION, type Snapshot } from './snapshot.js';

export { readSnapshot, validateSnapshot, isSnapshot, serializeSnapshot, SNAPSHOT_SCHEMA_PATH, type Snapshot } from './snapshot.js';
export type { ClientHook } from './collect/context.js';

/** Regional collectors, by name (every one runs in every audited region). */
export const REGIONAL_COLLECTORS = {
  ec2: collectEc2,
  rds: collectRds,
  kms: collectKms,
  cloudtrail: collectCloudTrail,
  logs: collectLogs,
  secretsmanager: collectSecrets,
  elasticache: collectElastiCache,
  elasticacheClusters: collectCacheClusters,
  elasticloadbalancing: collectElb,
  backup: collectBackup,
  ecs: collectEcs,
} as const;

/** Account-wide collectors, run once from the first audited region. */
export const GLOBAL_COLLECTORS = { s3: collectS3, iam: collectIam } as const;

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
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

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

/**
 * Audit an AWS account into a snapshot: read-only calls, every region asked for, full pagination,
 * bounded concurrency, adaptive retry. A failed read is recorded (never dropped); only a failure to
 * start at all (credentials, endpoint, region names) throws an InputError.
 */
export async function collectSnapshot(opts: CollectOptions): Promise<Snapshot> {
  // The SDK warns once per process that its 2027 releases need Node 22; this tool supports Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const endpoint = opts.endpointUrl ?? (process.env.AWS_ENDPOINT_URL || undefined);
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new InputError(`--endpoint-url: not a URL: ${endpoint}`);
  const explicit = opts.regions === 'all' ? [] : opts.regions;
  if (opts.regions !== 'all' && explicit.length === 0) throw new InputError('--regions: give at least one region, or "all"');
  for (const r of explicit) if (!REGION.test(r)) throw new InputError(`--regions: "${r}" is not an AWS region name`);
  // Identity and the region list are read from a region known to exist (the user's default, or the
  // partition's first region), so a mistyped --regions name is reported as such.
  const bootstrap = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (explicit[0]?.startsWith('cn-') ? 'cn-north-1' : explicit[0]?.startsWith('us-gov-') ? 'us-gov-west-1' : 'us-east-1');

  const base = opts.profile ? fromIni({ profile: opts.profile }) : undefined;
  const credentials = opts.roleArn
    ? fromTemporaryCredentials({
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
  try {
    progress?.('checking credentials');
    let callerArn: string | undefined;
    try {
      const sts = c.client(STSClient, bootstrap, { maxAttempts: 2 });
      const id = await sts.send(new GetCallerIdentityCommand({}));
      settings.accountId = id.Account ?? '';
      callerArn = id.Arn;
      settings.partition = id.Arn?.split(':')[1] ?? 'aws';
    } catch (e) {
      throw setupError(e, endpoint);
    }
    if (!/^\d{12}$/.test(settings.accountId)) throw new InputError(`the caller identity has no account id (${callerArn ?? 'no ARN'})`);

    let enabled: string[];
    try {
      const out = await c.client(EC2Client, bootstrap).send(new DescribeRegionsCommand({}));
      enabled = (out.Regions ?? []).map((r) => r.RegionName!).filter(Boolean).sort();
    } catch (e) {
      if (opts.regions === 'all') throw setupError(e, endpoint);
      enabled = explicit; // cannot check the names; the regional calls will record what fails
    }
    for (const r of explicit) if (!enabled.includes(r)) throw new InputError(`--regions: "${r}" is not enabled in account ${settings.accountId} (enabled: ${enabled.join(', ')})`);
    const regions = opts.regions === 'all' ? enabled : [...new Set(explicit)];
    if (regions.length === 0) throw new InputError(`--regions all: account ${settings.accountId} reports no enabled region`);
    const home = regions.includes(bootstrap) ? bootstrap : regions[0]!;

    const tasks: Array<[string, () => Promise<void>]> = [];
    for (const [name, fn] of Object.entries(GLOBAL_COLLECTORS)) tasks.push([`${name} (global)`, () => fn(c, home)]);
    for (const region of regions) for (const [name, fn] of Object.entries(REGIONAL_COLLECTORS)) tasks.push([`${name} ${region}`, () => fn(c, region)]);
    // Services and regions run side by side; each service+region has its own call bound inside.
    const run = limiter(Math.max(2, settings.concurrency * 2));
    let done = 0;
    await Promise.all(
      tasks.map(([label, fn]) =>
        run(async () => {
          await fn();
          done++;
          progress?.(`[${done}/${tasks.length}] ${label}`);
        }),
      ),
    );
    if (progress && !opts.progress) process.stderr.write('\r\x1b[K');

    return {
      snapshotVersion: SNAPSHOT_VERSION,
      tool: { name: 'ferpa-ready', version: toolVersion() },
      collectedAt: (opts.now?.() ?? new Date()).toISOString(),
      account: { id: settings.accountId, partition: settings.partition, ...(callerArn ? { callerArn } : {}) },
      regions,
      resources: c.resources,
      accountSettings: [...c.accountSettings.values()],
      calls: c.calls,
      errors: c.errors,
    };
  } finally {
    c.destroy();
  }
}
