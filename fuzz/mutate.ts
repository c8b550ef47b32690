/**
 * Seeded input generation for the fuzz job (fast-check): each input is one of a target's seed
 * texts (fuzz/corpus/<target>/) with 1..8 mutations applied: flip, insert or delete characters,
 * duplicate or cut a range, splice in a token of the target's dictionary, replace a number with
 * an "interesting" one (0, -1, 2^31, 2^32, 2^53, 1e309, NaN, huge counts...), splice a range of
 * another seed, truncate; a few inputs are plain random strings. Inputs are made in batches with
 * `fc.sample(arb, { seed: seed + batch })`, so input i of a run is reproducible from (seed, i)
 * alone, whichever process makes it.
 */
import fc from 'fast-check';

export const INTERESTING_NUMBERS = [
  '0', '-0', '1', '-1', '2', '3', '0.5', '1/2', '1/0', '0/0', '-1/3', '1e-320', '1e309', '-1e309', '1e308', 'NaN', 'Infinity', '-Infinity',
  '.nan', '.inf', '-.inf', '0x10', '1_000', '2147483647', '2147483648', '4294967295', '4294967296', '9007199254740993', '18446744073709551616',
  '1000000', '99999999999999999999999', '-2147483649', '1e6', '1e7', '100000', '65536', '3.14e2', '00', '1.', '.5', '+5', '--5',
];

const GENERIC_TOKENS = ['"', "'", '{', '}', '[', ']', ',', ':', '\n', '\r\n', '\t', ' ', '\\', '\u0000', '\u202e', '\ud800', '😀', '北韓', '#', '&a', '*a', '!!', '%', '$', '`', '<', '>', '/', '=', '-', '---', '...'];

type Mutation =
  | { kind: 'flip'; at: number; char: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'number'; which: number; value: number }
  | { kind: 'splice'; at: number; from: number; start: number; length: number }
  | { kind: 'truncate'; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fraction, char: fc.integer({ min: 0, max: 0xffff }) }),
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, token: fc.nat() }), weight: 3 },
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 50 }) }),
  { arbitrary: fc.record({ kind: fc.constant('number' as const), which: fc.nat(), value: fc.nat() }), weight: 4 },
  fc.record({ kind: fc.constant('splice' as const), at: fraction, from: fc.nat(), start: fraction, length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

function apply(text: string, m: Mutation, seeds: readonly string[], dictionary: readonly string[]): string {
  const pos = (f: number) => Math.floor(f * (text.length + 1));
  switch (m.kind) {
    case 'flip': {
      const i = pos(m.at);
      return text.slice(0, i) + String.fromCharCode(m.char) + text.slice(i + 1);
    }
    case 'insert': {
      const i = pos(m.at);
      const tokens = [...dictionary, ...GENERIC_TOKENS, ...INTERESTING_NUMBERS];
      return text.slice(0, i) + tokens[m.token % tokens.length]! + text.slice(i);
    }
    case 'delete': {
      const i = pos(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'duplicate': {
      const i = pos(m.at);
      const piece = text.slice(i, i + m.length);
      return text.slice(0, i) + piece.repeat(m.times) + text.slice(i);
    }
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:\/\d+)?/g)];
      if (numbers.length === 0) return text;
      const hit = numbers[m.which % numbers.length]!;
      return text.slice(0, hit.index) + INTERESTING_NUMBERS[m.value % INTERESTING_NUMBERS.length]! + text.slice(hit.index + hit[0].length);
    }
    case 'splice': {
      const other = seeds[m.from % seeds.length]!;
      const s = Math.floor(m.start * other.length);
      const i = pos(m.at);
      return text.slice(0, i) + other.slice(s, s + m.length) + text.slice(i);
    }
    case 'truncate':
      return text.slice(0, pos(m.at));
  }
}

/** Mutated seeds (and ~3 % random strings), capped at `maxLength` characters. */
export function mutatedInputs(seeds: readonly string[], dictionary: readonly string[] = [], maxLength = 256 * 1024): fc.Arbitrary<string> {
  if (seeds.length === 0) throw new Error('a fuzz target needs at least one seed');
  const mutated = fc
    .record({ seed: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) })
    .map(({ seed, mutations }) => mutations.reduce((text, m) => apply(text, m, seeds, dictionary).slice(0, maxLength), seeds[seed % seeds.length]!));
  return fc.oneof({ arbitrary: mutated, weight: 32 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 });
}

export const BATCH = 500;

/** Input `index` of the run with this seed (the batch it falls in is made whole and cached). */
export function makeInputSource(arb: fc.Arbitrary<string>, seed: number): (index: number) => string {
  let batchNo = -1;
  let batch: string[] = [];
  return (index) => {
    const b = Math.floor(index / BATCH);
    if (b !== batchNo) {
      batch = fc.sample(arb, { seed: seed + b, numRuns: BATCH });
      batchNo = b;
    }
    return batch[index % BATCH]!;
  };
}
