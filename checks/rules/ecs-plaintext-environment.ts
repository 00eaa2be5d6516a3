import { defineCheck, type CheckMessage, type Observed } from '../engine/code-check.js';
import { isUnknown } from '../model/value.js';
import { plainCredential } from './lib/environment.js';

/**
 * No container passes a credential in a plain `environment` variable (visible to anyone with
 * ecs:DescribeTaskDefinition, and stored in Terraform state): a variable whose name says it is a
 * credential (PASSWORD, SECRET, TOKEN, API_KEY, ...) with a literal value, or any variable whose value
 * looks like one (access key id, private key, JWT, URL with a password). Evidence names the container
 * and variable, never the value. A secret-named variable whose value is known only after apply is unknown.
 */
const REFERENCE_NAME = /(_FILE|_PATH|_HEADER|_PARAM|_PARAMETER|_SSM|_ENABLED|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_TIMEOUT)$/i;
const messages = {
  definitionsUnknown: 'the container definitions are known only after apply',
  plainCredentials: 'container "{container}" sets {names} in plain environment variables (use secrets with valueFrom)',
  valueUnknown: 'a credential-named variable gets a value known only after apply',
} as const;

export const codeCheck = defineCheck({
  name: 'ecs-plaintext-environment',
  description: 'No ECS container definition carries a credential in a plain environment variable.',
  kinds: ['aws.ecs.task-definition'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource) {
    const v = resource.attrs.containerDefinitions;
    const loc = v?.loc ?? resource.loc;
    if (v?.error) return { truth: 'error', evidence: [{ path: 'containerDefinitions', value: null, loc }], loc, error: v.error };
    if (!v || v.origin === 'unknown' || isUnknown(v.value)) {
      return { truth: 'unknown', evidence: [{ path: 'containerDefinitions', value: '(known after apply)', loc }], loc, message: { id: 'definitionsUnknown' } };
    }
    const containers = Array.isArray(v.value) ? v.value : [];
    const failing: Observed[] = [];
    const unknown: Observed[] = [];
    const details: Array<CheckMessage<typeof messages>> = [];
    containers.forEach((c, i) => {
      if (isUnknown(c)) {
        unknown.push({ path: `containerDefinitions[${i}]`, value: '(known after apply)', loc });
        return;
      }
      if (!c || typeof c !== 'object') return;
      const cname = typeof (c as { name?: unknown }).name === 'string' ? (c as { name: string }).name : `#${i + 1}`;
      const env = (c as { environment?: unknown }).environment;
      if (isUnknown(env)) {
        unknown.push({ path: `containerDefinitions[${i}].environment`, value: '(known after apply)', loc });
        return;
      }
      if (!Array.isArray(env)) return;
      const names: string[] = [];
      env.forEach((e, j) => {
        const path = `containerDefinitions[${i}].environment[${j}].name`;
        if (isUnknown(e) || !e || typeof e !== 'object') {
          if (isUnknown(e)) unknown.push({ path, value: '(known after apply)', loc });
          return;
        }
        const { name, value } = e as { name?: unknown; value?: unknown };
        if (isUnknown(name)) {
          unknown.push({ path, value: '(known after apply)', loc });
          return;
        }
        if (typeof name !== 'string') return;
        const verdict = plainCredential(name, value, REFERENCE_NAME);
        if (verdict === 'unknown') unknown.push({ path, value: name, loc });
        else if (verdict === 'plain') {
          names.push(name);
          failing.push({ path, value: name, loc });
        }
      });
      if (names.length) details.push({ id: 'plainCredentials', data: { container: cname, names: names.join(', ') } });
    });
    if (failing.length) return { truth: 'false', evidence: failing, loc, message: details };
    if (unknown.length) return { truth: 'unknown', evidence: unknown, loc, message: { id: 'valueUnknown' } };
    return { truth: 'true', evidence: [{ path: 'containerDefinitions', value: `${containers.length} container(s) checked`, loc }], loc };
  },
});
