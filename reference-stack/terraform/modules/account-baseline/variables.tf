variable "name" {
  description = "Name prefix (project and environment)."
  type        = string
}

variable "account_id" {
  description = "The AWS account the baseline is for (AWS Config uses its service-linked role there)."
  type        = string
}

variable "config_bucket_name" {
  description = "Bucket AWS Config delivers configuration history to (the audit bucket, prefix config/)."
  type        = string
}

variable "student_data_bucket_names" {
  description = "The student-data buckets the Macie classification job scans every day."
  type        = list(string)
}

variable "tags" {
  description = "Tags for taggable resources."
  type        = map(string)
  default     = {}
}

variable "secondary_region" {
  description = "True for the baseline of a further region of the account: the account-wide parts (the IAM password policy, global resource types in AWS Config) and the Macie job over the primary region's buckets stay with the primary baseline."
  type        = bool
  default     = false
}
