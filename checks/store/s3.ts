import {
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ObjectLockRetentionMode,
} from '@aws-sdk/client-s3';
import { InputError } from '../errors.js';
import { Store } from './store.js';
import { StoreConflict, type ObjectHistory, type StoreBackend } from './types.js';

export interface S3StoreOptions {
  /** An emulator or VPC endpoint; defaults to AWS_ENDPOINT_URL. */
  endpointUrl?: string;
  region?: string;
  /** Retention for new objects when the bucket has Object Lock and no default rule says otherwise. */
  retention?: { mode: ObjectLockRetentionMode; days: number };
  /** A ready client (tests); otherwise one is built from the standard credential chain. */
  client?: S3Client;
}

/** `s3://bucket/some/prefix` -> bucket and prefix (empty or ending in `/`). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(m[1]!)) throw new InputError(`--store: not an S3 URL (s3://bucket/prefix): ${url}`);
  const rest = m[2]!.replace(/^\/+|\/+$/g, '');
  return { bucket: m[1]!, prefix: rest ? `${rest}/` : '' };
}

interface AwsError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

function codeOf(e: unknown): string {
  const a = e as AwsError;
  return a?.name ?? a?.Code ?? 'Error';
}

function statusOf(e: unknown): number | undefined {
  return (e as AwsError)?.$metadata?.httpStatusCode;
}

const DAY_MS = 86_400_000;

/**
 * A store under an S3 prefix: keys mirror the local layout (`<prefix><run>/results.json`, ...,
 * `<prefix>HEAD`). Run objects are written with `If-None-Match: *` (never overwritten) and, when the
 * bucket has Object Lock, with a retention mode and date, so they are write-once.
 */
export class S3Backend implements StoreBackend {
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private lock: Promise<{ mode: ObjectLockRetentionMode; days: number } | null> | undefined;
  private conditionalWrites = true;

  constructor(
    readonly url: string,
    private readonly opts: S3StoreOptions = {},
  ) {
    const { bucket, prefix } = parseS3Url(url);
    this.bucket = bucket;
    this.prefix = prefix;
    const endpoint = opts.endpointUrl ?? (process.env.AWS_ENDPOINT_URL || undefined);
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new InputError(`--endpoint-url: not a URL: ${endpoint}`);
    this.client =
      opts.client ??
      new S3Client({
        region: opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      });
  }

