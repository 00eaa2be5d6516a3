variable "name" {
  type = string
}

variable "secrets" {
  description = "Secret name suffix -> description."
  type        = map(string)
}

variable "kms_key_arn" {
  type = string
}

variable "rotation_lambda_arn" {
  description = "Rotation function (deployed with the application) that writes new values."
  type        = string
}

variable "rotation_days" {
  description = "At most the profile's secretRotationMaxDays (90)."
  type        = number
  default     = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}
