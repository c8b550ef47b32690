/**
 * Hardening of the game readers (.nfg, .efg, Brink game JSON): the designed input limits are
 * enforced at parse time, before any allocation sized by the input, as InputErrors that name the
 * place and the limit; and garbled texts (seeded fast-check mutations of valid games) only ever
 * give a game or an InputError: no other exception, no hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors';
import { writeEfg } from '../src/games/formats/efg';
import { gameToJson } from '../src/games/formats/json';
import { parseGame } from '../src/games/formats/parse-game';
import { writeNfg } from '../src/games/formats/nfg';
import { generateSignallingGame } from '../src/games/signalling-game';
import { LIMITS } from '../src/limits';
import { Rational } from '../src/numeric/rational';

function inputError(text: string, fileName: string): InputError {
  try {
    parseGame(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('game files: limits before allocation', () => {
  it('a strategy count of 2^31 is refused at its token (it used to exhaust memory)', () => {
    const e = inputError('NFG 1 R "" { "A" } { 2147483648 }\n0', 'huge.nfg');
    expect(e.place).toBe('huge.nfg:1:22');
    expect(e.reason).toMatch(/2147483648 is more than the limit of 100000 \(maxStrategiesPerPlayer\)/);
  });

  it('a strategy count of 2^32 is refused the same way (it used to fail with "Invalid array length")', () => {
    const e = inputError('NFG 1 R "" { "A" } { 4294967296 }\n0', 'huge.nfg');
    expect(e.place).toBe('huge.nfg:1:22');
    expect(e.reason).toMatch(/maxStrategiesPerPlayer/);
  });

  it('too many strategy profiles, players, strategy labels, tree nodes and JSON nesting', () => {
    expect(inputError('NFG 1 R "" { "A" "B" } { 1001 1000 }\n0', 'p.nfg').reason).toMatch(/1001000 is more than the limit of 1000000 \(maxStrategyProfiles\)/);
    const players = Array.from({ length: LIMITS.maxPlayers + 1 }, (_, i) => `"P${i}"`).join(' ');
    const many = inputError(`NFG 1 R "" { ${players} } { 1 }\n0`, 'n.nfg');
    expect(many.reason).toMatch(/maxPlayers/);
    expect(many.place).toMatch(/^n\.nfg:1:\d+$/);
    const labels = Array.from({ length: LIMITS.maxStrategiesPerPlayer + 1 }, () => '"s"').join(' ');
    expect(inputError(`NFG 1 R "" { "A" } { { ${labels} } }\n`, 'l.nfg').reason).toMatch(/maxStrategiesPerPlayer/);
    const actions = Array.from({ length: LIMITS.maxStrategiesPerPlayer + 1 }, () => '"a"').join(' ');
    expect(inputError(`EFG 2 R "" { "A" }\np "" 1 1 "" { ${actions} } 0\n`, 'a.efg').reason).toMatch(/actions of information set 1.*maxStrategiesPerPlayer/);
    const deep = '['.repeat(LIMITS.maxNestingDepth + 1) + ']'.repeat(LIMITS.maxNestingDepth + 1);
    const nested = inputError(deep, 'deep.json');
    expect(nested.reason).toMatch(/maxNestingDepth/);
    expect(nested.place).toBe(`deep.json:1:${LIMITS.maxNestingDepth + 1}`);
    const json = JSON.stringify({ kind: 'nfg', title: '', players: ['a'], strategies: [Array.from({ length: LIMITS.maxStrategiesPerPlayer + 1 }, () => 's')], payoffs: [] });
    const j = inputError(json, 'big.json');
    expect(j.place).toBe('big.json:$.strategies[0]');
    expect(j.reason).toMatch(/maxStrategiesPerPlayer/);
  });

  it('the text size is counted in UTF-8 bytes: multibyte text under the limit in UTF-16 units is refused', () => {
    const title = '北'.repeat(Math.floor(LIMITS.maxTextBytes / 3) + 1); // 3 bytes each in UTF-8, 1 UTF-16 unit
    const text = `NFG 1 R "${title}" { "A" } { 1 }\n0`;
    expect(text.length).toBeLessThan(LIMITS.maxTextBytes);
    const e = inputError(text, 'wide.nfg');
    expect(e.place).toBe('wide.nfg:1:1');
    expect(e.reason).toMatch(/maxTextBytes/);
  });

  it('a tree beyond maxTreeNodes is refused at the first node over the limit', () => {
    // A chain of decision nodes: each has a terminal child and a decision child.
    const lines = ['EFG 2 R "" { "A" }', '""'];
    const depth = Math.floor(LIMITS.maxTreeNodes / 2) + 1;
    for (let k = 0; k < depth; k++) lines.push(k === 0 ? 'p "" 1 1 "" { "stop" "go" } 0' : 'p "" 1 1 0', 't "" 0');
    const e = inputError(lines.join('\n'), 'chain.efg');
    expect(e.reason).toMatch(/nodes: 1000001 is more than the limit of 1000000 \(maxTreeNodes\)/);
    expect(e.place).toMatch(/^chain\.efg:\d+:1$/);
  });
});

// ---------- garbled texts ----------

const seedTexts: { name: string; text: string }[] = (() => {
  const small = generateSignallingGame({ types: [2, 2], moves: 2, seed: 3 });
  const nfg = `NFG 1 R "Kreps" { "Player 1" "Player 2" }\n{ { "a" "b" "c" } { "x" "y" } }\n""\n{ { "o1" 1, 1 } { "o2" 0, 2/3 } }\n1 2 0 1 2 1\n`;
  const payoffNfg = writeNfg({ kind: 'nfg', title: 'pd', players: ['1', '2'], strategies: [['C', 'D'], ['C', 'D']], payoffs: [['3', '3'], ['5', '0'], ['0', '5'], ['1', '1']].map((r) => r.map((x) => Rational.parse(x))) });
  return [
    { name: 'g.nfg', text: nfg },
    { name: 'pd.nfg', text: payoffNfg },
    { name: 'crisis.efg', text: writeEfg(small) },
    { name: 'crisis.json', text: JSON.stringify(gameToJson(small)) },
    { name: 'pd.json', text: JSON.stringify(gameToJson(parseGame(payoffNfg, 'pd.nfg'))) },
  ];
})();

const junk = fc.constantFrom('{', '}', '"', '\\', ',', ' ', '\n', '#', 'p', 'c', 't', 'NFG', 'EFG', '1', '0', '-1', '2147483648', '4294967296', '99999999999999999999', '1e999', '1e-999', '0/0', '3/0', '1/3', '.', '-', '[', ']', ':', 'null', '"kind"', '\u0000', '\u00e9', '💥');

/** A valid text with a few edits: deletions, insertions of junk, duplications, truncation. */
const garbled = fc
  .record({
    seed: fc.constantFrom(...seedTexts),
    edits: fc.array(
      fc.record({ kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: junk }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ seed, edits }) => {
    let text = seed.text;
    for (const e of edits) {
      const at = text.length === 0 ? 0 : e.at % text.length;
      if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
      else if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
      else if (e.kind === 'duplicate') text = text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
      else text = text.slice(0, at);
    }
    return { name: seed.name, text };
  });

describe('garbled game texts give a game or an InputError, nothing else', () => {
  it('3,000 seeded mutations of .nfg, .efg and JSON games', () => {
    let errors = 0;
    let games = 0;
    fc.assert(
      fc.property(garbled, ({ name, text }) => {
        try {
          parseGame(text, name);
          games++;
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          expect(error.place ?? '').toMatch(new RegExp(`^${name.replace('.', '\\.')}(:|$)`));
          errors++;
        }
      }),
      { seed: 1616, numRuns: 3000 },
    );
    // Both outcomes are exercised.
    expect(errors).toBeGreaterThan(500);
    expect(games).toBeGreaterThan(50);
  });

  it('random token soup after a valid header', () => {
    fc.assert(
      fc.property(fc.constantFrom('NFG 1 R "" { "A" "B" } ', 'EFG 2 R "" { "A" "B" } ', '{"kind":"efg",'), fc.array(junk, { maxLength: 40 }), (head, tokens) => {
        const text = head + tokens.join(' ');
        try {
          parseGame(text, 'soup.txt');
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { seed: 99, numRuns: 1000 },
    );
  });
});