  get location(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  private fail(action: string, key: string, e: unknown): InputError {
    const code = codeOf(e);
    const msg = (e as AwsError)?.message ?? String(e);
    if (code === 'CredentialsProviderError' || /credential/i.test(msg)) return new InputError(`${this.location}: no usable AWS credentials (${msg})`);
    if (code === 'NoSuchBucket') return new InputError(`${this.location}: bucket ${this.bucket} does not exist`);
    return new InputError(`${this.location}: cannot ${action} ${key} (${code}${statusOf(e) ? ` HTTP ${statusOf(e)}` : ''})`);
  }

  private async listPrefix(prefix: string, delimiter?: string): Promise<{ keys: string[]; folders: string[] }> {
    const keys: string[] = [];
    const folders: string[] = [];
    let token: string | undefined;
    // Bounded: 10,000 pages of 1,000 keys.
    for (let page = 0; page < 10_000; page++) {
      let out;
      try {
        out = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: delimiter, ContinuationToken: token }));
      } catch (e) {
        throw this.fail('list', prefix || '/', e);
      }
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key.slice(prefix.length));
      for (const p of out.CommonPrefixes ?? []) if (p.Prefix) folders.push(p.Prefix.slice(prefix.length).replace(/\/$/, ''));
      if (!out.IsTruncated || !out.NextContinuationToken) break;
      token = out.NextContinuationToken;
    }
    return { keys, folders };
  }

  async listFolders(): Promise<string[]> {
    return (await this.listPrefix(this.prefix, '/')).folders;
  }

  /** A bucket that is not there is an input error; an empty prefix is an empty store. */
  async exists(): Promise<boolean> {
    try {
      await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, MaxKeys: 1 }));
      return true;
    } catch (e) {
      throw this.fail('list', this.prefix || '/', e);
    }
  }

  /**
   * Delete markers and extra versions under the prefix. Runs are written once (If-None-Match), so in a
   * versioned bucket (Object Lock turns versioning on) a run object with a delete marker was deleted
   * and one with two versions was overwritten; the old versions are still there to show it.
   */
  async objectHistory(): Promise<ObjectHistory> {
    const versions = new Map<string, number>();
    const deleted = new Set<string>();
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    try {
      for (let page = 0; page < 10_000; page++) {
        const out = await this.client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: this.prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
        for (const v of out.Versions ?? []) if (v.Key) versions.set(v.Key.slice(this.prefix.length), (versions.get(v.Key.slice(this.prefix.length)) ?? 0) + 1);
        for (const d of out.DeleteMarkers ?? []) if (d.Key && d.IsLatest) deleted.add(d.Key.slice(this.prefix.length));
        if (!out.IsTruncated) break;
        keyMarker = out.NextKeyMarker;
        versionMarker = out.NextVersionIdMarker;
      }
    } catch (e) {
      const code = codeOf(e);
      return { error: `cannot list object versions of ${this.location} (${code}${statusOf(e) ? ` HTTP ${statusOf(e)}` : ''})` };
    }
    return {
      deleted: [...deleted].sort().map((key) => ({ key, versions: versions.get(key) ?? 0 })),
      overwritten: [...versions].filter(([k, n]) => n > 1 && !deleted.has(k)).map(([key, n]) => ({ key, versions: n })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    };
  }

  async listFiles(folder: string): Promise<string[]> {
    return (await this.listPrefix(`${this.prefix}${folder}/`)).keys.sort();
  }

  async read(key: string): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (codeOf(e) === 'NoSuchKey' || statusOf(e) === 404) {
        if (codeOf(e) === 'NoSuchBucket') throw this.fail('read', key, e);
        return null;
      }
      throw this.fail('read', key, e);
    }
  }

  /** The bucket's Object Lock setting: null when off; else the retention to put on new objects. */
  objectLock(): Promise<{ mode: ObjectLockRetentionMode; days: number } | null> {
    this.lock ??= (async () => {
      try {
        const out = await this.client.send(new GetObjectLockConfigurationCommand({ Bucket: this.bucket }));
        const cfg = out.ObjectLockConfiguration;
        if (cfg?.ObjectLockEnabled !== 'Enabled') return null;
        const rule = cfg.Rule?.DefaultRetention;
        const fallback = this.opts.retention ?? { mode: 'GOVERNANCE' as ObjectLockRetentionMode, days: 365 };
        const days = rule?.Days ?? (rule?.Years ? rule.Years * 365 : undefined) ?? fallback.days;
        return { mode: rule?.Mode ?? fallback.mode, days };
      } catch (e) {
        if (codeOf(e) === 'ObjectLockConfigurationNotFoundError' || statusOf(e) === 404) {
          if (codeOf(e) === 'NoSuchBucket') throw this.fail('read the Object Lock setting of', this.bucket, e);
          return null;
        }
        throw this.fail('read the Object Lock setting of', this.bucket, e);
      }
    })();
    return this.lock;
  }

  private async keyExists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return true;
    } catch (e) {
      if (statusOf(e) === 404 || codeOf(e) === 'NotFound' || codeOf(e) === 'NoSuchKey') return false;
      throw this.fail('check', key, e);
    }
  }

  async create(key: string, bytes: Uint8Array): Promise<void> {
    const lock = await this.objectLock();
    const retention = lock ? { ObjectLockMode: lock.mode, ObjectLockRetainUntilDate: new Date(Date.now() + lock.days * DAY_MS) } : {};
    // Where the service ignores or rejects conditional writes, check first (best effort).
    if (!this.conditionalWrites && (await this.keyExists(key))) throw new StoreConflict(key, this.location);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.prefix + key,
          Body: bytes,
          ContentType: 'application/json',
          ...(this.conditionalWrites ? { IfNoneMatch: '*' } : {}),
          ...retention,
        }),
      );
    } catch (e) {
      const code = codeOf(e);
      if (code === 'PreconditionFailed' || statusOf(e) === 412 || code === 'ConditionalRequestConflict' || statusOf(e) === 409) throw new StoreConflict(key, this.location);
      if (this.conditionalWrites && (code === 'NotImplemented' || statusOf(e) === 501)) {
        this.conditionalWrites = false;
        return this.create(key, bytes);
      }
      throw this.fail('write', key, e);
    }
  }

  async replace(key: string, bytes: Uint8Array): Promise<void> {
    // A PUT replaces an object atomically; with Object Lock (versioning on) it adds a version.
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: bytes, ContentType: 'application/json' }));
    } catch (e) {
      throw this.fail('write', key, e);
    }
  }
}

export function openS3Store(url: string, opts: S3StoreOptions = {}): Store {
  return new Store(new S3Backend(url, opts));
}
