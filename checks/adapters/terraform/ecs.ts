import type { LinkRef } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, jsonAttr, linkRef, locOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

function arrayOr(v: unknown): unknown {
  if (isUnknown(v)) return v;
  return Array.isArray(v) ? v : [];
}

/** One container definition with the fields policies read always present in the same shape. */
function normalizeContainer(c: unknown): unknown {
  if (isUnknown(c) || !c || typeof c !== 'object' || Array.isArray(c)) return isUnknown(c) ? c : undefined;
  const o = c as Record<string, unknown>;
  return {
    ...o,
    environment: arrayOr(o.environment),
    environmentFiles: arrayOr(o.environmentFiles),
    secrets: arrayOr(o.secrets),
    essential: o.essential ?? true,
    readonlyRootFilesystem: o.readonlyRootFilesystem ?? false,
    privileged: o.privileged ?? false,
  };
}

function containersAttr(rec: TfRecord): Val {
  const v = jsonAttr(rec, 'container_definitions');
  if (v.origin === 'unknown') return v;
  if (!Array.isArray(v.value)) return { value: undefined, origin: 'unknown', loc: v.loc };
  return { ...v, value: v.value.map(normalizeContainer) };
}

const SECRET_ARN = /^(arn:aws[a-z-]*:secretsmanager:[^:]+:[^:]+:secret:[^:]+)/;

/** Links to Secrets Manager secrets the containers read: by reference and by the ARN in valueFrom (JSON-key suffix dropped). */
function secretSourcesRef(rec: TfRecord, containers: Val): LinkRef {
  const addresses = (rec.references['container_definitions'] ?? []).filter((a) => /(^|\.)aws_secretsmanager_secret\./.test(a.replace(/\[[^\]]*\]/g, '')));
  const literals: string[] = [];
  if (Array.isArray(containers.value)) {
    for (const c of containers.value) {
      const secrets = c && typeof c === 'object' ? (c as { secrets?: unknown }).secrets : undefined;
      if (!Array.isArray(secrets)) continue;
      for (const s of secrets) {
        const from = s && typeof s === 'object' ? (s as { valueFrom?: unknown }).valueFrom : undefined;
        const m = typeof from === 'string' ? SECRET_ARN.exec(from) : null;
        if (m) literals.push(m[1]!);
      }
    }
  }
  return { name: 'secretSources', kinds: ['aws.secretsmanager.secret'], addresses, literals, loc: locOf(rec, 'container_definitions') };
}

const taskDefinition: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ecs.task-definition', [rec.values.arn_without_revision]);
  r.attrs.family = attr<string>(rec, 'family');
  const containers = containersAttr(rec);
  r.attrs.containerDefinitions = containers;
  r.attrs.executionRoleArn = attr<string>(rec, 'execution_role_arn');
  r.attrs.taskRoleArn = attr<string>(rec, 'task_role_arn');
  const compat = attr<string[]>(rec, 'requires_compatibilities', { default: [] });
  r.attrs.requiresCompatibilities = compat;
  const mode = attr<string>(rec, 'network_mode');
  if (mode.origin === 'default' && mode.value === undefined && compat.origin !== 'unknown') {
    // ECS default when unset: bridge for EC2 (Linux); Fargate rejects anything but awsvpc.
    const fargate = Array.isArray(compat.value) && compat.value.includes('FARGATE');
    r.attrs.networkMode = { value: fargate ? 'awsvpc' : 'bridge', origin: 'default', loc: mode.loc };
  } else r.attrs.networkMode = mode;
  r.attrs.pidMode = attr<string>(rec, 'pid_mode');
  r.attrs.ipcMode = attr<string>(rec, 'ipc_mode');
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs.tags = tags;
  r.attrs.dataClass = dataClass;
  r.linkRefs!.push(linkRef(rec, 'executionRole', 'execution_role_arn', ['aws.iam.role']));
  r.linkRefs!.push(linkRef(rec, 'taskRole', 'task_role_arn', ['aws.iam.role']));
  r.linkRefs!.push(secretSourcesRef(rec, containers));
  return r;
};

/** Terraform resource type -> adapter. */
export const ecsAdapters: Record<string, TfAdapter> = {
  aws_ecs_task_definition: taskDefinition,
};
