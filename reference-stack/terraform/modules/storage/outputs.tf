output "bucket_names" {
  value = local.bucket_names
}

output "bucket_arns" {
  value = { for k, n in local.bucket_names : k => "arn:aws:s3:::${n}" }
}

output "log_delivery_bucket" {
  value = aws_s3_bucket.this["log-delivery"].bucket
}

output "audit_bucket" {
  value = aws_s3_bucket.this["audit-logs"].bucket
}

output "log_delivery_bucket_domain_name" {
  value = aws_s3_bucket.this["log-delivery"].bucket_domain_name
}
