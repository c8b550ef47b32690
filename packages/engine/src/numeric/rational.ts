/**
 * Exact rational numbers on BigInt, always in lowest terms with a positive denominator.
 *
 * Used wherever a method is exact (Gambit's exact arithmetic: enumpure, enummixed, lcp with
 * rationals): payoffs and chance probabilities read from `.nfg`/`.efg` files keep their exact value
 * (a decimal such as `0.35` becomes 7/20, never a float).
 *
 *   a/b + c/d = (ad + cb)/bd,  a/b * c/d = ac/bd,  reduced by gcd(|n|, d).
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  static fromInt(value: number | bigint): Rational {
    return new Rational(BigInt(value), 1n);
  }

  /** Parses `"3"`, `"-3/5"`, `"0.35"`, `"1e-3"`, `"-2.5E+2"` exactly. Returns undefined on anything else. */
  static tryParse(text: string): Rational | undefined {
    if (INTEGER.test(text)) return new Rational(BigInt(text), 1n);
    const s = text.trim();
    const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(s);
    if (frac) {
      const den = BigInt(frac[2]!);
      return den === 0n ? undefined : Rational.of(BigInt(frac[1]!), den);
    }
    const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!dec || (dec[2] === '' && (dec[3] === undefined || dec[3] === ''))) return undefined;
    const sign = dec[1] === '-' ? -1n : 1n;
    const intPart = dec[2] ?? '';
    const fracPart = dec[3] ?? '';
    const exp = dec[4] ? Number(dec[4]) : 0;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 4000) return undefined;
    let num = BigInt((intPart || '0') + fracPart) * sign;
    let den = 10n ** BigInt(fracPart.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(num, den);
  }

  static parse(text: string): Rational {
    const r = Rational.tryParse(text);
    if (!r) throw new SyntaxError(`not a number: ${JSON.stringify(text)}`);
    return r;
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`Rational.fromNumber: ${value}`);
    if (Number.isInteger(value)) return Rational.fromInt(BigInt(value));
    let den = 1n;
    let x = value;
    while (!Number.isInteger(x)) {
      x *= 2;
      den *= 2n;
    }
    return Rational.of(BigInt(x), den);
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num - o.num, 1n);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num * o.num, 1n);
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  inverse(): Rational {
    return Rational.ONE.div(this);
  }
  sign(): -1 | 0 | 1 {
    return this.num === 0n ? 0 : this.num < 0n ? -1 : 1;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l === r ? 0 : l < r ? -1 : 1;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
    // Very large terms: scale down before converting.
    const shift = BigInt(Math.max(this.num.toString(2).length, this.den.toString(2).length) - 1000);
    return Number(this.num >> shift) / Number(this.den >> shift);
  }
  /** `"3"`, `"-3/5"`: the form Gambit prints and Brink's JSON uses for exact values. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

const INTEGER = /^[+-]?\d{1,15}$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}

export function sumRationals(values: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (const v of values) s = s.add(v);
  return s;
}
