terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "exports" {
  bucket = "lincoln-usd-exports"
  tags = {
    DataClassification = "student-data"
  }
}

resource "aws_s3_bucket" "scratch" {
  bucket = "lincoln-usd-scratch"
}

resource "aws_dynamodb_table" "rosters" {
  name = "rosters"
  billing_mode = "PAY_PER_REQUEST"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = {
    DataClassification = "student-data"
  }
}

resource "aws_efs_file_system" "files" {
  encrypted = false
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/ecs/roster-api"
}
