import { InputError } from '../errors.js';
import { DEFAULT_FRAMEWORK, type Framework } from './frameworks.js';
import type { Attestation } from './types.js';

/** The framework an attestation belongs to: its `framework`, or FERPA when it names none. */
export function attestationFramework(a: Pick<Attestation, 'framework'>): string {
  return a.framework ?? DEFAULT_FRAMEWORK;
}

/**
 * Every attestation names a framework of the catalog and a control of that framework; the first that
 * does not is an InputError naming it (an attestation of a control that does not exist would count
 * for nothing in every report).
 */
export function checkAttestations(list: Attestation[], frameworks: Map<string, Framework>, shown?: string): void {
  for (const a of list) {
    const id = attestationFramework(a);
    const what = `attestation of ${a.control} (${a.attestedBy}, ${a.date})`;
    const fw = frameworks.get(id);
    if (!fw) throw new InputError(`${what}: no framework "${id}" (one of ${[...frameworks.keys()].sort().join(', ')})`, shown);
    if (!fw.controls.some((c) => c.id === a.control)) {
      throw new InputError(`${what}: "${a.control}" is not a control of ${id}${a.framework ? '' : ' (give framework: for another framework\'s control)'}`, shown);
    }
  }
}
