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
