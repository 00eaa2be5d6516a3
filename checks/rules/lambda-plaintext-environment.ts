import { defineCheck, type Observed } from '../engine/code-check.js';
import { isSensitive, isUnknown } from '../model/value.js';
import { plainCredential, secretNamed } from './lib/environment.js';

/**
 * No Lambda function carries a credential in a plain environment variable (readable by anyone with
 * lambda:GetFunctionConfiguration, and stored in Terraform state): a variable whose name says it is a
 * credential (PASSWORD, SECRET, TOKEN, API_KEY, ...) with a literal value, or any variable whose value
 * looks like one. The same judgement as the ECS check, over `environmentVariables` ({name, value}). A
 * value marked sensitive in a plan is still plaintext in the function's configuration, so it counts.
 * Evidence names the variable, never the value.
 */
const REFERENCE_NAME = /(_FILE|_PATH|_HEADER|_PARAM|_PARAMETER|_SSM|_ARN|_NAME|_ID|_ENABLED|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_TIMEOUT)$/i;

export const codeCheck = defineCheck({
  name: 'lambda-plaintext-environment',
  description: 'No Lambda function carries a credential in a plain environment variable.',
  kinds: ['aws.lambda.function'],
  messages: {
    environmentUnknown: 'the environment variables are known only after apply',
    plainCredentials: 'the function sets {names} in plain environment variables (read them from Secrets Manager or SSM SecureString at run time)',
    valueUnknown: 'a credential-named variable gets a value known only after apply',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(resource) {
    const v = resource.attrs.environmentVariables;
    const loc = v?.loc ?? resource.loc;
    if (v?.error) return { truth: 'error', evidence: [{ path: 'environmentVariables', value: null, loc }], loc, error: v.error };
    if (!v || v.origin === 'unknown' || isUnknown(v.value)) return { truth: 'unknown', evidence: [{ path: 'environmentVariables', value: '(known after apply)', loc }], loc, message: { id: 'environmentUnknown' } };
    const vars = Array.isArray(v.value) ? v.value : [];
    const failing: Observed[] = [];
    const unknown: Observed[] = [];
    vars.forEach((e, i) => {
      if (!e || typeof e !== 'object') return;
      const { name, value } = e as { name?: unknown; value?: unknown };
      if (typeof name !== 'string') return;
      const path = `environmentVariables[${i}].name`;
      if (isSensitive(value)) {
        if (secretNamed(name, REFERENCE_NAME) || value.present) failing.push({ path, value: name, loc });
        return;
      }
      const verdict = plainCredential(name, value, REFERENCE_NAME);
      if (verdict === 'plain') failing.push({ path, value: name, loc });
      else if (verdict === 'unknown') unknown.push({ path, value: name, loc });
    });
    if (failing.length) return { truth: 'false', evidence: failing, loc, message: { id: 'plainCredentials', data: { names: failing.map((f) => String(f.value)).join(', ') } } };
    if (unknown.length) return { truth: 'unknown', evidence: unknown, loc, message: { id: 'valueUnknown' } };
    return { truth: 'true', evidence: [{ path: 'environmentVariables', value: `${vars.length} variable(s) checked`, loc }], loc };
  },
});
