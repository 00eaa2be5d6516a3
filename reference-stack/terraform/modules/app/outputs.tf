output "cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "task_role_arn" {
  value = aws_iam_role.task.arn
}
