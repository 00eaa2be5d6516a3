import { CreateFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import { CreateClusterCommand, CreateClusterV2Command, KafkaClient } from '@aws-sdk/client-kafka';
import { CreateBrokerCommand, MqClient } from '@aws-sdk/client-mq';
import { CreateServerCommand, TransferClient } from '@aws-sdk/client-transfer';

type Cfg = (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

/** What the files-streams seed created, by ARN: a compliant and a broken resource of each service. */
export interface SeededFilesStreams {
  goodFileSystem: string;
  badFileSystem: string;
  goodBroker: string;
  badBroker: string;
  goodServer: string;
  badServer: string;
  cluster: string;
  serverlessCluster: string;
}

const STUDENT_LIST = [{ Key: 'DataClassification', Value: 'student-data' }];
const STUDENT_MAP = { DataClassification: 'student-data' };

/**
 * The files-streams services in one region: a Windows file system under the customer-managed key and a Lustre one
 * with none; a private logging broker and a public one without logs; a logging SFTP server and one that also offers FTP and logs nothing; an MSK provisioned and
 * a serverless cluster (which moto lists with dates the SDK cannot read).
 */
export async function seedFilesStreams(cfg: Cfg, region: string, keyArn: string): Promise<SeededFilesStreams> {
  const fsx = new FSxClient(cfg(region));
  const goodFs = await fsx.send(
    new CreateFileSystemCommand({
      FileSystemType: 'WINDOWS',
      StorageCapacity: 32,
      SubnetIds: ['subnet-0123456789abcdef0'],
      KmsKeyId: keyArn,
      WindowsConfiguration: {
        ThroughputCapacity: 8,
        AutomaticBackupRetentionDays: 7,
        AuditLogConfiguration: { FileAccessAuditLogLevel: 'SUCCESS_AND_FAILURE', FileShareAccessAuditLogLevel: 'SUCCESS_AND_FAILURE', AuditLogDestination: `arn:aws:logs:${region}:123456789012:log-group:/aws/fsx/shares` },
      },
      Tags: STUDENT_LIST,
    }),
  );
  const badFs = await fsx.send(new CreateFileSystemCommand({ FileSystemType: 'LUSTRE', StorageCapacity: 1200, SubnetIds: ['subnet-0123456789abcdef0'], LustreConfiguration: { DeploymentType: 'SCRATCH_2' }, Tags: STUDENT_LIST }));

  const mq = new MqClient(cfg(region));
  const broker = (name: string, publiclyAccessible: boolean, logs: boolean) =>
    mq.send(
      new CreateBrokerCommand({
        BrokerName: name,
        EngineType: 'ACTIVEMQ',
        EngineVersion: '5.17.6',
        HostInstanceType: 'mq.t3.micro',
        DeploymentMode: 'SINGLE_INSTANCE',
        PubliclyAccessible: publiclyAccessible,
        AutoMinorVersionUpgrade: true,
        Users: [{ Username: 'sis', Password: 'not-a-real-password-1' }],
        Logs: { Audit: logs, General: logs },
        Tags: STUDENT_MAP,
      }),
    );
  const goodBroker = await broker('sis-queue', false, true);
  const badBroker = await broker('legacy-queue', true, false);

  const transfer = new TransferClient(cfg(region));
  const server = (protocols: Array<'SFTP' | 'FTP' | 'FTPS'>, loggingRole?: string) =>
    transfer.send(
      new CreateServerCommand({ Protocols: protocols, EndpointType: 'PUBLIC', IdentityProviderType: 'SERVICE_MANAGED', SecurityPolicyName: 'TransferSecurityPolicy-2024-01', LoggingRole: loggingRole, Tags: STUDENT_LIST }),
    );
  const goodServer = await server(['SFTP'], 'arn:aws:iam::123456789012:role/transfer-logging');
  const badServer = await server(['SFTP', 'FTP']);

  const kafka = new KafkaClient(cfg(region));
  const cluster = await kafka.send(
    new CreateClusterCommand({
      ClusterName: 'events',
      KafkaVersion: '3.6.0',
      NumberOfBrokerNodes: 3,
      BrokerNodeGroupInfo: { InstanceType: 'kafka.m5.large', ClientSubnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1', 'subnet-0123456789abcdef2'] },
      EncryptionInfo: { EncryptionAtRest: { DataVolumeKMSKeyId: keyArn } },
      Tags: STUDENT_MAP,
    }),
  );
  const serverless = await kafka.send(
    new CreateClusterV2Command({ ClusterName: 'activity', Serverless: { VpcConfigs: [{ SubnetIds: ['subnet-0123456789abcdef0'] }], ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } }, Tags: STUDENT_MAP }),
  );

  return {
    goodFileSystem: goodFs.FileSystem!.ResourceARN!,
    badFileSystem: badFs.FileSystem!.ResourceARN!,
    goodBroker: goodBroker.BrokerArn!,
    badBroker: badBroker.BrokerArn!,
    goodServer: `arn:aws:transfer:${region}:123456789012:server/${goodServer.ServerId}`,
    badServer: `arn:aws:transfer:${region}:123456789012:server/${badServer.ServerId}`,
    cluster: cluster.ClusterArn!,
    serverlessCluster: serverless.ClusterArn!,
  };
}
