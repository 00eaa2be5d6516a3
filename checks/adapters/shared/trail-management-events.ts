import { isUnknown, UNKNOWN } from '../../model/value.js';

/** Which management events a trail records: `None` when its selectors leave them all out. */
export type ManagementEvents = 'All' | 'ReadOnly' | 'WriteOnly' | 'None';

/** A basic event selector as the sources spell it (Terraform `event_selector`, API `EventSelectors`). */
export interface BasicSelector {
  includeManagementEvents: unknown;
  readWriteType: unknown;
}

/** An advanced event selector: its field selectors' `equals` values by field name (UNKNOWN where not known). */
export type AdvancedSelector = Map<string, unknown[] | typeof UNKNOWN> | typeof UNKNOWN;

type Part = 'All' | 'ReadOnly' | 'WriteOnly' | typeof UNKNOWN;

function rwOf(raw: unknown): Part {
  if (isUnknown(raw)) return UNKNOWN;
  if (raw === undefined || raw === null || raw === '') return 'All';
  return raw === 'ReadOnly' || raw === 'WriteOnly' ? raw : raw === 'All' ? 'All' : UNKNOWN;
}

/** The part one advanced selector selects, or undefined when it selects no management events. */
function advancedPart(sel: AdvancedSelector): Part | undefined {
  if (isUnknown(sel)) return UNKNOWN;
  const category = sel.get('eventCategory');
  if (isUnknown(category)) return UNKNOWN;
  if (!category?.includes('Management')) return category?.some(isUnknown) ? UNKNOWN : undefined;
  const readOnly = sel.get('readOnly');
  if (isUnknown(readOnly) || readOnly?.some(isUnknown)) return UNKNOWN;
  if (!readOnly?.length || readOnly.length > 1) return 'All';
  return readOnly[0] === 'true' ? 'ReadOnly' : readOnly[0] === 'false' ? 'WriteOnly' : UNKNOWN;
}

/**
 * The management events a trail's selectors record (CloudTrail developer guide, "Logging management
 * events"): no selector at all records every management event, read and write. A basic selector records
 * them unless `IncludeManagementEvents` is false, limited by its `ReadWriteType`; an advanced selector
 * records them when it selects `eventCategory` Management, limited by a `readOnly` field selector. The
 * selectors add up: a read-only one and a write-only one record all. Unknown when a selector that could
 * decide is known only after apply (or `selectors` is UNKNOWN).
 */
export function managementEventsOf(basic: BasicSelector[] | typeof UNKNOWN, advanced: AdvancedSelector[] | typeof UNKNOWN): ManagementEvents | typeof UNKNOWN {
  if (isUnknown(basic) || isUnknown(advanced)) return UNKNOWN;
  if (basic.length === 0 && advanced.length === 0) return 'All';
  const parts: Part[] = [];
  for (const s of basic) {
    if (isUnknown(s.includeManagementEvents)) parts.push(UNKNOWN);
    else if (s.includeManagementEvents !== false && s.includeManagementEvents !== 'false') parts.push(rwOf(s.readWriteType));
  }
  for (const s of advanced) {
    const part = advancedPart(s);
    if (part !== undefined) parts.push(part);
  }
  const read = parts.some((p) => p === 'All' || p === 'ReadOnly');
  const write = parts.some((p) => p === 'All' || p === 'WriteOnly');
  if (read && write) return 'All';
  if (parts.some(isUnknown)) return UNKNOWN;
  return read ? 'ReadOnly' : write ? 'WriteOnly' : 'None';
}
