# S3 buckets by class. Every bucket: versioning, a public access block, a bucket policy that refuses
# plain HTTP, and a lifecycle that ends what it holds. Student-data buckets (backups, exports) are
# SSE-KMS with the storage key, expire within the disposition window, and write server access logs;
# the audit bucket (CloudTrail) is SSE-KMS with the logs key and kept past the security-log floor.
#
# The log-delivery bucket receives S3 server access logs and the load balancer's access logs. AWS
# delivers both only to buckets encrypted with S3-managed keys (SSE-S3), so this one bucket class is
# SSE-S3 by necessity; it holds request metadata, never student records.

locals {
  bucket_names = { for k in keys(local.buckets) : k => "${var.name}-${k}-${var.account_id}" }

  buckets = {
    backups = {
      class        = "student-data"
      kms_key_arn  = var.storage_kms_key_arn
      expire_days  = var.backup_object_days
      noncurrent   = 7
      transition   = 30
      access_log   = true
    }
    exports = {
      class        = "student-data"
      kms_key_arn  = var.storage_kms_key_arn
      expire_days  = 30
      noncurrent   = 1
      transition   = null
      access_log   = true
    }
    audit-logs = {
      class        = "audit-log"
      kms_key_arn  = var.logs_kms_key_arn
      expire_days  = var.audit_log_days
      noncurrent   = 30
      transition   = 90
      access_log   = true
    }
    log-delivery = {
      class        = "security-log"
      kms_key_arn  = null
      expire_days  = var.audit_log_days
      noncurrent   = 30
      transition   = 90
      access_log   = false
    }
  }

  kms_buckets = { for k, v in local.buckets : k => v if v.class != "security-log" }
  logged      = { for k, v in local.buckets : k => v if v.access_log }

  tls_only = {
    for k in keys(local.buckets) : k => {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.bucket_names[k]}", "arn:aws:s3:::${local.bucket_names[k]}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }
  }

  # Service writers per bucket.
  writers = {
    backups = []
    exports = []
    audit-logs = [
      {
        Sid       = "CloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = "arn:aws:s3:::${local.bucket_names["audit-logs"]}"
        Condition = { StringEquals = { "aws:SourceArn" = var.trail_arn } }
      },
      {
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.bucket_names["audit-logs"]}/AWSLogs/${var.account_id}/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control", "aws:SourceArn" = var.trail_arn } }
      },
    ]
    log-delivery = [
      {
        Sid       = "S3ServerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.bucket_names["log-delivery"]}/s3/*"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
      {
        Sid       = "LoadBalancerAccessLogs"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.elb_account_id}:root" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.bucket_names["log-delivery"]}/alb/AWSLogs/${var.account_id}/*"
      },
    ]
  }
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets

  bucket        = local.bucket_names[each.key]
  force_destroy = false

  tags = merge(var.tags, { Name = local.bucket_names[each.key], DataClassification = each.value.class })
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    # CloudFront standard logging writes its objects with an ACL, so the log-delivery bucket keeps ACLs
    # enabled (owner-preferred, never public); every other bucket disables them.
    object_ownership = each.key == "log-delivery" ? "BucketOwnerPreferred" : "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this

  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = aws_s3_bucket.this[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  for_each = local.kms_buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = each.key == "audit-logs" ? var.logs_kms_key_arn : var.storage_kms_key_arn
    }
    bucket_key_enabled = true
  }
}

# Log delivery (S3 server access logs, ALB access logs) supports SSE-S3 only.
resource "aws_s3_bucket_server_side_encryption_configuration" "log_delivery" {
  bucket = aws_s3_bucket.this["log-delivery"].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "this" {
  for_each = local.logged

  bucket        = aws_s3_bucket.this[each.key].id
  target_bucket = aws_s3_bucket.this["log-delivery"].id
  target_prefix = "s3/${each.key}/"
}

resource "aws_s3_bucket_policy" "this" {
  for_each = aws_s3_bucket.this

  bucket = aws_s3_bucket.this[each.key].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = concat([local.tls_only[each.key]], local.writers[each.key])
  })

  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    id     = "dispose"
    status = "Enabled"

    filter {}

    dynamic "transition" {
      for_each = each.value.transition == null ? [] : [each.value.transition]
      content {
        days          = transition.value
        storage_class = "GLACIER_IR"
      }
    }

    expiration {
      days = each.value.expire_days
    }

    noncurrent_version_expiration {
      noncurrent_days = each.value.noncurrent
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}
