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

resource "aws_keyspaces_table" "rosters" {
  keyspace_name = "sis"
  table_name = "rosters"
  schema_definition {
    partition_key {
      name = "id"
    }
    column {
      name = "id"
      type = "text"
    }
  }
  tags = {
    DataClassification = "student-data"
  }
}

resource "aws_fsx_lustre_file_system" "files" {
  storage_capacity = 1200
  subnet_ids = ["subnet-0123456789abcdef0"]
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/ecs/roster-api"
}
