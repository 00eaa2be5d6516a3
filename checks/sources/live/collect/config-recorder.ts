import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import { facet, type Collector } from './context.js';

/**
 * AWS Config recording (regional): the region's configuration recorders with their recording group,
 * their status, and the delivery channels, as the region's `configRecorders`, `configRecorderStatus`
 * and `configDeliveryChannels` settings (empty lists when Config is not set up).
 */
export async function collectConfigRecorder(c: Collector, region: string): Promise<void> {
  const client = c.client(ConfigServiceClient, region);
  const settings = c.settingsOf(region);
  const [recorders, status, channels] = await Promise.all([
    c.read('config', region, 'config:DescribeConfigurationRecorders', () => client.send(new DescribeConfigurationRecordersCommand({}))),
    c.read('config', region, 'config:DescribeConfigurationRecorderStatus', () => client.send(new DescribeConfigurationRecorderStatusCommand({}))),
    c.read('config', region, 'config:DescribeDeliveryChannels', () => client.send(new DescribeDeliveryChannelsCommand({}))),
  ]);
  facet(settings, 'configRecorders', recorders, (v) => (v.ConfigurationRecorders ?? []).map((r) => ({ name: r.name, recordingGroup: r.recordingGroup })));
  facet(settings, 'configRecorderStatus', status, (v) => (v.ConfigurationRecordersStatus ?? []).map((s) => ({ name: s.name, recording: s.recording, lastStatus: s.lastStatus })));
  facet(settings, 'configDeliveryChannels', channels, (v) => (v.DeliveryChannels ?? []).map((d) => ({ name: d.name, s3BucketName: d.s3BucketName, snsTopicARN: d.snsTopicARN })));
}
