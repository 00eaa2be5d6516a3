/**
 * What a literal KMS key reference says by itself, in Terraform arguments and API answers alike.
 * AWS-managed keys (`aws/<service>`) are reached only through their alias (`alias/aws/rds`) or its
 * ARN; a key id or key ARN (`key/<uuid>`) says nothing about who manages the key.
 */

/** True for `alias/aws/<service>` or an alias ARN `arn:<partition>:kms:<region>:<account>:alias/aws/<service>`. */
export function isAwsManagedKeyRef(ref: string): boolean {
  return /(^|:)alias\/aws\//.test(ref);
}

/** True for any alias (`alias/x` or an alias ARN), AWS-managed or not. */
export function isAliasRef(ref: string): boolean {
  return /(^|:)alias\//.test(ref);
}
