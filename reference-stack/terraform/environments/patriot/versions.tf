terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.region
}

# The second region: the copy of every weekly recovery point, with its own key.
provider "aws" {
  alias  = "dr"
  region = var.dr_region
}
