/**
 * Gambit `.nfg` (strategic form, version 1) reader and writer.
 *
 * Source: Gambit manual, "The strategic game (.nfg) file format". Header
 *
 *   NFG 1 R "title" { "Player 1" "Player 2" } <strategies> ["comment"]
 *
 * where <strategies> is either a count per player `{ 3 2 }` or the labels `{ { "a" "b" "c" } { "x" "y" } }`.
 * The body is either
 *   - the payoff-list version: for every pure profile (player 1's strategy changing fastest), one
 *     payoff per player; or
 *   - the outcome-list version: `{ { "label" u1, u2 } ... }` followed by one outcome index per
 *     profile in the same order (0 = every player gets 0).
 */
import { InputError } from '../../errors';
import { Rational } from '../../numeric/rational';
import type { NormalFormGame } from '../types';
import { checkLimit, checkTextSize } from './input-limits';
import { TokenStream, quote, readGambitHeader } from './tokenizer';

export function parseNfg(text: string, fileName = '<input>'): NormalFormGame {
  checkTextSize(text, fileName);
  const ts = TokenStream.of(text, fileName);
  const { title, players } = readGambitHeader(ts, 'NFG', '1');
  const n = players.length;

  const open = ts.expect('lbrace', '"{" before the strategies');
  const strategies: string[][] = [];
  if (ts.is('number')) {
    while (ts.is('number')) {
      const t = ts.peek();
      if (strategies.length >= n) throw new InputError(`${n + 1} strategy lists for ${n} players`, { place: ts.place(open), expected: `${n} strategy lists` });
      const k = ts.expectInteger('a number of strategies');
      if (k < 1) throw new InputError('a player needs at least one strategy', { place: ts.place(t), expected: 'a positive integer' });
      checkLimit(k, 'maxStrategiesPerPlayer', `strategies of player ${strategies.length + 1}`, ts.place(t));
      strategies.push(Array.from({ length: k }, (_, j) => String(j + 1)));
    }
    ts.expect('rbrace', 'a number of strategies or "}"');
  } else {
    while (ts.is('lbrace')) {
      if (strategies.length >= n) throw new InputError(`${n + 1} strategy lists for ${n} players`, { place: ts.place(open), expected: `${n} strategy lists` });
      ts.next();
      const list: string[] = [];
      while (ts.is('string')) {
        checkLimit(list.length + 1, 'maxStrategiesPerPlayer', `strategies of player ${strategies.length + 1}`, ts.place());
        list.push(ts.next().text);
      }
      const close = ts.peek();
      ts.expect('rbrace', 'a strategy label or "}"');
      if (list.length === 0) throw new InputError('a player needs at least one strategy', { place: ts.place(close), expected: 'strategy labels' });
      strategies.push(list);
    }
    ts.expect('rbrace', '"{" (a player\'s strategy labels) or "}"');
  }
  if (strategies.length !== n) {
    throw new InputError(`${strategies.length} strategy lists for ${n} players`, { place: ts.place(open), expected: `${n} strategy lists` });
  }
  let comment: string | undefined;
  if (ts.is('string')) comment = ts.next().text || undefined;

  const cells = strategies.reduce((p, s) => p * s.length, 1);
  checkLimit(cells, 'maxStrategyProfiles', `strategy profiles (${strategies.map((s) => s.length).join(' x ')})`, ts.place(open));
  const payoffs: Rational[][] = [];
  let outcomeLabels: string[] | undefined;
  if (ts.accept('lbrace')) {
    const outcomes: { label: string; payoffs: Rational[] }[] = [];
    while (ts.accept('lbrace')) {
      const label = ts.expectString('the outcome label');
      const pay: Rational[] = [];
      ts.skipCommas();
      while (ts.is('number')) {
        pay.push(ts.expectRational('a payoff'));
        ts.skipCommas();
      }
      const close = ts.peek();
      ts.expect('rbrace', 'a payoff or "}"');
      if (pay.length !== n) throw new InputError(`outcome has ${pay.length} payoffs for ${n} players`, { place: ts.place(close), expected: `${n} payoffs` });
      outcomes.push({ label, payoffs: pay });
    }
    ts.expect('rbrace', '"{" (an outcome) or "}"');
    outcomeLabels = [];
    const zero = Array.from({ length: n }, () => Rational.ZERO);
    for (let c = 0; c < cells; c++) {
      const t = ts.peek();
      const k = ts.expectInteger(`the outcome index of profile ${c + 1} of ${cells}`);
      ts.skipCommas();
      if (k > outcomes.length) throw new InputError(`outcome ${k} does not exist (there are ${outcomes.length})`, { place: ts.place(t), expected: `0 to ${outcomes.length}` });
      payoffs.push(k === 0 ? zero : outcomes[k - 1]!.payoffs);
      outcomeLabels.push(k === 0 ? '' : outcomes[k - 1]!.label);
    }
  } else {
    for (let c = 0; c < cells; c++) {
      const row: Rational[] = [];
      for (let i = 0; i < n; i++) {
        ts.skipCommas();
        row.push(ts.expectRational(`payoff ${i + 1} of profile ${c + 1} of ${cells}`));
      }
      payoffs.push(row);
    }
    ts.skipCommas();
  }
  if (!ts.is('eof')) ts.fail('the end of the file (all payoffs read)');
  return {
    kind: 'nfg',
    title,
    ...(comment !== undefined ? { comment } : {}),
    players,
    strategies,
    payoffs,
    ...(outcomeLabels ? { outcomeLabels } : {}),
  };
}

/** Writes the payoff-list version, or the outcome-list version when the game carries outcome labels. */
export function writeNfg(game: NormalFormGame): string {
  const numbered = game.strategies.every((s) => s.every((label, j) => label === String(j + 1)));
  const head = `NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`;
  const comment = quote(game.comment ?? '');
  if (!game.outcomeLabels) {
    const strat = numbered
      ? `{ ${game.strategies.map((s) => s.length).join(' ')} }`
      : `\n{ ${game.strategies.map((s) => `{ ${s.map(quote).join(' ')} }`).join('\n  ')}\n}`;
    const body = game.payoffs.map((row) => row.map((x) => x.toString()).join(' ')).join(' ');
    return `${head} ${strat}\n${comment}\n\n${body}\n`;
  }
  const labels = game.outcomeLabels;
  const keyOf = (c: number): string => `${labels[c]}\u0000${game.payoffs[c]!.map((x) => x.toString()).join(',')}`;
  const outcomes: number[] = [];
  const indexOf = new Map<string, number>();
  const indices = game.payoffs.map((row, c) => {
    if (labels[c] === '' && row.every((x) => x.isZero())) return 0;
    const key = keyOf(c);
    let k = indexOf.get(key);
    if (k === undefined) {
      outcomes.push(c);
      k = outcomes.length;
      indexOf.set(key, k);
    }
    return k;
  });
  const strat = `{ ${game.strategies.map((s) => `{ ${s.map(quote).join(' ')} }`).join('\n  ')}\n}`;
  const outs = outcomes.map((c) => `{ ${quote(labels[c]!)} ${game.payoffs[c]!.map((x) => x.toString()).join(', ')} }`).join('\n');
  return `${head}\n\n${strat}\n${comment}\n\n{\n${outs}\n}\n${indices.join(' ')}\n`;
}
