variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "app_port" {
  description = "Port the application listens on."
  type        = number
  default     = 8000
}

variable "tags" {
  type    = map(string)
  default = {}
}
