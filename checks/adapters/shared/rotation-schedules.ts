/**
 * Longest interval between two rotations, in days, from a Secrets Manager schedule expression:
 * rate(N days|hours) exactly; cron(min hour dom month dow year) as an upper bound (every day or a
 * weekday -> 1 or 7, a day of the month -> 31, every N months -> 31*N). Undefined when it cannot be told.
 */
export function scheduleDays(expr: string): number | undefined {
  const rate = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(expr.trim());
  if (rate) return /hour/i.test(rate[2]!) ? Math.max(1, Math.ceil(Number(rate[1]) / 24)) : Number(rate[1]);
  const cron = /^cron\((.+)\)$/i.exec(expr.trim());
  if (!cron) return undefined;
  const f = cron[1]!.trim().split(/\s+/);
  if (f.length !== 6) return undefined;
  const [, , dom, month, dow] = f as [string, string, string, string, string, string];
  const monthStep = month === '*' ? 1 : /^\*\/(\d+)$/.exec(month)?.[1];
  if (monthStep === undefined) return undefined;
  const months = Number(monthStep);
  if (dom === '*' || dom === '?') {
    if (dow === '*' || dow === '?') return months === 1 ? 1 : undefined;
    return months === 1 ? 7 : undefined;
  }
  return 31 * months;
}
