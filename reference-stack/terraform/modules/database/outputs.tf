output "cluster_arn" {
  value = aws_rds_cluster.this.arn
}

output "cluster_endpoint" {
  value = aws_rds_cluster.this.endpoint
}

output "cluster_resource_id" {
  value = aws_rds_cluster.this.cluster_resource_id
}

output "database_name" {
  value = aws_rds_cluster.this.database_name
}
