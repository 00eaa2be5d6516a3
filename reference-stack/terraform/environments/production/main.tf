# The FERPA-ready stack for one environment. Everything below is a module call; the environment's
# differences (zones, sizes, redundancy) are inputs in terraform.tfvars.

locals {
  name = "${var.project}-${var.environment}"

  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  trail_name = "${local.name}-audit"
  trail_arn  = "arn:aws:cloudtrail:${var.region}:${var.account_id}:trail/${local.trail_name}"
}

module "kms" {
  source = "../../modules/kms"

  name       = local.name
  account_id = var.account_id
  region     = var.region
  tags       = local.tags
}

module "account" {
  source = "../../modules/account"

  ebs_kms_key_arn = module.kms.key_arns["storage"]
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  account_id         = var.account_id
  region             = var.region
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
  logs_kms_key_arn   = module.kms.key_arns["logs"]
  tags               = local.tags
}

module "security_groups" {
  source = "../../modules/security-groups"

  name   = local.name
  vpc_id = module.network.vpc_id
  tags   = local.tags
}

module "storage" {
  source = "../../modules/storage"

  name                = local.name
  account_id          = var.account_id
  storage_kms_key_arn = module.kms.key_arns["storage"]
  logs_kms_key_arn    = module.kms.key_arns["logs"]
  trail_arn           = local.trail_arn
  tags                = local.tags
}

module "observability" {
  source = "../../modules/observability"

  name                     = local.name
  account_id               = var.account_id
  region                   = var.region
  logs_kms_key_arn         = module.kms.key_arns["logs"]
  audit_bucket_name        = module.storage.audit_bucket
  student_data_bucket_arns = [module.storage.bucket_arns["backups"], module.storage.bucket_arns["exports"]]
  student_data_table_arns  = [module.sessions.table_arn]
  app_log_days             = var.app_log_days
  security_alert_emails    = var.security_alert_emails
  tags                     = local.tags
}

module "database" {
  source = "../../modules/database"

  name                  = local.name
  subnet_ids            = module.network.data_subnet_ids
  security_group_id     = module.security_groups.postgres_security_group_id
  kms_key_arn           = module.kms.key_arns["database"]
  secrets_kms_key_arn   = module.kms.key_arns["secrets"]
  instance_class        = var.db_instance_class
  instance_count        = var.db_instance_count
  backup_retention_days = var.db_backup_retention_days
  tags                  = local.tags
}

module "cache" {
  source = "../../modules/cache"

  name               = local.name
  subnet_ids         = module.network.data_subnet_ids
  security_group_id  = module.security_groups.redis_security_group_id
  kms_key_arn        = module.kms.key_arns["cache"]
  node_type          = var.cache_node_type
  num_cache_clusters = var.cache_nodes
  tags               = local.tags
}

module "secrets" {
  source = "../../modules/secrets"

  name                = local.name
  kms_key_arn         = module.kms.key_arns["secrets"]
  rotation_lambda_arn = var.rotation_lambda_arn
  secrets = {
    llm-api-key         = "API key of the LLM provider"
    session-signing-key = "Key that signs session tokens"
  }
  tags = local.tags
}

module "load_balancer" {
  source = "../../modules/load-balancer"

  name              = local.name
  vpc_id            = module.network.vpc_id
  public_subnet_ids = module.network.public_subnet_ids
  security_group_id = module.security_groups.alb_security_group_id
  certificate_arn   = var.certificate_arn
  access_log_bucket = module.storage.log_delivery_bucket
  tags              = local.tags
  logs_kms_key_arn  = module.kms.key_arns["logs"]
}

module "app" {
  source = "../../modules/app"

  name                       = local.name
  environment                = var.environment
  account_id                 = var.account_id
  region                     = var.region
  image                      = var.image
  desired_count              = var.app_desired_count
  private_subnet_ids         = module.network.private_subnet_ids
  security_group_id          = module.security_groups.app_security_group_id
  target_group_arn           = module.load_balancer.target_group_arn
  secret_names               = module.secrets.secret_names
  db_host                    = module.database.cluster_endpoint
  db_name                    = module.database.database_name
  redis_host                 = module.cache.primary_endpoint
  redis_user                 = module.cache.app_user_name
  redis_replication_group_id = "${local.name}-redis"
  export_bucket              = module.storage.bucket_names["exports"]
  app_log_group              = module.observability.app_log_group_name
  audit_log_group            = module.observability.audit_log_group_name
  tags                       = local.tags
}

module "backup" {
  source = "../../modules/backup"

  name           = local.name
  kms_key_arn    = module.kms.key_arns["backups"]
  resource_arns  = [module.database.cluster_arn, module.sessions.table_arn, module.storage.bucket_arns["backups"], module.storage.bucket_arns["exports"]]
  retention_days = var.backup_retention_days
  tags           = local.tags
}

# stores slice: session state in DynamoDB
module "sessions" {
  source = "../../modules/sessions"

  name        = local.name
  kms_key_arn = module.kms.key_arns["database"]
  tags        = local.tags
}

module "auditor" {
  source = "../../modules/auditor"

  name               = local.name
  auditor_account_id = var.auditor_account_id
  external_id        = var.auditor_external_id
  tags               = local.tags
}

# guard slice: the account baseline (threat detection, Security Hub, AWS Config, Access Analyzer, password policy).
module "account_baseline" {
  source = "../../modules/account-baseline"

  name                      = local.name
  account_id                = var.account_id
  config_bucket_name        = module.storage.audit_bucket
  student_data_bucket_names = [module.storage.bucket_names["backups"], module.storage.bucket_names["exports"]]
  tags                      = local.tags
}

# doors (issue 14): the static frontend on CloudFront.
module "frontend" {
  source = "../../modules/frontend"

  name                   = local.name
  account_id             = var.account_id
  certificate_arn        = var.certificate_arn
  api_domain_name        = module.load_balancer.dns_name
  log_bucket_domain_name = module.storage.log_delivery_bucket_domain_name
  tags                   = local.tags
  logs_kms_key_arn       = module.kms.key_arns["logs"]
}
