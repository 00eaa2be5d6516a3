variable "name" {
  type = string
}

variable "auditor_account_id" {
  description = "Account the auditor signs in to."
  type        = string
}

variable "external_id" {
  description = "External id agreed with the auditor (an identifier, not a secret)."
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
