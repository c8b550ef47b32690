/** The Gambit format readers: tokens, both .nfg versions, .efg details, errors with file:line:col, JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors';
import { parseEfg } from '../src/games/formats/efg';
import { gameFromJson, gameJsonSchema, gameToJson, parseGameJson } from '../src/games/formats/json';
import { parseNfg, writeNfg } from '../src/games/formats/nfg';
import { parseGame } from '../src/games/formats/parse-game';
import { enumMixed } from '../src/games/enum-mixed';
import { lemkeHowson } from '../src/games/lemke-howson';
import { tokenize } from '../src/games/formats/tokenizer';

// The repository's own example games (examples/games); the games these tests need beyond them are
// written inline, so every test here runs in a user's clone too.
const examples = path.resolve(import.meta.dirname, '../../../examples/games');
const read = (f: string): string => readFileSync(path.join(examples, f), 'utf8');

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('tokenizer', () => {
  it('reads strings with escapes, braces, numbers, fractions, decimals, words and comments', () => {
    const tokens = tokenize('NFG 1 R "a \\"q\\" \\\\ b" { -3/5 0.35 1e-3 , } # comment\n x');
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'NFG'],
      ['number', '1'],
      ['word', 'R'],
      ['string', 'a "q" \\ b'],
      ['lbrace', '{'],
      ['number', '-3/5'],
      ['number', '0.35'],
      ['number', '1e-3'],
      ['comma', ','],
      ['rbrace', '}'],
      ['word', 'x'],
      ['eof', ''],
    ]);
    expect(tokens[10]).toMatchObject({ line: 2, col: 2 });
  });
  it('reports an unterminated string at its start', () => {
    expect(errorOf(() => tokenize('NFG 1 R\n  "abc', 'f.nfg')).place).toBe('f.nfg:2:3');
  });
});

describe('.nfg', () => {
  it('the outcome version and the payoff version of the same game agree', () => {
    // A 3x3 coordination game: two outcomes, each used by several cells (player 1's strategy varies fastest).
    const a = parseNfg(
      'NFG 1 R "3x3 coordination (outcome version)" { "P1" "P2" }\n' +
        '{ { "a" "b" "c" } { "a" "b" "c" } }\n' +
        '{ { "Coord" 1, 1 } { "Miscoord" 0, 0 } }\n' +
        '1 2 2 2 1 2 2 2 1',
    );
    const b = parseNfg('NFG 1 R "3x3 coordination (payoff version)" { "P1" "P2" } { 3 3 }\n1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0 1 1');
    expect(a.payoffs.map((r) => r.map(String))).toEqual(b.payoffs.map((r) => r.map(String)));
    expect(a.payoffs.map((r) => r.map(String))).toEqual([['1', '1'], ['0', '0'], ['0', '0'], ['0', '0'], ['1', '1'], ['0', '0'], ['0', '0'], ['0', '0'], ['1', '1']]);
    expect(a.outcomeLabels).toHaveLength(9);
    expect(a.outcomeLabels![4]).toBe('Coord');
    expect(b.outcomeLabels).toBeUndefined();
    expect(writeNfg(a)).toContain('"Coord"');
    // The repository's Chicken (outcome version, outcomes listed out of cell order) against its payoff version.
    const chicken = parseNfg(read('chicken.nfg'), 'chicken.nfg');
    const chickenPayoffs = parseNfg('NFG 1 R "Chicken" { "State A" "State B" } { 2 2 }\n0 0 1 -1 -1 1 -10 -10');
    expect(chicken.payoffs.map((r) => r.map(String))).toEqual(chickenPayoffs.payoffs.map((r) => r.map(String)));
    expect(chicken.outcomeLabels).toEqual(['Both back down', 'B backs down', 'A backs down', 'War']);
  });
  it('reads decimals exactly', () => {
    const g = parseNfg('NFG 1 R "" { "A" "B" } { 1 1 }\n0.1 -2.50');
    expect(g.payoffs[0]!.map(String)).toEqual(['1/10', '-5/2']);
  });
  it('says where a payoff is missing', () => {
    const e = errorOf(() => parseNfg('NFG 1 R "t" { "A" "B" } { 2 1 }\n1 2\n3', 'g.nfg'));
    expect(e.place).toBe('g.nfg:3:2');
    expect(e.message).toContain('payoff 2 of profile 2 of 2');
  });
  it('says where the header is wrong', () => {
    expect(errorOf(() => parseNfg('NFG 2 R "t"', 'g.nfg')).place).toBe('g.nfg:1:5');
    expect(errorOf(() => parseNfg('NFG 1 R "t" { "A" } { 2 3 }\n', 'g.nfg')).message).toContain('2 strategy lists for 1 players');
  });
  it('rejects an outcome index out of range', () => {
    const e = errorOf(() => parseNfg('NFG 1 R "" { "A" } { { "x" "y" } }\n{ { "o" 1 } }\n1 2', 'g.nfg'));
    expect(e.place).toBe('g.nfg:3:3');
  });
});

describe('.efg', () => {
  it('reads infosets and outcomes given only at first appearance', () => {
    // Chance picks H or L; player 1 does not see it (one infoset, actions given once), player 2 sees
    // player 1's action but not chance's. Outcomes 1 and 2 are reused by number only, two nodes carry
    // an outcome on a decision node, and some leaves have no outcome.
    const text = [
      'EFG 2 R "given once" { "1" "2" }',
      '""',
      'c "" 1 "" { "H" 1/2 "L" 1/2 } 0',
      'p "" 1 1 "" { "A" "B" "C" } 0',
      'p "" 2 1 "" { "X" "Y" } 1 "win" { 1, -1 }',
      't "" 0',
      't "" 4 "big loss" { -2, 2 }',
      'p "" 2 2 "" { "X" "Y" } 0',
      't "" 2 "loss" { -1, 1 }',
      't "" 1',
      'p "" 2 3 "" { "X" "Y" } 0',
      't "" 1',
      't "" 0',
      'p "" 1 1 0',
      'p "" 2 1 0',
      't "" 0',
      't "" 1',
      'p "" 2 2 0',
      't "" 1',
      't "" 2',
      'p "" 2 3 2',
      't "" 0',
      't "" 3 "big win" { 2, -2 }',
    ].join('\n');
    const g = parseEfg(text);
    expect(g.infosets.map((s) => [s.player, s.number])).toEqual([
      [-1, 1],
      [0, 1],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(g.infosets.map((s) => s.actions)).toEqual([['H', 'L'], ['A', 'B', 'C'], ['X', 'Y'], ['X', 'Y'], ['X', 'Y']]);
    expect(g.outcomes.map((o) => [o.number, o.label, o.payoffs.map(String)])).toEqual([
      [1, 'win', ['1', '-1']],
      [4, 'big loss', ['-2', '2']],
      [2, 'loss', ['-1', '1']],
      [3, 'big win', ['2', '-2']],
    ]);
    expect(g.nodes).toHaveLength(21);
    expect(g.nodes.filter((n) => n.outcome !== undefined)).toHaveLength(10);
    expect(g.nodes[2]).toMatchObject({ type: 'decision', outcome: 0 });
    // The second appearance of player 1's infoset and of player 2's infosets, without their actions.
    expect(g.nodes[11]).toMatchObject({ type: 'decision', infoset: 1, children: [12, 15, 18] });
    expect(g.nodes[18]).toMatchObject({ type: 'decision', infoset: 4, outcome: 2 });
    expect(g.nodes[16]).toMatchObject({ type: 'terminal', outcome: 0 }); // outcome number 1, by number only
    expect(g.nodes[13]!.outcome).toBeUndefined();
  });
  it('accepts an action list or payoffs without a label', () => {
    const g = parseEfg('EFG 2 R "" { "A" "B" }\np "" 1 1 { "x" "y" } 0\nt "" 1 { 1, 2 }\nt "" 2 "o" { 3 4 }\n');
    expect(g.infosets[0]!.actions).toEqual(['x', 'y']);
    expect(g.outcomes.map((o) => [o.label, o.payoffs.map(String)])).toEqual([
      ['', ['1', '2']],
      ['o', ['3', '4']],
    ]);
  });
  it('says where the tree is incomplete', () => {
    const e = errorOf(() => parseEfg('EFG 2 R "" { "A" }\np "" 1 1 "" { "x" "y" } 0\nt "" 0\n', 'g.efg'));
    expect(e.place).toBe('g.efg:4:1');
    expect(e.expected).toContain('1 more child');
  });
  it('rejects chance probabilities that do not sum to 1, a player out of range and unknown outcomes', () => {
    expect(errorOf(() => parseEfg('EFG 2 R "" { "A" }\nc "" 1 "" { "x" 1/2 "y" 1/3 } 0\nt "" 0\nt "" 0\n', 'g.efg')).place).toBe('g.efg:2:6');
    expect(errorOf(() => parseEfg('EFG 2 R "" { "A" }\np "" 2 1 "" { "x" } 0\nt "" 0\n', 'g.efg')).place).toBe('g.efg:2:6');
    expect(errorOf(() => parseEfg('EFG 2 R "" { "A" }\nt "" 3\n', 'g.efg')).message).toContain('never given');
    expect(errorOf(() => parseEfg('EFG 2 R "" { "A" "B" }\nt "" 1 "" { 1 }\n', 'g.efg')).expected).toBe('2 payoffs');
  });
});

describe('parseGame and JSON', () => {
  it('chooses the format by content', () => {
    expect(parseGame(read('prisoners-dilemma.nfg'), 'whatever.txt').kind).toBe('nfg');
    expect(parseGame(read('limited-strike.efg'), 'whatever.txt').kind).toBe('efg');
    expect(parseGame(read('limited-strike.efg'), 'misnamed.nfg').kind).toBe('efg');
    expect(parseGame(JSON.stringify(gameToJson(parseGame(read('matching-pennies.nfg'), 'mp.nfg'))), 'whatever.txt').kind).toBe('nfg');
    expect(errorOf(() => parseGame('hello', 'x.txt')).place).toBe('x.txt:1:1');
  });
  it('JSON errors name the JSON path', () => {
    const g = gameToJson(parseGame(read('prisoners-dilemma.nfg'), 'prisoners-dilemma.nfg'));
    const bad = { ...g, payoffs: (g as { payoffs: string[][] }).payoffs.map((r, i) => (i === 3 ? ['1', 'x'] : r)) };
    expect(errorOf(() => gameFromJson(bad, 'g.json')).place).toBe('g.json:$.payoffs[3][1]');
    expect(errorOf(() => parseGameJson('{"kind":"nfg"}', 'g.json')).place).toMatch(/^g\.json:\$/);
    const efg = gameToJson(parseGame(read('limited-strike.efg'), 'limited-strike.efg')) as { nodes: { children?: number[] }[] };
    expect(efg.nodes[0]!.children).toEqual([1, 2]);
    efg.nodes[0]!.children = [2, 1];
    expect(errorOf(() => gameFromJson(efg)).message).toContain('pre-order');
  });
  it('exports a JSON Schema of both forms', () => {
    const schema = JSON.stringify(gameJsonSchema());
    expect(schema).toContain('"nfg"');
    expect(schema).toContain('"efg"');
    expect(schema).toContain('payoffs');
  });
});

describe('two-player methods called directly on another game', () => {
  it('throw InputError (bad input, exit 2), not RangeError', () => {
    const threePlayers = parseNfg('NFG 1 R "three" { "A" "B" "C" } { 1 1 1 } 1 2 3');
    expect(() => enumMixed(threePlayers)).toThrow(InputError);
    expect(() => lemkeHowson(threePlayers)).toThrow(InputError);
    expect(() => lemkeHowson(threePlayers)).toThrow(/needs a two-player game, the game has 3/);
  });
});

describe('.efg chance probabilities', () => {
  it('names a negative probability even when the probabilities sum to 1', () => {
    const text = 'EFG 2 R "x" { "A" } c "" 1 "" { "h" 3/2 "t" -1/2 } 0 t "" 1 "" { 1 } t "" 2 "" { 0 }';
    expect(() => parseEfg(text, 'neg.efg')).toThrow(InputError);
    expect(() => parseEfg(text, 'neg.efg')).toThrow(/neg\.efg:1:\d+: .*one is -1\/2/);
    expect(() => parseEfg(text.replace('3/2', '1/2').replace('-1/2', '1/3'), 'short.efg')).toThrow(/they sum to 5\/6/);
  });
});
