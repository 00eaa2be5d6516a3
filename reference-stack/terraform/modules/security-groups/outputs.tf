output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "app_security_group_id" {
  value = aws_security_group.app.id
}

output "postgres_security_group_id" {
  value = aws_security_group.data["postgres"].id
}

output "redis_security_group_id" {
  value = aws_security_group.data["redis"].id
}

output "vector_security_group_id" {
  value = aws_security_group.data["vector"].id
}
