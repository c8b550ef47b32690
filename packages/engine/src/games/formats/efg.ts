/**
 * Gambit `.efg` (extensive form, version 2) reader and writer.
 *
 * Source: Gambit manual, "The extensive game (.efg) file format". The file is a header
 *
 *   EFG 2 R "title" { "Player 1" "Player 2" } ["comment"]
 *
 * followed by the nodes of the tree in pre-order (depth first, children in action order):
 *
 *   p "node" player infoset ["infoset label" [{ "a1" "a2" ... }]] outcome ["outcome label" [{ u1 u2 ... }]]
 *   c "node" infoset ["infoset label" [{ "a1" prob1 "a2" prob2 ... }]] outcome [...]
 *   t "node" outcome ["outcome label" [{ u1 u2 ... }]]
 *
 * A decision node has one child per action of its information set. The action list (and a chance
 * node's probabilities) need only be given where the information set first appears; an outcome's
 * label and payoffs need only be given where it first appears. Outcome 0 means "no outcome".
 */
import { InputError } from '../../errors';
import { Rational, sumRationals } from '../../numeric/rational';
import { CHANCE, type ExtensiveFormGame, type GameNode, type Infoset, type Outcome } from '../types';
import { checkLimit, checkTextSize } from './input-limits';
import { TokenStream, quote, readGambitHeader } from './tokenizer';

interface MutableInfoset {
  number: number;
  player: number;
  label: string;
  actions: string[] | undefined;
  probabilities: Rational[] | undefined;
}

interface MutableOutcome {
  number: number;
  label: string;
  payoffs: Rational[] | undefined;
}

