import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import { readPlan } from '../../checks/sources/plan/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Read a bad input and return the InputError it must throw. */
function inputError(name: string): InputError {
  const display = `in/${name}`;
  let caught: unknown;
  try {
    readPlan(fixture(name), { display });
  } catch (e) {
    caught = e;
  }
  expect(caught, `${name} must be rejected`).toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.message.startsWith(`${display}: `), err.message).toBe(true);
  expect(err.message).not.toContain('\n');
  expect(err.message).not.toContain('S3CRET');
  return err;
}

describe('readPlan rejects bad input with one line naming the file', () => {
  it('an empty (0-byte) file', () => {
    expect(inputError('bad/empty.json').message).toMatch(/empty file/);
  });

  it('a file of only whitespace', () => {
    expect(inputError('bad/blank.json').message).toMatch(/empty file/);
  });

  it('a binary file', () => {
    expect(inputError('bad/binary.json').message).toMatch(/binary file/);
  });

  it('a binary Terraform plan (zip) with the conversion hint', () => {
    expect(inputError('bad/plan.tfplan').message).toMatch(/binary Terraform plan.*terraform show -json/);
  });

  it('truncated JSON', () => {
    expect(inputError('bad/truncated.json').message).toMatch(/not valid JSON/);
  });

  it('a JSON syntax error, with its position but not the text around it', () => {
    const msg = inputError('bad/syntax-error.json').message;
    expect(msg).toMatch(/not valid JSON \(at line 1, column \d+\)/);
  });

  it('a Terraform state given as a plan', () => {
    expect(inputError('bad/state.json').message).toMatch(/Terraform state, not a plan/);
  });

  it('JSON that is not a plan', () => {
    expect(inputError('bad/not-a-plan.json').message).toMatch(/not a Terraform plan/);
  });

  it('JSON that is not an object', () => {
    expect(inputError('bad/array.json').message).toMatch(/JSON is an array, not a Terraform plan/);
    expect(inputError('bad/string.json').message).toMatch(/JSON is a string, not a Terraform plan/);
  });

  it('an unknown format_version major', () => {
    expect(inputError('bad/format-2.json').message).toBe('in/bad/format-2.json: unsupported plan format_version 2.0');
  });

  it('a missing file and a directory', () => {
    expect(inputError('bad/does-not-exist.json').message).toMatch(/file not found/);
    expect(inputError('bad').message).toMatch(/is a directory/);
  });
});
