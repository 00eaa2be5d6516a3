output "table_arn" {
  value = aws_dynamodb_table.sessions.arn
}

output "table_name" {
  value = aws_dynamodb_table.sessions.name
}
