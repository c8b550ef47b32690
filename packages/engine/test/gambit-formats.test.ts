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

const games = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const read = (f: string): string => readFileSync(path.join(games, f), 'utf8');

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
    const a = parseNfg(read('coordination_4x4_outcome.nfg'));
    const b = parseNfg(read('coordination_4x4_payoff.nfg'));
    expect(a.payoffs.map((r) => r.map(String))).toEqual(b.payoffs.map((r) => r.map(String)));
    expect(a.outcomeLabels).toHaveLength(16);
    expect(writeNfg(a)).toContain('"Coord"');
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
    const g = parseEfg(read('2_player_chance_nonterm_outcomes_and_missing_term_outcomes.efg'));
    expect(g.infosets.map((s) => [s.player, s.number])).toEqual([
      [-1, 1],
      [0, 1],
      [1, 1],
      [1, 2],
      [1, 3],
      [0, 2],
    ]);
    expect(g.nodes.filter((n) => n.outcome !== undefined)).toHaveLength(10);
    expect(g.nodes[2]).toMatchObject({ type: 'decision', outcome: 0 });
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
    expect(parseGame(read('e04.nfg'), 'whatever.txt').kind).toBe('nfg');
    expect(parseGame(read('cent4.efg'), 'whatever.txt').kind).toBe('efg');
    expect(errorOf(() => parseGame('hello', 'x.txt')).place).toBe('x.txt:1:1');
  });
  it('JSON errors name the JSON path', () => {
    const g = gameToJson(parseGame(read('e04.nfg'), 'e04.nfg'));
    const bad = { ...g, payoffs: (g as { payoffs: string[][] }).payoffs.map((r, i) => (i === 3 ? ['1', 'x'] : r)) };
    expect(errorOf(() => gameFromJson(bad, 'g.json')).place).toBe('g.json:$.payoffs[3][1]');
    expect(errorOf(() => parseGameJson('{"kind":"nfg"}', 'g.json')).place).toMatch(/^g\.json:\$/);
    const efg = gameToJson(parseGame(read('cent4.efg'), 'cent4.efg')) as { nodes: { children?: number[] }[] };
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
