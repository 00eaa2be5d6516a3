output "key_arns" {
  description = "Key ARN per data class."
  value       = { for k, v in aws_kms_key.this : k => v.arn }
}
