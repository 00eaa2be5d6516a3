variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "account_id" {
  description = "The AWS account the audit runs in (and audits)."
  type        = string
}

variable "region" {
  description = "Region of the scheduler, the task and the evidence bucket."
  type        = string
}

variable "audit_regions" {
  description = "Regions the audit reads (`audit --regions`)."
  type        = list(string)
  default     = ["us-east-1", "us-east-2"]
}

variable "image" {
  description = "The ferpa-ready image (built from the repository's Dockerfile), pinned by digest: <repo>@sha256:..."
  type        = string
}

variable "schedule_expression" {
  description = "EventBridge Scheduler expression (UTC unless schedule_timezone says otherwise)."
  type        = string
  default     = "cron(0 6 ? * MON *)"
}

variable "schedule_timezone" {
  type    = string
  default = "UTC"
}

variable "fail_on" {
  description = "Severity at or above which a run alerts (the task's exit code 1): critical or high."
  type        = string
  default     = "high"
}

variable "subnet_ids" {
  description = "Private subnets for the task (egress to the AWS APIs through a NAT gateway or VPC endpoints)."
  type        = list(string)
}

variable "vpc_id" {
  type = string
}

variable "evidence_retention_days" {
  description = "Object Lock default retention of results and snapshots, in days (at least the security-log floor)."
  type        = number
  default     = 400
}

variable "object_lock_mode" {
  description = "GOVERNANCE (privileged users can shorten retention) or COMPLIANCE (nobody can, not even root)."
  type        = string
  default     = "GOVERNANCE"
}

variable "access_log_bucket" {
  description = "Bucket that receives the evidence bucket's S3 server access logs (the stack's log-delivery bucket)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the task's CloudWatch log group (security log: at least the profile's securityLogMinDays)."
  type        = number
  default     = 365
}

variable "alert_emails" {
  description = "Addresses subscribed to the alert topic (each confirms by email)."
  type        = list(string)
  default     = []
}

variable "audit_policy_json" {
  description = "The auditor's read-only IAM policy; null uses the policy shipped with ferpa-ready (copied beside the auditor module)."
  type        = string
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "fanout" {
  description = <<-EOT
    Audit many accounts as a fan-out on Step Functions instead of this account alone (null: off). A
    distributed map runs one Fargate task per account and region, each assuming member_role_name in its
    account; one merge task writes a single results document, readiness report and run-store entry.
    accounts: the account ids to audit; empty: every ACTIVE account of the organisation (run this
    module in the management account or a delegated administrator). regions: audited in every account.
    merge_cpu / merge_memory: a Fargate size for the merge task, which reads every shard's snapshot.
  EOT
  type = object({
    regions          = list(string)
    accounts         = optional(list(string), [])
    member_role_name = optional(string, "FerpaReadyAuditor")
    max_concurrency  = optional(number, 40)
    merge_cpu        = optional(string, "2048")
    merge_memory     = optional(string, "8192")
  })
  default = null
}
