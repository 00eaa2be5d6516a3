import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { SnapshotAccountSettings, SnapshotCall, SnapshotError, SnapshotListError, SnapshotResource } from '../snapshot.js';
import { pushAll } from '../../../util/push-all.js';

/**
 * Shared machinery of the collectors: one SDK client per service and region (adaptive retry, timeouts,
 * the call recorder), bounded concurrency per service and region, and the classification of failed
 * calls into "not configured" data or recorded errors.
 */

/** The slice of an SDK v3 client the collectors use: a middleware stack and a destroy. */
export interface SdkClient {
  middlewareStack: { add: (mw: any, opts: any) => void };
  destroy(): void;
}
export type ClientCtor<C extends SdkClient> = new (config: any) => C;

/** A hook that may add middleware to every client the collector builds (call recording in tests, fault injection). */
export type ClientHook = (client: SdkClient, info: { service: string; region: string }) => void;

export interface CollectSettings {
  accountId: string;
  partition: string;
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Concurrent calls per service and region. */
  concurrency: number;
  maxAttempts: number;
  /** Per-request socket timeout (ms). */
  requestTimeoutMs: number;
  clientHooks: ClientHook[];
  progress?: (msg: string) => void;
  /** Snapshot types read elsewhere (an AWS Config aggregator): the describe collectors do not list them. */
  skipTypes?: ReadonlySet<string>;
}

/** SDK client name -> IAM service prefix. */
const SERVICE_PREFIX: Record<string, string> = {
  EC2Client: 'ec2',
  RDSClient: 'rds',
  KMSClient: 'kms',
  CloudTrailClient: 'cloudtrail',
  S3Client: 's3',
  S3ControlClient: 's3',
  ElastiCacheClient: 'elasticache',
  CloudWatchLogsClient: 'logs',
  ElasticLoadBalancingV2Client: 'elasticloadbalancing',
  SecretsManagerClient: 'secretsmanager',
  IAMClient: 'iam',
  BackupClient: 'backup',
  ECSClient: 'ecs',
  STSClient: 'sts',
  OrganizationsClient: 'organizations',
  ConfigServiceClient: 'config',
  WAFV2Client: 'wafv2',
  // guard slice
  GuardDutyClient: 'guardduty',
  SecurityHubClient: 'securityhub',
  // doors (issue 14)
  CloudFrontClient: 'cloudfront',
  // stores slice
  DynamoDBClient: 'dynamodb',
  EFSClient: 'elasticfilesystem',
  SQSClient: 'sqs',
  SNSClient: 'sns',
  LambdaClient: 'lambda',
  // search slice: the OpenSearch API (OpenSearch and Elasticsearch engines) is authorised under es:
  OpenSearchClient: 'es',
  RedshiftClient: 'redshift',
  MemoryDBClient: 'memorydb',
  // guard slice (issue 14, wave 3)
  CloudWatchClient: 'cloudwatch',
  AccessAnalyzerClient: 'access-analyzer',
  Macie2Client: 'macie2',
  // doors (wave 3)
  ECRClient: 'ecr',
  ElasticLoadBalancingClient: 'elasticloadbalancing',
  // doors2 (issue 14 follow-up)
  APIGatewayClient: 'apigateway',
  ApiGatewayV2Client: 'apigateway',
  CognitoIdentityProviderClient: 'cognito-idp',
  CognitoIdentityClient: 'cognito-identity',
  // files-streams slice (issue 14, wave 4)
  FSxClient: 'fsx',
  KafkaClient: 'kafka',
  MqClient: 'mq',
  TransferClient: 'transfer',
  // lakes-apis slice (issue 14, wave 4)
  OpenSearchServerlessClient: 'aoss',
  SageMakerClient: 'sagemaker',
  // ledgers slice
  DAXClient: 'dax',
  TimestreamWriteClient: 'timestream',
  QLDBClient: 'qldb',
  KeyspacesClient: 'cassandra',
  // rest slice (issue 14, wave 4)
  RedshiftServerlessClient: 'redshift-serverless',
  DocDBElasticClient: 'docdb-elastic',
  // the client's name is the service's name, its actions are dms:
  DatabaseMigrationServiceClient: 'dms',
  // apis slice (issue 14, wave 4)
  LakeFormationClient: 'lakeformation',
  // live slice (issue 14)
  EventBridgeClient: 'events',
  // stores the model does not know yet (collect/unmodelled-stores.ts)
  DSQLClient: 'dsql',
  NeptuneGraphClient: 'neptune-graph',
  TimestreamInfluxDBClient: 'timestream-influxdb',
  EMRClient: 'elasticmapreduce',
  BedrockAgentClient: 'bedrock',
};

