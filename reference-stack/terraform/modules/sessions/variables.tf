variable "name" {
  type = string
}

variable "kms_key_arn" {
  description = "Database key (customer managed)."
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
