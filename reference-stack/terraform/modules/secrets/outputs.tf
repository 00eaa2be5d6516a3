output "secret_names" {
  description = "Secret names by key (ECS accepts the name of a same-region secret as valueFrom)."
  value       = { for k, s in aws_secretsmanager_secret.this : k => s.name }
}