/** doors2: services IAM authorises by HTTP verb, not by operation (API Gateway: every read is `apigateway:GET`). */
const VERB_AUTHORISED: Record<string, string> = { APIGatewayClient: 'GET', ApiGatewayV2Client: 'GET' };

/**
 * API operations whose IAM action has another name. Everything else is authorised by the action of the
 * same name as the operation (`rds:DescribeDBInstances`).
 */
const ACTION_OVERRIDES: Record<string, string> = {
  'S3Client:ListBuckets': 'ListAllMyBuckets',
  'S3Client:GetBucketEncryption': 'GetEncryptionConfiguration',
  'S3Client:GetPublicAccessBlock': 'GetBucketPublicAccessBlock',
  'S3Client:GetBucketLifecycleConfiguration': 'GetLifecycleConfiguration',
  'S3ControlClient:GetPublicAccessBlock': 'GetAccountPublicAccessBlock',
  // ledgers slice: Keyspaces authorises its control-plane reads as cassandra:Select on the keyspace or table.
  'KeyspacesClient:ListKeyspaces': 'Select',
  'KeyspacesClient:ListTables': 'Select',
  'KeyspacesClient:GetTable': 'Select',
  'KeyspacesClient:ListTagsForResource': 'Select',
};

/**
 * org slice (wave 4): S3 directory buckets (S3 Express One Zone) are read with the S3 client but authorised under
 * s3express; a directory bucket's name always ends in `--x-s3`.
 */
const S3_EXPRESS_ACTIONS: Record<string, string> = { ListDirectoryBuckets: 'ListAllMyDirectoryBuckets', GetBucketEncryption: 'GetEncryptionConfiguration' };

