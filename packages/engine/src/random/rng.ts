/**
 * The engine's seeded, splittable pseudo-random generator.
 *
 * Algorithm: xoshiro128** 1.0 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference C at https://prng.di.unimi.it/xoshiro128starstar.c),
 * a 128-bit-state generator on 32-bit words, so it runs at full speed on JavaScript's int32 arithmetic.
 * Its state is filled by SplitMix32 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014, with the 32-bit finaliser of C. Wellons' "lowbias32" hash), as Vigna
 * recommends for seeding xoshiro from a single word.
 *
 * Splitting. Every stream has a *key path*: the seed, then the keys passed to `split`. A child's
 * state is derived from the parent's 128-bit identity and the key only, never from the parent's
 * current state, so `rng.split('actor:3')` gives the same stream however many numbers the parent
 * (or its other children) have drawn. Runs in parallel workers therefore get the same numbers as a
 * sequential run (docs/architecture.md).
 *
 *   identity(seed)        = 4 words of SplitMix32 from hash(seed)
 *   identity(parent, key) = 4 words of SplitMix32 from mix(identity(parent) word k, hash(key))
 *
 * hash(string) is 32-bit FNV-1a followed by the lowbias32 finaliser; numbers are split into words.
 * `next()` returns 53-bit doubles in [0, 1) built from two 32-bit outputs.
 */

/** A seeded stream of pseudo-random numbers. */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** Independent child stream named by `key`; depends only on this stream's key path and `key`. */
  split(key: string | number): Rng;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Normal deviate (Box-Muller, one of the pair), mean `mean`, standard deviation `sd`. */
  normal(mean?: number, sd?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /**
   * Fills out[from..to) with uniforms in the open interval (0, 1), one 32-bit output each:
   * (nextUint32() + 0.5) / 2^32 (so inverse CDFs stay finite). The same numbers as that many
   * `nextUint32()` calls, drawn in one tight loop (simulation kernels draw thousands per run).
   */
  fillUniform(out: Float64Array, from?: number, to?: number): void;
}

/** lowbias32 finaliser (Wellons): a good 32-bit avalanche mix. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, then mixed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** A seed or key as a 32-bit word: integers by their low and high words, other values by their text. */
function hashKey(key: string | number): number {
  if (typeof key === 'number') {
    if (Number.isSafeInteger(key)) {
      const lo = key >>> 0;
      const hi = Math.floor(Math.abs(key) / 4294967296) >>> 0;
      return mix32((mix32(lo ^ 0x9e3779b9) ^ Math.imul(hi, 0x85ebca6b) ^ (key < 0 ? 0x5bd1e995 : 0)) >>> 0);
    }
    return hashString(`n:${String(key)}`);
  }
  return hashString(`s:${key}`);
}

/** SplitMix32: 4 words from one. */
function splitMix32x4(seed: number): Uint32Array {
  const out = new Uint32Array(4);
  let s = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    out[i] = mix32(s);
  }
  // xoshiro must not start from the all-zero state.
  if ((out[0]! | out[1]! | out[2]! | out[3]!) === 0) out[0] = 1;
  return out;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

class Xoshiro128ss implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(private readonly identity: Uint32Array) {
    this.s0 = identity[0]!;
    this.s1 = identity[1]!;
    this.s2 = identity[2]!;
    this.s3 = identity[3]!;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  split(key: string | number): Rng {
    const k = hashKey(key);
    const id = this.identity;
    const seed = mix32((mix32(id[0]! ^ k) + Math.imul(id[1]!, 0x9e3779b9) + mix32(id[2]! ^ rotl(k, 16)) + (id[3]! ^ 0x632be5ab)) >>> 0);
    const child = splitMix32x4(seed);
    // Fold the whole parent identity in, so distinct parents with colliding first words still differ.
    for (let i = 0; i < 4; i++) child[i] = mix32((child[i]! ^ id[(i + 1) & 3]!) >>> 0) ^ k;
    if ((child[0]! | child[1]! | child[2]! | child[3]!) === 0) child[0] = 1;
    return new Xoshiro128ss(child);
  }

  fillUniform(out: Float64Array, from = 0, to = out.length): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = from; i < to; i++) {
      const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
      const t = (s1 << 9) >>> 0;
      s2 = (s2 ^ s0) >>> 0;
      s3 = (s3 ^ s1) >>> 0;
      s1 = (s1 ^ s2) >>> 0;
      s0 = (s0 ^ s3) >>> 0;
      s2 = (s2 ^ t) >>> 0;
      s3 = rotl(s3, 11);
      out[i] = (result + 0.5) / 4294967296;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  normal(mean = 0, sd = 1): number {
    // Box-Muller; 1 - next() lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  int(n: number): number {
    if (!(n >= 1) || !Number.isSafeInteger(n)) throw new RangeError(`int(n) needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }
}

/** A generator seeded by a number or a string (the same seed always gives the same stream). */
export function createRng(seed: number | string): Rng {
  return new Xoshiro128ss(splitMix32x4(hashKey(seed)));
}
