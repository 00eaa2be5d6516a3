variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "logs_kms_key_arn" {
  type = string
}

variable "audit_bucket_name" {
  description = "Bucket receiving CloudTrail log files."
  type        = string
}

variable "student_data_bucket_arns" {
  description = "Buckets whose object-level reads and writes CloudTrail records (data events)."
  type        = list(string)
}

variable "student_data_table_arns" {
  description = "DynamoDB tables whose item-level reads and writes CloudTrail records (data events)."
  type        = list(string)
  default     = []
}

variable "security_log_days" {
  description = "At least the profile's securityLogMinDays (365)."
  type        = number
  default     = 400
}

variable "app_log_days" {
  description = "At most the profile's piiLogMaxDays (90)."
  type        = number
  default     = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "security_alert_emails" {
  description = "Addresses subscribed to the security alert topic (CIS 4.x alarms)."
  type        = list(string)
  default     = []
}
