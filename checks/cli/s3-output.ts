import type { S3Client } from '@aws-sdk/client-s3';
import { InputError } from '../errors.js';
import { writeOutput } from './output.js';

/** `s3://bucket/key` (key may be empty or end in `/`: a prefix). */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  return m ? { bucket: m[1]!, key: m[2] ?? '' } : undefined;
}

export function isS3Url(target: string | undefined): target is string {
  return typeof target === 'string' && target.startsWith('s3://');
}

/** An S3 client for the evidence bucket: the given endpoint or AWS_ENDPOINT_URL (an emulator), else AWS. */
export async function s3Client(endpoint?: string): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  const ep = endpoint ?? (process.env.AWS_ENDPOINT_URL || undefined);
  return new S3Client({ region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', ...(ep ? { endpoint: ep, forcePathStyle: true } : {}) });
}

/** One line for an S3 failure: the service's error name and the first line of its message. */
export function s3Failure(e: unknown): string {
  const err = e as { name?: string; message?: string };
  return `${err.name ?? 'error'}: ${(err.message ?? '').split('\n')[0]}`;
}

/** Write one object to `s3://bucket/key` (snapshots, results and reports of audits go to the evidence bucket). */
export async function writeS3Object(url: string, body: string | Uint8Array, endpoint?: string, what = 'the snapshot'): Promise<void> {
  const loc = parseS3Url(url);
  if (!loc || !loc.key || loc.key.endsWith('/')) throw new InputError(`not an s3://bucket/key URL: ${url}`);
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = await s3Client(endpoint);
  const type = url.endsWith('.html') ? 'text/html' : url.endsWith('.pdf') ? 'application/pdf' : url.endsWith('.md') ? 'text/markdown' : 'application/json';
  try {
    await client.send(new PutObjectCommand({ Bucket: loc.bucket, Key: loc.key, Body: body, ContentType: type, ServerSideEncryption: 'aws:kms' }));
  } catch (e) {
    throw new InputError(`cannot write ${what} to S3 (${s3Failure(e)})`, url);
  } finally {
    client.destroy();
  }
}

/** An output target: a local file (written atomically) or an `s3://bucket/key` object. */
export async function writeTarget(target: string, content: string | Uint8Array | Iterable<string>, endpoint?: string): Promise<void> {
  if (!isS3Url(target)) return writeOutput(target, content);
  const body = typeof content === 'string' || content instanceof Uint8Array ? content : Buffer.concat([...content].map((p) => Buffer.from(p, 'utf8')));
  await writeS3Object(target, body, endpoint, 'the output');
}
