/** The bucket ARN of an S3 bucket or object-prefix ARN (`arn:aws:s3:::lake/raw` -> `arn:aws:s3:::lake`); undefined for anything else. */
export function bucketOfS3Arn(arn: string): string | undefined {
  const m = /^(arn:[^:]+:s3:::[^/]+)/.exec(arn);
  return m?.[1];
}