export function parseEfg(text: string, fileName = '<input>'): ExtensiveFormGame {
  checkTextSize(text, fileName);
  const ts = TokenStream.of(text, fileName);
  const { title, players } = readGambitHeader(ts, 'EFG', '2');
  let comment: string | undefined;
  if (ts.is('string')) comment = ts.next().text || undefined;

  const infosets: MutableInfoset[] = [];
  const infosetIndex = new Map<number, Map<number, number>>();
  const outcomes: MutableOutcome[] = [];
  const outcomeIndex = new Map<number, number>();
  const outcomeFirstPlace = new Map<number, string>();
  type MutableNode = { type: GameNode['type']; label: string; infoset?: number; children?: number[]; outcome?: number };
  const nodes: MutableNode[] = [];
  const withOutcome = (node: MutableNode, outcome: number | undefined): MutableNode => {
    if (outcome !== undefined) node.outcome = outcome;
    return node;
  };
  // Stack of decision/chance nodes still waiting for children.
  const open: { node: number; remaining: number }[] = [];

  const readOutcome = (): number | undefined => {
    const tok = ts.peek();
    const number = ts.expectInteger('an outcome number (0 for none)');
    let label: string | undefined;
    let payoffs: Rational[] | undefined;
    if (ts.is('string') || ts.is('lbrace')) {
      if (ts.is('string')) label = ts.next().text;
      if (ts.accept('lbrace')) {
        payoffs = [];
        ts.skipCommas();
        while (ts.is('number')) {
          payoffs.push(ts.expectRational('a payoff'));
          ts.skipCommas();
        }
        const close = ts.peek();
        ts.expect('rbrace', 'a payoff or "}"');
        if (payoffs.length !== players.length) {
          throw new InputError(`outcome ${number} has ${payoffs.length} payoffs for ${players.length} players`, {
            place: ts.place(close),
            expected: `${players.length} payoffs`,
          });
        }
      }
    }
    if (number === 0) {
      if (payoffs) throw new InputError('outcome 0 means "no outcome" and cannot have payoffs', { place: ts.place(tok), expected: 'a positive outcome number' });
      return undefined;
    }
    let idx = outcomeIndex.get(number);
    if (idx === undefined) {
      idx = outcomes.length;
      outcomes.push({ number, label: label ?? '', payoffs });
      outcomeIndex.set(number, idx);
      if (!payoffs) outcomeFirstPlace.set(number, ts.place(tok));
    } else {
      const o = outcomes[idx]!;
      if (payoffs) {
        if (o.payoffs && !o.payoffs.every((p, k) => p.eq(payoffs[k]!))) {
          throw new InputError(`outcome ${number} is given different payoffs than before`, { place: ts.place(tok), expected: 'the same payoffs' });
        }
        o.payoffs ??= payoffs;
        if (label !== undefined && o.label === '') o.label = label;
      }
    }
    return idx;
  };

  const readInfoset = (player: number, isChance: boolean): number => {
    const tok = ts.peek();
    const number = ts.expectInteger(isChance ? 'a chance information set number' : 'an information set number');
    let byNumber = infosetIndex.get(player);
    if (!byNumber) infosetIndex.set(player, (byNumber = new Map()));
    let label: string | undefined;
    let actions: string[] | undefined;
    let probabilities: Rational[] | undefined;
    if (ts.is('string') || ts.is('lbrace')) {
      if (ts.is('string')) label = ts.next().text;
      if (ts.accept('lbrace')) {
        actions = [];
        if (isChance) probabilities = [];
        while (ts.is('string')) {
          checkLimit(actions.length + 1, 'maxStrategiesPerPlayer', `actions of information set ${number}`, ts.place());
          actions.push(ts.next().text);
          if (isChance) {
            ts.skipCommas();
            probabilities!.push(ts.expectRational('the probability of a chance action'));
          }
          ts.skipCommas();
        }
        ts.expect('rbrace', isChance ? 'an action name with its probability, or "}"' : 'an action name or "}"');
        if (actions.length === 0) throw new InputError('an information set needs at least one action', { place: ts.place(tok), expected: 'action names' });
        if (probabilities) {
          const total = sumRationals(probabilities);
          if (!total.eq(Rational.ONE) || probabilities.some((p) => p.sign() < 0)) {
            const negative = probabilities.find((p) => p.sign() < 0);
            const found = negative ? `one is ${negative.toString()}` : `they sum to ${total.toString()}`;
            throw new InputError(`chance probabilities must be non-negative and sum to 1 (${found})`, {
              place: ts.place(tok),
              expected: 'probabilities summing to 1',
            });
          }
        }
      }
    }
    let idx = byNumber.get(number);
    if (idx === undefined) {
      if (!actions) throw new InputError(`information set ${number} appears for the first time without its actions`, { place: ts.place(tok), expected: 'an infoset label and { actions }' });
      idx = infosets.length;
      infosets.push({ number, player, label: label ?? '', actions, probabilities });
      byNumber.set(number, idx);
    } else if (actions) {
      const s = infosets[idx]!;
      const same =
        s.actions!.length === actions.length &&
        s.actions!.every((a, k) => a === actions[k]) &&
        (!probabilities || probabilities.every((p, k) => p.eq(s.probabilities![k]!)));
      if (!same) throw new InputError(`information set ${number} is redeclared with different actions`, { place: ts.place(tok), expected: 'the same actions as before' });
    }
    return idx;
  };

  while (!ts.is('eof')) {
    if (nodes.length > 0 && open.length === 0) ts.fail('the end of the file (the tree is complete)');
    const kindTok = ts.peek();
    if (kindTok.kind !== 'word' || !['p', 'c', 't'].includes(kindTok.text)) ts.fail('a node ("p", "c" or "t")');
    checkLimit(nodes.length + 1, 'maxTreeNodes', 'nodes', ts.place(kindTok));
    ts.next();
    const label = ts.expectString('the node label (a quoted string)');
    const index = nodes.length;
    if (open.length > 0) {
      const top = open[open.length - 1]!;
      nodes[top.node]!.children!.push(index);
      top.remaining--;
      if (top.remaining === 0) open.pop();
    }
    if (kindTok.text === 't') {
      const outcome = readOutcome();
      nodes.push(withOutcome({ type: 'terminal', label }, outcome));
    } else if (kindTok.text === 'p') {
      const playerTok = ts.peek();
      const player = ts.expectInteger('a player number');
      if (player < 1 || player > players.length) {
        throw new InputError(`player ${player} does not exist (the game has ${players.length})`, { place: ts.place(playerTok), expected: `a player number from 1 to ${players.length}` });
      }
      const infoset = readInfoset(player - 1, false);
      const outcome = readOutcome();
      nodes.push(withOutcome({ type: 'decision', label, infoset, children: [] }, outcome));
      open.push({ node: index, remaining: infosets[infoset]!.actions!.length });
    } else {
      const infoset = readInfoset(CHANCE, true);
      const outcome = readOutcome();
      nodes.push(withOutcome({ type: 'chance', label, infoset, children: [] }, outcome));
      open.push({ node: index, remaining: infosets[infoset]!.actions!.length });
    }
  }
  if (nodes.length === 0) ts.fail('a node ("p", "c" or "t")');
  if (open.length > 0) ts.fail(`${open[open.length - 1]!.remaining} more child node(s)`);
  for (const o of outcomes) {
    if (!o.payoffs) {
      throw new InputError(`outcome ${o.number} is used but its payoffs are never given`, { place: outcomeFirstPlace.get(o.number), expected: 'payoffs { ... }' });
    }
  }

  const game: ExtensiveFormGame = {
    kind: 'efg',
    title,
    ...(comment !== undefined ? { comment } : {}),
    players,
    // Built in their final shape above: terminal nodes have no infoset/children, others have both.
    nodes: nodes as GameNode[],
    infosets: infosets.map(
      (s): Infoset => ({
        number: s.number,
        player: s.player,
        label: s.label,
        actions: s.actions!,
        ...(s.probabilities ? { probabilities: s.probabilities } : {}),
      }),
    ),
    outcomes: outcomes.map((o): Outcome => ({ number: o.number, label: o.label, payoffs: o.payoffs! })),
  };
  return game;
}

/** Writes a game in Gambit's `.efg` format, giving actions and payoffs at every node (as Gambit does). */
export function writeEfg(game: ExtensiveFormGame): string {
  const lines: string[] = [];
  lines.push(`EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`);
  lines.push(quote(game.comment ?? ''));
  lines.push('');
  const outcomeText = (idx: number | undefined): string => {
    if (idx === undefined) return '0';
    const o = game.outcomes[idx]!;
    return `${o.number} ${quote(o.label)} { ${o.payoffs.map((p) => p.toString()).join(', ')} }`;
  };
  const stack = [0];
  const order: number[] = [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    const node = game.nodes[id]!;
    if (node.type !== 'terminal') for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  for (const id of order) {
    const node = game.nodes[id]!;
    if (node.type === 'terminal') {
      lines.push(`t ${quote(node.label)} ${outcomeText(node.outcome)}`);
    } else {
      const s = game.infosets[node.infoset]!;
      if (node.type === 'chance') {
        const acts = s.actions.map((a, k) => `${quote(a)} ${s.probabilities![k]!.toString()}`).join(' ');
        lines.push(`c ${quote(node.label)} ${s.number} ${quote(s.label)} { ${acts} } ${outcomeText(node.outcome)}`);
      } else {
        lines.push(`p ${quote(node.label)} ${s.player + 1} ${s.number} ${quote(s.label)} { ${s.actions.map(quote).join(' ')} } ${outcomeText(node.outcome)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
