# A deliberately broken student-data stack for `npm run demo`: the kind of first version a small team
# ships before a DPA review. Every mistake below is one the catalog exists to catch; the clean
# counterpart of each is in reference-stack/terraform. Do not deploy this.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  tags = { Project = "gradebook", Environment = "pilot", DataClassification = "student-data" }
}

# Mistake: a key for student data that never rotates, with a 7-day deletion window and a policy that
# lets any principal decrypt.
resource "aws_kms_key" "records" {
  description             = "Gradebook records"
  enable_key_rotation     = false
  deletion_window_in_days = 7
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AnyoneDecrypt"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
  tags = local.tags
}

# Mistake: the grade exports bucket has no default encryption with the customer-managed key, no Block
# Public Access, no versioning and no lifecycle that disposes of exports.
resource "aws_s3_bucket" "exports" {
  bucket = "gradebook-pilot-exports-111122223333"
  tags   = local.tags
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags       = merge(local.tags, { DataClassification = "operational" })
}

# Mistake: "temporarily" opened PostgreSQL to the internet for a contractor, plus SSH.
resource "aws_security_group" "db" {
  name        = "gradebook-db"
  description = "Gradebook database"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "contractor access"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "ssh for debugging"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(local.tags, { DataClassification = "operational" })
}

# Mistake: the database is unencrypted, publicly accessible, keeps no backups and can be deleted by
# one wrong apply.
resource "aws_db_instance" "records" {
  identifier                  = "gradebook-records"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "gradebook"
  manage_master_user_password = true
  storage_encrypted           = false
  publicly_accessible         = true
  backup_retention_period     = 0
  deletion_protection         = false
  skip_final_snapshot         = true
  vpc_security_group_ids      = [aws_security_group.db.id]
  tags                        = local.tags
}

# Mistake: application logs that may hold student names never expire and are not encrypted with a
# customer-managed key.
resource "aws_cloudwatch_log_group" "app" {
  name              = "/gradebook/pilot/app"
  retention_in_days = 0
  tags              = merge(local.tags, { DataClassification = "pii" })
}
