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

resource "aws_mq_broker" "jobs" {
  broker_name = "roster-jobs"
  engine_type = "RabbitMQ"
  engine_version = "3.13"
  host_instance_type = "mq.t3.micro"
  tags = {
    DataClassification = "student-data"
  }
}

resource "aws_cloudfront_distribution" "portal" {
  enabled = true
  comment = "student portal"
}

resource "aws_route53_zone" "portal" {
  name = "portal.lincoln-usd.example"
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "/aws/cloudtrail/account-audit"
  retention_in_days = 365
  tags = {
    DataClassification = "audit-log"
  }
}
