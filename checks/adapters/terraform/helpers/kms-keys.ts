import { isUnknown, type Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { isAliasRef, isAwsManagedKeyRef } from '../../shared/kms-keys.js';
import { locOf, rawAt, referencesOf } from './record.js';
import { isConfigured } from './values.js';

const KEY_RESOURCE = /(^|\.)(aws_kms_key|aws_kms_replica_key|aws_kms_external_key|aws_kms_replica_external_key|aws_kms_alias)\.[^.]+$/;

/** A KMS key or alias resource the configuration manages (not a data source): a customer managed key. */
function managesKey(address: string): boolean {
  const a = address.replace(/\[[^\]]*\]/g, '');
  return KEY_RESOURCE.test(a) && !/(^|\.)data\.[^.]+\.[^.]+$/.test(a);
}

/**
 * Whether a KMS key argument (`kms_key_id`, `kms_key_arn`, ...) means the service's AWS-managed key
 * (`aws/<service>`), for the `...KmsKeyIsAwsManaged` attributes:
 * - not set, or set to null: true, the default (the service then encrypts with its AWS-managed key);
 * - a reference to a key or alias resource of the configuration: false, whether or not its ARN is computed;
 * - a literal `alias/aws/...` or its ARN: true; another alias: false;
 * - computed and not configured: true, the default;
 * - anything else (a literal key id or ARN, a data source, a computed value): unknown, which the
 *   `kmsKey` link or a live audit may settle.
 */
export function awsManagedKeyAttr(rec: TfRecord, path: string): Val<boolean> {
  const loc = locOf(rec, path);
  const raw = rawAt(rec.values, path);
  if (raw === undefined || raw === null || raw === '') return { value: true, origin: 'default', loc };
  const refs = referencesOf(rec, path);
  if (refs.some(managesKey)) return { value: false, origin: 'explicit', loc };
  if (isUnknown(raw)) return refs.length === 0 && isConfigured(rec, path) === false ? { value: true, origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  if (typeof raw !== 'string') return { value: undefined, origin: 'unknown', loc };
  if (isAwsManagedKeyRef(raw)) return { value: true, origin: 'explicit', loc };
  if (isAliasRef(raw)) return { value: false, origin: 'explicit', loc };
  return { value: undefined, origin: 'unknown', loc };
}
