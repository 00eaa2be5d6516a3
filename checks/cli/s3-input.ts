import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { formatSize, getMaxInputBytes } from '../util/input-file.js';
import { isS3Url, parseS3Url, s3Client, s3Failure } from './s3-output.js';

/** An S3 object read into a local file: the scan and report read it like any file given to them. */
export interface FetchedObject {
  url: string;
  file: string;
}

/**
 * Inputs that live in S3, fetched into one temporary folder: `s3://bucket/prefix/` is every `.json`
 * object under the prefix (the shards of a fan-out run), `s3://bucket/key` one object. Each object is
 * held to --max-input-size before it is read; a prefix with no object is an input error, not an empty
 * pass. `cleanup()` removes the folder.
 */
export class S3Inputs {
  readonly dir = mkdtempSync(join(tmpdir(), 'ferpa-ready-s3-'));
  private n = 0;

  /** `allowEmpty`: a prefix with nothing under it is no input error (a shard manifest says what was expected there). */
  async fetch(url: string, endpoint?: string, opts: { allowEmpty?: boolean } = {}): Promise<FetchedObject[]> {
    const loc = parseS3Url(url);
    if (!loc) throw new InputError(`not an s3://bucket/prefix/ URL: ${url}`);
    const { GetObjectCommand, paginateListObjectsV2 } = await import('@aws-sdk/client-s3');
    const client = await s3Client(endpoint);
    const limit = getMaxInputBytes();
    try {
      let objects: Array<{ key: string; size: number }> = [];
      if (!loc.key || loc.key.endsWith('/')) {
        for await (const page of paginateListObjectsV2({ client }, { Bucket: loc.bucket, Prefix: loc.key })) {
          for (const o of page.Contents ?? []) if (o.Key && o.Key.endsWith('.json') && !o.Key.slice(loc.key.length).includes('/')) objects.push({ key: o.Key, size: o.Size ?? 0 });
        }
        if (!objects.length && !opts.allowEmpty) throw new InputError('no .json object under this prefix (did the shards write there?)', url);
        objects.sort((a, b) => a.key.localeCompare(b.key));
      } else objects = [{ key: loc.key, size: -1 }];
      const out: FetchedObject[] = [];
      for (const o of objects) {
        const objectUrl = `s3://${loc.bucket}/${o.key}`;
        if (o.size > limit) throw new InputError(`larger than the input limit (${formatSize(o.size)} > ${formatSize(limit)}; raise it with --max-input-size)`, objectUrl);
        const res = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: o.key }));
        if ((res.ContentLength ?? 0) > limit) throw new InputError(`larger than the input limit (${formatSize(res.ContentLength!)} > ${formatSize(limit)}; raise it with --max-input-size)`, objectUrl);
        const bytes = await res.Body!.transformToByteArray();
        // Each object keeps its own name (the shard id) in a folder of its own, so two prefixes never collide.
        const file = join(this.dir, String(this.n++), o.key.split('/').pop()!);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
        out.push({ url: objectUrl, file });
      }
      return out;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read from S3 (${s3Failure(e)})`, url);
    } finally {
      client.destroy();
    }
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Fetch every `s3://` argument; local paths pass through. Returns the local paths and which S3 object each one is. */
export async function localise(paths: string[], inputs: S3Inputs, endpoint?: string, allowEmpty = false): Promise<{ paths: string[]; urlOf: Map<string, string> }> {
  const out: string[] = [];
  const urlOf = new Map<string, string>();
  for (const p of paths) {
    if (!isS3Url(p)) {
      out.push(p);
      continue;
    }
    for (const o of await inputs.fetch(p, endpoint, { allowEmpty })) {
      out.push(o.file);
      urlOf.set(o.file, o.url);
    }
  }
  return { paths: out, urlOf };
}
