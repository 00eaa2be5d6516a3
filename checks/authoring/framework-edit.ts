import { isDeepStrictEqual } from 'node:util';
import { isAlias, isSeq, parse, parseDocument, type YAMLSeq } from 'yaml';
import { InputError } from '../errors.js';

/**
 * Add a policy id to the `policies:` list of each control in the framework file, as a text insertion at
 * the end of that list: other people edit the file too, so nothing else (comments, quoting, long
 * lines, key order) may change. The result is parsed back and must differ by exactly those ids.
 * A list written as an alias (`policies: *atrest`) is its anchor's list: the id goes there, once.
 */
export function addPolicyToControls(text: string, controls: string[], policyId: string, display: string): string {
  const doc = parseDocument(text);
  const inserts: Array<{ at: number; text: string }> = [];
  const edited = new Set<unknown>();
  for (const control of controls) {
    const written = doc.getIn(['controls', control, 'policies'], true);
    const node = isAlias(written) ? written.resolve(doc) : written;
    if (!isSeq(node) || !node.range) throw new InputError(`/controls/${control}/policies: not a list to add ${policyId} to`, display);
    if (edited.has(node)) continue;
    edited.add(node);
    const seq = node as YAMLSeq;
    const values = seq.items.map((i) => (i as { value?: unknown }).value ?? i);
    if (values.includes(policyId)) continue;
    const [start, valueEnd] = seq.range!;
    if (seq.flow) {
      const close = text.lastIndexOf(']', valueEnd);
      if (close < start) throw new InputError(`/controls/${control}/policies: cannot find the end of the list`, display);
      inserts.push({ at: close, text: seq.items.length ? `, ${policyId}` : policyId });
    } else {
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const indent = text.slice(lineStart, start);
      const lastEnd = (seq.items[seq.items.length - 1] as { range?: [number, number, number] }).range![1];
      const eol = text.indexOf('\n', lastEnd - 1);
      const at = eol === -1 ? text.length : eol;
      inserts.push({ at, text: `\n${indent}- ${policyId}` });
    }
  }
  let out = text;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);

  const before = parse(text) as { controls: Record<string, { policies: string[] }> };
  for (const control of controls) if (!before.controls[control]!.policies.includes(policyId)) before.controls[control]!.policies.push(policyId);
  if (!isDeepStrictEqual(parse(out), before)) throw new InputError(`adding ${policyId} would change more than the policies lists of ${controls.join(', ')}; edit the file by hand`, display);
  return out;
}
