import { isSensitive, isUnknown, type Val } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { locOf, rawAt } from './record.js';
import { isConfigured } from './values.js';

/**
 * Whether a secret argument (a password, an auth token) is set; its value is never kept. Configured,
 * or a present sensitive or string value: set. Computed and not configured: not set (the default).
 */
export function secretSet(rec: TfRecord, path: string): Val<boolean> {
  const loc = locOf(rec, path);
  const configured = isConfigured(rec, path);
  if (configured === true) return { value: true, origin: 'explicit', loc };
  const raw = rawAt(rec.values, path);
  if (isSensitive(raw)) return { value: raw.present, origin: raw.present ? 'explicit' : 'default', loc };
  if (typeof raw === 'string') return { value: raw.length > 0, origin: raw.length > 0 ? 'explicit' : 'default', loc };
  if (isUnknown(raw)) return configured === false ? { value: false, origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  return { value: false, origin: 'default', loc };
}