/** The IAM action (`service:Action`) an SDK command needs (`bucket`: the S3 bucket it names, if any). */
export function iamAction(clientName: string, commandName: string, bucket?: string): string {
  const op = commandName.replace(/Command$/, '');
  if (clientName === 'S3Client' && (op === 'ListDirectoryBuckets' || bucket?.endsWith('--x-s3'))) return `s3express:${S3_EXPRESS_ACTIONS[op] ?? op}`;
  const prefix = SERVICE_PREFIX[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
  if (VERB_AUTHORISED[clientName]) return `${prefix}:${VERB_AUTHORISED[clientName]}`;
  return `${prefix}:${ACTION_OVERRIDES[`${clientName}:${op}`] ?? op}`;
}

/** The code of a read whose regional AWS endpoint does not exist (see errorCode). */
export const SERVICE_NOT_IN_REGION = 'ServiceNotInRegion';

/** Error codes that mean "this is not configured" — an answer, not a failed read. */
const NOT_CONFIGURED = new Set([
  'NoSuchBucketPolicy',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'NoSuchLifecycleConfiguration',
  'NoSuchTagSet',
  'NoSuchTagSetError',
  'ReplicationConfigurationNotFoundError',
  'ObjectLockConfigurationNotFoundError',
  // guard slice: Security Hub's answer in a region where it is not enabled ("not subscribed").
  'InvalidAccessException',
  // The service's endpoint in the region does not exist (DNS has no such name): not offered there, so nothing to list.
  SERVICE_NOT_IN_REGION,
]);

/**
 * Error codes that mean "not configured" only for one call (`<iam action> <code>`): elsewhere the same code
 * is a failed read. stores slice: Lambda answers GetPolicy for a function without a resource policy with
 * ResourceNotFoundException; EFS answers PolicyNotFound for a file system without a file system policy.
 */
const NOT_CONFIGURED_FOR_CALL = new Set([
  'lambda:GetPolicy ResourceNotFoundException',
  'elasticfilesystem:DescribeFileSystemPolicy PolicyNotFound',
  'elasticfilesystem:DescribeBackupPolicy PolicyNotFound',
  // doors (wave 3)
  'ecr:GetRepositoryPolicy RepositoryPolicyNotFoundException',
  // org slice (wave 4): a vault without an access policy
  'glacier:GetVaultAccessPolicy ResourceNotFoundException',
  // a table (or stream) without a resource policy
  'dynamodb:GetResourcePolicy PolicyNotFoundException',
  // an API without a resolver cache
  'appsync:GetApiCache NotFoundException',
  // an account that never signed up for QuickSight has no datasets
  'quicksight:ListDataSets ResourceNotFoundException',
  // an S3 access point without an access point policy
  's3:GetAccessPointPolicy NoSuchAccessPointPolicy',
]);

function notConfigured(action: string, code: string): boolean {
  return NOT_CONFIGURED.has(code) || NOT_CONFIGURED_FOR_CALL.has(`${action} ${code}`);
}

/** Classified outcome of a read. */
export type Read<T> = { ok: true; value: T } | { ok: false; notConfigured: true; code: string } | { ok: false; notConfigured: false; error: SnapshotError };

interface AwsLikeError {
  name?: string;
  Code?: string;
  code?: string;
  hostname?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

/** `<service>.<region>.amazonaws.com` (and the China and dual-stack forms): a regional endpoint of AWS itself. */
const AWS_REGIONAL_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-[a-z]+-\d\.(amazonaws\.com(\.cn)?|api\.aws)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** An error's code as the snapshot records it: the AWS code, else a local classification. */
export function errorCode(e: unknown): string {
  const err = (e ?? {}) as AwsLikeError;
  const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
  const name = err.Code ?? err.name ?? '';
  const msg = err.message ?? '';
  if (/not.?(yet )?implemented/i.test(msg) || name === 'NotImplemented' || status === 501) return 'NotImplemented';
  // AWS publishes a DNS name for each Region a service is offered in: no such name for a regional AWS
  // endpoint (NXDOMAIN) is the Region without the service. Any other resolver failure stays a NetworkError.
  if (err.code === 'ENOTFOUND' && AWS_REGIONAL_HOST.test(err.hostname ?? /ENOTFOUND (\S+)/.exec(msg)?.[1] ?? '')) return SERVICE_NOT_IN_REGION;
  // SDK v3 names a reset connection TimeoutError; the socket's own code says what happened.
  if (NETWORK_CODES.has(err.code ?? '') || /ECONNREFUSED|ENOTFOUND|socket hang up/.test(msg)) return 'NetworkError';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || err.code === 'ETIMEDOUT' || /timed? ?out/i.test(msg)) return 'Timeout';
  if (name && !['Error', 'SyntaxError', 'TypeError', 'UnknownError'].includes(name) && !/^\d+$/.test(name)) return name;
  // SDK v3 reports a non-AWS body (an emulator's HTML error page) as a deserialization failure.
  if (status && status >= 500) return /deseriali[sz]|Unexpected token|<html/i.test(msg) ? 'NotImplemented' : `HTTP${status}`;
  if (status) return `HTTP${status}`;
  return name || 'UnknownError';
}

/** A small concurrency limiter (a p-limit of our own). */
export function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= max) return;
    const run = queue.shift();
    if (run) {
      active++;
      run();
    }
  };
  return <T>(fn: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        fn()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

interface RetryStrategyLike {
  mode?: string;
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, info: { error: unknown }): Promise<unknown>;
  recordSuccess(token: unknown): void;
}

