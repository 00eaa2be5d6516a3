import { UNKNOWN } from '../../model/value.js';
import { CREDENTIAL_MARKER, envValueShape } from '../../util/credentials.js';
import { dataAt, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

interface Container {
  environment?: Array<{ name?: string; shape?: string; value?: string; valueLength?: number }>;
  secrets?: Array<{ name?: string; valueFrom?: string }>;
  environmentFiles?: unknown[];
  [k: string]: unknown;
}

/** Marker strings for environment values the snapshot withheld (no secret is ever in them). */
export const REDACTED_LITERAL = '(redacted: literal value)';
export const REDACTED_CREDENTIAL = CREDENTIAL_MARKER;

/**
 * The collector keeps a value only when it is no secret (empty, flag, reference). A snapshot made
 * otherwise may hold the raw value (or a value beside a shape that does not fit it): the value is
 * judged here and only its kind goes on. A value of no known shape cannot be judged: unknown.
 */
function envValue(e: { shape?: string; value?: unknown; valueLength?: number }): unknown {
  const { shape, value } = typeof e.value === 'string' ? envValueShape(e.value) : { shape: e.shape, value: undefined };
  if (shape === 'empty' || shape === 'flag' || shape === 'reference') return value ?? '';
  if (shape === 'credential') return REDACTED_CREDENTIAL;
  if (shape === 'text') return REDACTED_LITERAL;
  if (e.valueLength === 0) return '';
  return UNKNOWN;
}

/**
 * A task definition. The snapshot never holds secret environment values: flags and references are
 * kept, other literals arrive as marker strings, so checks see that a literal is set without seeing it.
 */
const taskDefinition: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ecs.task-definition', ctx, [dataAt(rec, 'family')]);
  const containers = ((dataAt(rec, 'containerDefinitions') as Container[] | undefined) ?? []).map((c) => ({
    ...c,
    environment: (c.environment ?? []).map((e) => ({ name: e.name, value: envValue(e) })),
    environmentFiles: c.environmentFiles ?? [],
    secrets: c.secrets ?? [],
  }));
  r.attrs = {
    family: liveAttr(rec, ctx, 'family', { facet: 'definition' }),
    containerDefinitions: liveDerived(rec, ctx, 'containerDefinitions', containers, ['definition']),
    executionRoleArn: liveAttr(rec, ctx, 'executionRoleArn', { facet: 'definition' }),
    taskRoleArn: liveAttr(rec, ctx, 'taskRoleArn', { facet: 'definition' }),
    requiresCompatibilities: liveAttr(rec, ctx, 'requiresCompatibilities', { default: [], facet: 'definition' }),
    networkMode: liveAttr(rec, ctx, 'networkMode', { facet: 'definition' }),
    pidMode: liveAttr(rec, ctx, 'pidMode', { facet: 'definition' }),
    ipcMode: liveAttr(rec, ctx, 'ipcMode', { facet: 'definition' }),
    ...tagVals(rec, ctx, 'tags', rec.errors?.definition ? 'definition' : 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'executionRole', dataAt(rec, 'executionRoleArn'), ['aws.iam.role'], { attribute: 'executionRoleArn' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'taskRole', dataAt(rec, 'taskRoleArn'), ['aws.iam.role'], { attribute: 'taskRoleArn' }));
  const sources = containers.flatMap((c) => c.secrets.map((s) => s.valueFrom)).filter((v): v is string => typeof v === 'string' && v.includes(':secretsmanager:'));
  // valueFrom may name a JSON key: arn:...:secret:name-AbCdEf:key::  -> the secret ARN is the first 7 fields.
  r.linkRefs!.push(liveLink(rec, ctx, 'secretSources', sources.map((v) => v.split(':').slice(0, 7).join(':')), ['aws.secretsmanager.secret'], { attribute: 'containerDefinitions' }));
  return r;
};

export const ecsLiveAdapters: Record<string, LiveAdapter> = { 'AWS::ECS::TaskDefinition': taskDefinition };
