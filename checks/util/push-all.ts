/**
 * `out.push(...items)` without the spread: a spread passes every item as an argument, and a list of
 * some hundred thousand items overflows the call stack (`Maximum call stack size exceeded`).
 */
export function pushAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}

/** `Math.max(floor, ...values)` without the spread (NaN wins, +0 beats -0, as in Math.max). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v > max || (v === 0 && max === 0 && Object.is(max, -0))) max = v;
  }
  return max;
}

/** `Math.min(ceiling, ...values)` without the spread (NaN wins, -0 beats +0, as in Math.min). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v < min || (v === 0 && min === 0 && Object.is(v, -0))) min = v;
  }
  return min;
}