/**
 * An answer that the service does not implement the call (an emulator's 501, or its HTML error page
 * as a 500) is final: the SDK would retry a 500 up to maxAttempts times with back-off, for nothing.
 * The client's retry strategy is wrapped where the retry middleware reads it (client.config), so every
 * other error keeps the SDK's adaptive retry.
 */
function noRetryOfNotImplemented(client: SdkClient): void {
  const config = (client as unknown as { config?: { retryStrategy?: () => Promise<unknown> } }).config;
  const base = config?.retryStrategy;
  if (!config || typeof base !== 'function') return;
  let wrapped: Promise<unknown> | undefined;
  config.retryStrategy = () =>
    (wrapped ??= base().then((raw) => {
      const s = raw as RetryStrategyLike;
      if (typeof s?.refreshRetryTokenForRetry !== 'function' || typeof s.acquireInitialRetryToken !== 'function' || typeof s.recordSuccess !== 'function') return raw;
      const strategy: RetryStrategyLike = {
        ...(s.mode ? { mode: s.mode } : {}),
        acquireInitialRetryToken: (scope) => s.acquireInitialRetryToken(scope),
        refreshRetryTokenForRetry: (token, info) => (errorCode(info.error) === 'NotImplemented' ? Promise.reject(info.error) : s.refreshRetryTokenForRetry(token, info)),
        recordSuccess: (token) => s.recordSuccess(token),
      };
      return strategy;
    }));
}

/** Mutable collection state of one audit; collectors add to it. */
export class Collector {
  readonly resources: SnapshotResource[] = [];
  readonly accountSettings = new Map<string, SnapshotAccountSettings>();
  readonly calls: SnapshotCall[] = [];
  readonly errors: SnapshotListError[] = [];
  private readonly clients = new Map<string, SdkClient>();
  private readonly limits = new Map<string, <T>(fn: () => Promise<T>) => Promise<T>>();
  private readonly claimed = new Set<string>();

  constructor(readonly settings: CollectSettings) {}

  get accountId(): string {
    return this.settings.accountId;
  }
  get partition(): string {
    return this.settings.partition;
  }

  /** True when another source (an AWS Config aggregator) reads this snapshot type: do not list it. */
  covered(type: string): boolean {
    return this.settings.skipTypes?.has(type) ?? false;
  }

  arn(service: string, region: string, resource: string, account: string = this.accountId): string {
    return `arn:${this.partition}:${service}:${region}:${account}:${resource}`;
  }

