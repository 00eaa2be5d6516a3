# Account-wide guard rails: S3 Block Public Access for every bucket of the account, and EBS
# encryption by default with the storage key.

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = var.ebs_kms_key_arn
}
