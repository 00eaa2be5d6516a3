import { InputError } from '../errors.js';

/** Write one object to `s3://bucket/key` (snapshots of scheduled audits go to the evidence bucket). */
export async function writeS3Object(url: string, body: string, endpoint?: string): Promise<void> {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new InputError(`not an s3://bucket/key URL: ${url}`);
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const ep = endpoint ?? (process.env.AWS_ENDPOINT_URL || undefined);
  const client = new S3Client({ region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1', ...(ep ? { endpoint: ep, forcePathStyle: true } : {}) });
  try {
    await client.send(new PutObjectCommand({ Bucket: m[1], Key: m[2], Body: body, ContentType: 'application/json', ServerSideEncryption: 'aws:kms' }));
  } catch (e) {
    const err = e as { name?: string; message?: string };
    throw new InputError(`cannot write the snapshot to S3 (${err.name ?? 'error'}: ${(err.message ?? '').split('\n')[0]})`, url);
  } finally {
    client.destroy();
  }
}
