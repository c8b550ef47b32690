/**
 * 95% intervals for ensemble proportions.
 *
 * - One proportion (k of n runs): Wilson's score interval (E. B. Wilson, "Probable inference, the
 *   law of succession, and statistical inference", JASA 22(158), 1927):
 *     centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z √(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
 * - Difference of two proportions on the same runs (paired, common random numbers): Newcombe's
 *   hybrid score interval, method 10 of R. G. Newcombe, "Improved confidence intervals for the
 *   difference between binomial proportions based on paired data", Statistics in Medicine 17(22),
 *   1998. With cells a (both), b (first only), c (second only), d (neither), θ = p₂ − p₁ = (c − b)/n,
 *   Wilson intervals (l_i, u_i) for p₁ = (a + b)/n and p₂ = (a + c)/n, and the correlation
 *     φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d))  (0 when a margin is empty; ad − bc shrunk by n/2 when positive),
 *     lower = θ − √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²),
 *     upper = θ + √((u₂ − p₂)² − 2φ(u₂ − p₂)(p₁ − l₁) + (p₁ − l₁)²).
 */

export const Z95 = 1.959963984540054;

export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's interval for p₂ − p₁ from paired counts (first only = b, second only = c). */
export function pairedDifference(a: number, b: number, c: number, d: number, z = Z95): { diff: number; lo: number; hi: number } {
  const n = a + b + c + d;
  if (n === 0) return { diff: 0, lo: -1, hi: 1 };
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const [l1, u1] = wilson(a + b, n, z);
  const [l2, u2] = wilson(a + c, n, z);
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  let phi = 0;
  if (margins > 0) {
    const cross = a * d - b * c;
    phi = (cross > 0 ? Math.max(cross - n / 2, 0) : cross) / Math.sqrt(margins);
  }
  const theta = p2 - p1;
  const dl = Math.sqrt(Math.max(0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2));
  const du = Math.sqrt(Math.max(0, (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2));
  return { diff: theta, lo: Math.max(-1, theta - dl), hi: Math.min(1, theta + du) };
}
