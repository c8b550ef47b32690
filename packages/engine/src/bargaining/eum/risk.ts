/**
 * Risk propensity from security levels, recomputed each round ([SCS], after BDM 1985;
 * docs/bargaining.md, "What the EUM computes", step 3).
 *
 *   1. with r = 1 for all, D_i = Σ_{j≠i} EU_j(i)      (how much the others expect to gain by challenging i)
 *   2. R_i = (2 D_i − D_max − D_min) / (D_max − D_min)  in [−1, 1]
 *   3. r_i = (1 − R_i/3) / (1 + R_i/3)                   in [0.5, 2]
 *
 * The actor the others find most attractive to challenge (highest D) gets R = 1, r = 0.5; the least
 * exposed gets R = −1, r = 2 (the exponent bends the utility curves of utilities.ts). SCS compare across
 * actors at their current positions (BDM's original compares across i's possible positions); we
 * follow SCS. When D_max = D_min (e.g. two symmetric actors) every r_i = 1.
 */
import { challengeEuMatrix, type ChallengeContext } from './expected-utility';

export interface RiskProfile {
  security: number[];
  risk: number[];
}

export function riskFromSecurity(ctx: ChallengeContext): RiskProfile {
  const n = ctx.positions.length;
  const eu = challengeEuMatrix(ctx, new Array<number>(n).fill(1));
  const security = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) security[i]! += eu[j]![i]!;
  let max = -Infinity;
  let min = Infinity;
  for (const d of security) {
    if (d > max) max = d;
    if (d < min) min = d;
  }
  const spread = max - min;
  const scale = Math.max(Math.abs(max), Math.abs(min), 1e-300);
  const risk = security.map((d) => {
    if (!(spread > 1e-12 * scale)) return 1;
    const big = (2 * d - max - min) / spread;
    return (1 - big / 3) / (1 + big / 3);
  });
  return { security, risk };
}
