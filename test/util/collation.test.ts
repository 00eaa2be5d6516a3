import { describe, expect, it } from 'vitest';
import { localeOrder } from '../../checks/util/collation.js';

/** localeOrder must order exactly as localeCompare (findings are sorted with it; their order is output). */
describe('localeOrder', () => {
  const sign = (n: number): number => Math.sign(n);

  it('orders every pair of printable ASCII characters, and short strings of them, as localeCompare does', () => {
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const a of chars) for (const b of chars) expect(sign(localeOrder(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
    for (const a of chars) for (const b of ['a', 'A', '1', '_', '-', '.', 'aa', 'Aa']) {
      expect(sign(localeOrder(a + b, b + a)), `${a}${b}`).toBe(sign((a + b).localeCompare(b + a)));
      expect(sign(localeOrder(a + 'b', b)), `${a}b ${b}`).toBe(sign((a + 'b').localeCompare(b)));
    }
  });

  it('agrees on random addresses, policy ids and paths, and on text it hands to localeCompare (non-ASCII, control characters)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['a', 'b', 'B', 'z', 'Z', '0', '9', '_', '-', '.', '[', ']', '"', ' ', '/', '\\', 'é', 'É', '\t', '\u0001', 'ß', '~', '$', 'Ω'];
    const word = (): string => Array.from({ length: rand(8) }, () => alphabet[rand(alphabet.length)]).join('');
    let disagree = 0;
    for (let i = 0; i < 40_000; i++) {
      const a = word();
      const b = rand(3) ? a.slice(0, rand(a.length + 1)) + word() : word();
      if (sign(localeOrder(a, b)) !== sign(a.localeCompare(b))) disagree++;
    }
    expect(disagree).toBe(0);
    const real = ['module.a.aws_s3_bucket.b["x"]', 'aws_s3_bucket.B', 'aws_s3_bucket.b', 'aws_s3_bucket_policy.b', 'aws-s3-bucket-public', 'aws-s3-bucket_public', 'envs/prod/main.tf', 'envs/Prod/main.tf', ''];
    for (const a of real) for (const b of real) expect(sign(localeOrder(a, b)), `${a} | ${b}`).toBe(sign(a.localeCompare(b)));
  });
});
