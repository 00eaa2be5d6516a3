/** The resource types read through an AWS Config aggregator (`audit --config-aggregator`); the describe collectors skip them. */
export const CONFIG_TYPES = ['AWS::S3::Bucket', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::EC2::SecurityGroup', 'AWS::EC2::VPC', 'AWS::KMS::Key', 'AWS::CloudTrail::Trail', 'AWS::Logs::LogGroup'] as const;
