/**
 * Bargain interpolation between an initiator i and a target j, per dimension k
 * (KTAB examples/smp/libsrc/smp.cpp SMPActor::interpBrgnSnPm, interpBrgnS2PMax, interpolateBrgn;
 * docs/smp.md, "What it computes", step 3).
 *
 * SnPm (S2P2 default: n = m = 2, S1P1: n = m = 1), with pi = P[i wins], pj = 1 - pi, eps = 1e-6:
 *   w_i = s_ik^n pi^m,  w_j = s_jk^n pj^m
 *   b_ik = round4( ((w_i + eps) t_ik + w_j t_jk) / (w_i + eps + w_j) )
 *   b_jk = round4( (w_i t_ik + (eps + w_j) t_jk) / (w_i + eps + w_j) )
 * S2PMax: only the weaker side moves, by d_i = max(0, pj - pi):
 *   b_ik = t_ik + d_i s_jk^2 / (d_i s_jk^2 + eps + (1 - d_i) s_ik^2) (t_jk - t_ik), symmetric for j; no rounding.
 */
import type { BargainInterpolation } from './types';
import { round4 } from './utility';

function powInt(x: number, e: number): number {
  return e === 1 ? x : x * x;
}

/** Returns [b_ik, b_jk]. */
export function interpolateCoordinate(
  ivb: BargainInterpolation,
  tik: number,
  sik: number,
  prbI: number,
  tjk: number,
  sjk: number,
  prbJ: number,
): [number, number] {
  const minW = 1e-6;
  if (ivb === 'S2PMax') {
    const di = prbJ > prbI ? prbJ - prbI : 0;
    const dj = prbI > prbJ ? prbI - prbJ : 0;
    const sik2 = sik * sik;
    const sjk2 = sjk * sjk;
    const dik = (di * sjk2) / (di * sjk2 + minW + (1 - di) * sik2);
    const djk = (dj * sik2) / (dj * sik2 + minW + (1 - dj) * sjk2);
    return [tik + dik * (tjk - tik), tjk + djk * (tik - tjk)];
  }
  const e = ivb === 'S1P1' ? 1 : 2;
  const wik = powInt(sik, e) * powInt(prbI, e);
  const wjk = powInt(sjk, e) * powInt(prbJ, e);
  const bik = round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk));
  const bjk = round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk));
  return [bik, bjk];
}

/**
 * The bargain (new position of i, new position of j) on [0,1]^D. Positions and saliences are flat
 * row-major [actor][dim] arrays.
 */
export function interpolateBargain(
  ivb: BargainInterpolation,
  pos: ArrayLike<number>,
  sal: ArrayLike<number>,
  dims: number,
  i: number,
  j: number,
  prbI: number,
  prbJ: number,
): { init: Float64Array; rcvr: Float64Array } {
  const init = new Float64Array(dims);
  const rcvr = new Float64Array(dims);
  for (let k = 0; k < dims; k++) {
    const [bik, bjk] = interpolateCoordinate(ivb, pos[i * dims + k]!, sal[i * dims + k]!, prbI, pos[j * dims + k]!, sal[j * dims + k]!, prbJ);
    init[k] = bik;
    rcvr[k] = bjk;
  }
  return { init, rcvr };
}