  /** The client of a service in a region (built once, with adaptive retry and the call recorder). */
  client<C extends SdkClient>(Ctor: ClientCtor<C>, region: string, extra: Record<string, unknown> = {}): C {
    const key = `${Ctor.name}|${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const s = this.settings;
    const client = new Ctor({
      region,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      ...(s.credentials ? { credentials: s.credentials } : {}),
      retryMode: 'adaptive',
      maxAttempts: s.maxAttempts,
      requestHandler: { requestTimeout: s.requestTimeoutMs, connectionTimeout: Math.min(s.requestTimeoutMs, 10_000) },
      ...extra,
    });
    client.middlewareStack.add(
      (next: (a: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => async (args: unknown) => {
        const bucket = (args as { input?: { Bucket?: unknown } } | undefined)?.input?.Bucket;
        const action = iamAction(context.clientName ?? Ctor.name, context.commandName ?? 'Unknown', typeof bucket === 'string' ? bucket : undefined);
        const [service, operation] = action.split(':') as [string, string];
        try {
          const out = await next(args);
          this.calls.push({ service, operation, region, ok: true });
          return out;
        } catch (e) {
          // A "not configured" answer is a successful read of that fact; the code says which answer.
          const code = errorCode(e);
          this.calls.push({ service, operation, region, ok: notConfigured(action, code), code });
          throw e;
        }
      },
      { step: 'initialize', name: 'ferpaReadyCallRecorder', priority: 'high' },
    );
    noRetryOfNotImplemented(client);
    for (const hook of s.clientHooks) hook(client, { service: SERVICE_PREFIX[Ctor.name] ?? Ctor.name.replace(/Client$/, '').toLowerCase(), region });
    this.clients.set(key, client);
    return client;
  }

  /**
   * Run one read (a call or a paginated loop) under the service's concurrency bound and classify its
   * failure. `call` is the IAM action recorded with an error.
   */
  async read<T>(service: string, region: string, call: string, fn: () => Promise<T>): Promise<Read<T>> {
    const key = `${service}|${region}`;
    let limit = this.limits.get(key);
    if (!limit) this.limits.set(key, (limit = limiter(this.settings.concurrency)));
    try {
      return { ok: true, value: await limit(fn) };
    } catch (e) {
      const code = errorCode(e);
      if (notConfigured(call, code)) return { ok: false, notConfigured: true, code };
      const message = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
      return { ok: false, notConfigured: false, error: { code, message, call } };
    }
  }

  /** Record a list call that failed for a whole service and region. */
  listFailed(service: string, region: string, error: SnapshotError, resourceTypes: string[]): void {
    this.errors.push({ ...error, service, region, resourceTypes });
  }

  /** True the first time `key` is claimed: a resource every region lists (a multi-region trail) is read once. */
  claim(key: string): boolean {
    if (this.claimed.has(key)) return false;
    this.claimed.add(key);
    return true;
  }

  add(resource: SnapshotResource): SnapshotResource {
    this.resources.push(resource);
    return resource;
  }

  settingsOf(region: string): SnapshotAccountSettings {
    let s = this.accountSettings.get(region);
    if (!s) this.accountSettings.set(region, (s = { region, data: {} }));
    return s;
  }

  progress(msg: string): void {
    this.settings.progress?.(msg);
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

/** Set a facet on a snapshot record from a read: value, "not configured" (null), or a recorded error. */
export function facet<T>(target: { data: Record<string, unknown>; errors?: Record<string, SnapshotError> }, name: string, r: Read<T>, map: (v: T) => unknown = (v) => v): void {
  if (r.ok) target.data[name] = plain(map(r.value));
  else if (r.notConfigured) target.data[name] = null;
  else (target.errors ??= {})[name] = r.error;
}

/** Drop SDK metadata and undefined fields; dates become ISO strings. */
export function plain(v: unknown): unknown {
  if (v === undefined) return undefined;
  return JSON.parse(JSON.stringify(v, (k, x) => (k === '$metadata' ? undefined : x)));
}

/**
 * A full, paginated list read. A failure is recorded as a list error naming the resource types it
 * would have produced (they become `error` findings) and yields `undefined`.
 */
export async function listAll<T>(c: Collector, service: string, region: string, action: string, types: string[], pages: () => AsyncIterable<T[] | undefined>): Promise<T[] | undefined> {
  const r = await c.read(service, region, action, async () => {
    const out: T[] = [];
    for await (const items of pages()) if (items) pushAll(out, items);
    return out;
  });
  if (r.ok) return r.value;
  if (r.notConfigured) return [];
  c.listFailed(service, region, r.error, types);
  return undefined;
}

/** Map an async iterable of pages to the items of each page. */
/** Every item of a paginated read, in order (for a read whose failure the caller records itself). */
export async function allPages<P, T>(pages: AsyncIterable<P>, pick: (p: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) pushAll(out, pick(p) ?? []);
  return out;
}

export async function* items<P, T>(pages: AsyncIterable<P>, pick: (p: P) => T[] | undefined): AsyncIterable<T[] | undefined> {
  for await (const p of pages) yield pick(p);
}

/** Tags as the APIs return them (`[{Key, Value}]`) to a plain object. */
export function tagMap(tags: Array<{ Key?: string; Value?: string; key?: string; value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const k = t.Key ?? t.key;
    if (k !== undefined) out[k] = t.Value ?? t.value ?? '';
  }
  return out;
}
