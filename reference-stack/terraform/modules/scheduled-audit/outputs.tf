output "evidence_bucket" {
  description = "Bucket holding the run store (runs/) with Object Lock."
  value       = aws_s3_bucket.evidence.bucket
}

output "store_url" {
  description = "The run store, for `ferpa-ready history --store` and `ferpa-ready diff --store`."
  value       = local.store_url
}

output "alert_topic_arn" {
  value = aws_sns_topic.alerts.arn
}

output "task_role_arn" {
  description = "The read-only auditor role the task runs as."
  value       = aws_iam_role.task.arn
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.audit.arn
}

output "schedule_arn" {
  value = aws_scheduler_schedule.audit.arn
}

output "kms_key_arn" {
  value = aws_kms_key.audit.arn
}
