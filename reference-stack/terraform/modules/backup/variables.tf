variable "name" {
  type = string
}

variable "kms_key_arn" {
  description = "Backups key."
  type        = string
}

variable "resource_arns" {
  description = "Resources to back up (the Aurora cluster)."
  type        = list(string)
}

variable "retention_days" {
  description = "Days a recovery point is kept: between backupMinDays (7) and dispositionDays (60)."
  type        = number
  default     = 35
}

variable "min_retention_days" {
  type    = number
  default = 7
}

variable "max_retention_days" {
  description = "The vault lock refuses recovery points kept longer than the disposition window."
  type        = number
  default     = 60
}

variable "tags" {
  type    = map(string)
  default = {}
}

# ---- long-term retention (off unless weekly_retention_days is set; mvp and production leave it off) ----

variable "weekly_retention_days" {
  description = "Days a weekly recovery point is kept; null = no weekly plan (the daily plan alone)."
  type        = number
  default     = null
}

variable "cold_storage_after_days" {
  description = "Days after which weekly recovery points (and their copies) move to cold storage; null = never."
  type        = number
  default     = null
}

variable "copy_vault_arn" {
  description = "ARN of a vault in a second region that receives a copy of every weekly recovery point; null = no copy."
  type        = string
  default     = null
}
