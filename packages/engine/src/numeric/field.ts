/**
 * The arithmetic a solver or checker needs, abstracted over exact rationals and floating point,
 * so that one implementation serves exact methods (Gambit's rational arithmetic) and numerical
 * ones (floating-point Lemke-Howson, logit QRE).
 */
import { Rational } from './rational';

export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  /** Sign of a, with floating-point values within `eps` of zero counted as zero. */
  sign(a: T): -1 | 0 | 1;
  cmp(a: T, b: T): -1 | 0 | 1;
  fromRational(r: Rational): T;
  toNumber(a: T): number;
  isExact: boolean;
}

export const RationalField: Field<Rational> = {
  zero: Rational.ZERO,
  one: Rational.ONE,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  sign: (a) => a.sign(),
  cmp: (a, b) => a.cmp(b),
  fromRational: (r) => r,
  toNumber: (a) => a.toNumber(),
  isExact: true,
};

export function floatField(eps = 1e-12): Field<number> {
  return {
    zero: 0,
    one: 1,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    div: (a, b) => a / b,
    neg: (a) => -a,
    sign: (a) => (a > eps ? 1 : a < -eps ? -1 : 0),
    cmp: (a, b) => (a - b > eps ? 1 : b - a > eps ? -1 : 0),
    fromRational: (r) => r.toNumber(),
    toNumber: (a) => a,
    isExact: false,
  };
}

export const FloatField: Field<number> = floatField();
