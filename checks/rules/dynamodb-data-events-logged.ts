import { defineCheck } from '../engine/code-check.js';
import type { Resource } from '../model/resource.js';
import { dataEventsRecorded } from './lib/data-events.js';

/**
 * Item-level reads and writes on the table (GetItem, Query, Scan, PutItem ...) are recorded as CloudTrail
 * DynamoDB data events by a trail that is logging: a trail whose AWS::DynamoDB::Table selectors cover every
 * table (`arn:aws:dynamodb`, or an advanced selector without a resources.ARN field), or name this table by a
 * resolved Terraform reference (the `dataEventTables` link) or by its ARN. The rest (Regions, trails outside
 * the configuration) is lib/data-events.ts.
 */

const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:([^:]*):([^:]*):table\/([^/]+)$/;

/** A selector ARN is this table's: its ARN, or (the ARN unknown before apply) its name in its Region. */
function namesTable(prefixes: unknown[], r: Resource): boolean | 'unknown' {
  const name = typeof r.attrs.name?.value === 'string' ? r.attrs.name.value : undefined;
  let unsure = false;
  for (const p of prefixes) {
    if (typeof p !== 'string') continue;
    if (r.arn && p === r.arn) return true;
    const m = TABLE_ARN.exec(p);
    if (!m) continue;
    if (!name) unsure = true;
    else if (m[3] === name && (!r.region || r.region === 'global' || m[1] === r.region)) return true;
  }
  return unsure ? 'unknown' : false;
}

export const codeCheck = defineCheck({
  name: 'dynamodb-data-events-logged',
  description: 'A logging CloudTrail trail records DynamoDB data events (reads and writes) for this table.',
  kinds: ['aws.dynamodb.table'],
  messages: {
    trailRecords: '{trail} records DynamoDB data events for this table',
    selectorsUnknown: 'a trail or event data store may record data events for this table, but its selectors are known only after apply',
    noTrailInConfiguration: 'no CloudTrail trail or event data store in this configuration; data-event logging needs live verification',
    notRecorded: 'no logging trail or ingesting event data store records DynamoDB data events (read and write) for this table',
    noTrail: 'the account has no CloudTrail trail or event data store',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate: (r, ctx) => dataEventsRecorded(r, ctx, { resourceType: 'AWS::DynamoDB::Table', link: 'dataEventTables', names: namesTable, evidence: { attribute: 'dynamodbDataEvents', noun: 'table' } }),
});
