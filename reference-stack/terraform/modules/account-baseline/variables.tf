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
