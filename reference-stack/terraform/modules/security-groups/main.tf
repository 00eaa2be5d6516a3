# Security groups chained load balancer -> application -> data stores. Only the load balancer admits
# the internet (HTTPS, and HTTP that it redirects); the application admits the load balancer on its
# port and leaves only for HTTPS and the data stores; each data store admits the application on its
# one port and has no egress at all. Rules are separate resources (aws_vpc_security_group_*_rule).

locals {
  data_stores = {
    postgres = { port = 5432, description = "PostgreSQL (Aurora)" }
    redis    = { port = 6379, description = "Redis (ElastiCache)" }
    vector   = { port = 6333, description = "Vector store" }
  }
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internet-facing load balancer"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-alb", Tier = "edge" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet, redirected to HTTPS by the listener"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_app" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the application port"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_security_group" "app" {
  name        = "${var.name}-app"
  description = "Application tasks (ECS Fargate)"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-app", Tier = "app" })
}

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "Application port from the load balancer only"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "app_https" {
  security_group_id = aws_security_group.app.id
  description       = "HTTPS out (AWS APIs, the LLM API) through NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "app_to_data" {
  for_each = local.data_stores

  security_group_id            = aws_security_group.app.id
  description                  = "To ${each.value.description}"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.data[each.key].id
}

# Data stores: ingress from the application group only, on the store's port; no egress rules.
resource "aws_security_group" "data" {
  for_each = local.data_stores

  name        = "${var.name}-${each.key}"
  description = "${each.value.description}: application tier only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-${each.key}", Tier = "data" })
}

resource "aws_vpc_security_group_ingress_rule" "data_from_app" {
  for_each = local.data_stores

  security_group_id            = aws_security_group.data[each.key].id
  description                  = "${each.value.description} from the application"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.app.id
}
