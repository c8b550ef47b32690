/**
 * Brink's JSON form of games (documented in docs/games.md), validated with zod.
 *
 * The JSON mirrors games/types.ts; exact numbers are strings ("3/5", "-2", "0.35") or JSON
 * numbers (read through their decimal text, so 0.1 is 1/10 exactly). `gameJsonSchema()` exports
 * a JSON Schema of the format. Errors are `InputError`s with a JSON path as place.
 */
import { z } from 'zod';
import { InputError } from '../../errors';
import { Rational } from '../../numeric/rational';
import { CHANCE, type ExtensiveFormGame, type Game, type GameNode, type NormalFormGame } from '../types';
import { jsonTooDeepAt, LIMITS } from '../../limits';
import { checkLimit, checkTextSize } from './input-limits';

const RationalText = z
  .union([z.string(), z.number()])
  .describe('An exact number: "3/5", "-2", "0.35", or a JSON number (read as its decimal text)');

const NormalFormJson = z
  .object({
    kind: z.literal('nfg'),
    title: z.string(),
    comment: z.string().optional(),
    players: z.array(z.string()).min(1),
    strategies: z.array(z.array(z.string()).min(1)).describe("strategies[i]: player i's strategy labels"),
    payoffs: z.array(z.array(RationalText)).describe("payoffs[profile][player]; profile index = s0 + n0*(s1 + n1*(...)): player 1's strategy changes fastest"),
    outcomeLabels: z.array(z.string()).optional(),
  })
  .strict();

const NodeJson = z
  .object({
    type: z.enum(['decision', 'chance', 'terminal']),
    label: z.string(),
    infoset: z.number().int().min(0).optional().describe('index into infosets (decision and chance nodes)'),
    children: z.array(z.number().int().min(0)).optional().describe('node indices, one per action'),
    outcome: z.number().int().min(0).optional().describe('index into outcomes'),
  })
  .strict();

const ExtensiveFormJson = z
  .object({
    kind: z.literal('efg'),
    title: z.string(),
    comment: z.string().optional(),
    players: z.array(z.string()).min(1),
    nodes: z.array(NodeJson).min(1).describe('in pre-order; node 0 is the root'),
    infosets: z.array(
      z
        .object({
          number: z.number().int().min(1),
          player: z.number().int().min(CHANCE).describe('0-based player, or -1 for chance'),
          label: z.string(),
          actions: z.array(z.string()).min(1),
          probabilities: z.array(RationalText).optional(),
        })
        .strict(),
    ),
    outcomes: z.array(z.object({ number: z.number().int().min(1), label: z.string(), payoffs: z.array(RationalText) }).strict()),
  })
  .strict();

export const GameJsonSchema = z.discriminatedUnion('kind', [NormalFormJson, ExtensiveFormJson]);
export type GameJson = z.infer<typeof GameJsonSchema>;

/** The JSON Schema (draft 2020-12) of Brink's game JSON. */
export function gameJsonSchema(): unknown {
  return z.toJSONSchema(GameJsonSchema);
}

function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function num(value: string | number, place: string): Rational {
  const r = Rational.tryParse(typeof value === 'number' ? String(value) : value);
  if (!r) throw new InputError(`not an exact number: ${JSON.stringify(value)}`, { place, expected: 'a number such as "3/5" or "0.35"' });
  return r;
}

export function gameFromJson(data: unknown, fileName?: string): Game {
  const prefix = fileName ? `${fileName}:` : '';
  checkJsonSizes(data, prefix);
  const parsed = GameJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { place: prefix + jsonPath(issue.path), expected: 'Brink game JSON (see docs/games.md)' });
  }
  const g = parsed.data;
  const fail = (message: string, path: string, expected: string): never => {
    throw new InputError(message, { place: prefix + path, expected });
  };
  if (g.kind === 'nfg') {
    if (g.strategies.length !== g.players.length) fail(`${g.strategies.length} strategy lists for ${g.players.length} players`, '$.strategies', 'one list per player');
    const cells = g.strategies.reduce((p, s) => p * s.length, 1);
    checkLimit(cells, 'maxStrategyProfiles', `strategy profiles (${g.strategies.map((s) => s.length).join(' x ')})`, prefix + '$.strategies');
    if (g.payoffs.length !== cells) fail(`${g.payoffs.length} payoff rows for ${cells} profiles`, '$.payoffs', `${cells} rows`);
    if (g.outcomeLabels && g.outcomeLabels.length !== cells) fail(`${g.outcomeLabels.length} outcome labels for ${cells} profiles`, '$.outcomeLabels', `${cells} labels`);
    const game: NormalFormGame = {
      kind: 'nfg',
      title: g.title,
      ...(g.comment !== undefined ? { comment: g.comment } : {}),
      players: g.players,
      strategies: g.strategies,
      payoffs: g.payoffs.map((row, c) => {
        if (row.length !== g.players.length) fail(`${row.length} payoffs for ${g.players.length} players`, `$.payoffs[${c}]`, `${g.players.length} payoffs`);
        return row.map((v, i) => num(v, `${prefix}$.payoffs[${c}][${i}]`));
      }),
      ...(g.outcomeLabels ? { outcomeLabels: g.outcomeLabels } : {}),
    };
    return game;
  }
  const n = g.players.length;
  const outcomes = g.outcomes.map((o, k) => {
    if (o.payoffs.length !== n) fail(`${o.payoffs.length} payoffs for ${n} players`, `$.outcomes[${k}].payoffs`, `${n} payoffs`);
    return { number: o.number, label: o.label, payoffs: o.payoffs.map((v, i) => num(v, `${prefix}$.outcomes[${k}].payoffs[${i}]`)) };
  });
  const infosets = g.infosets.map((s, k) => {
    if (s.player >= n) fail(`player ${s.player} does not exist`, `$.infosets[${k}].player`, `-1 (chance) or 0..${n - 1}`);
    if (s.player === CHANCE) {
      if (!s.probabilities || s.probabilities.length !== s.actions.length) fail('a chance information set needs one probability per action', `$.infosets[${k}].probabilities`, `${s.actions.length} probabilities`);
      const probs = s.probabilities!.map((v, a) => num(v, `${prefix}$.infosets[${k}].probabilities[${a}]`));
      const total = probs.reduce((acc, p) => acc.add(p), Rational.ZERO);
      if (!total.eq(Rational.ONE) || probs.some((p) => p.sign() < 0)) fail('chance probabilities must be non-negative and sum to 1', `$.infosets[${k}].probabilities`, 'probabilities summing to 1');
      return { number: s.number, player: s.player, label: s.label, actions: s.actions, probabilities: probs };
    }
    if (s.probabilities) fail('only chance information sets have probabilities', `$.infosets[${k}].probabilities`, 'no probabilities');
    return { number: s.number, player: s.player, label: s.label, actions: s.actions };
  });
  // Nodes: check types, references and pre-order.
  const nodes: GameNode[] = g.nodes.map((node, id) => {
    const path = `$.nodes[${id}]`;
    if (node.outcome !== undefined && node.outcome >= outcomes.length) fail(`outcome ${node.outcome} does not exist`, `${path}.outcome`, `0..${outcomes.length - 1}`);
    const outcome = node.outcome !== undefined ? { outcome: node.outcome } : {};
    if (node.type === 'terminal') {
      if (node.children?.length || node.infoset !== undefined) fail('a terminal node has no infoset or children', path, 'no infoset, no children');
      return { type: 'terminal', label: node.label, ...outcome };
    }
    if (node.infoset === undefined || node.infoset >= infosets.length) fail('missing or unknown information set', `${path}.infoset`, `0..${infosets.length - 1}`);
    const s = infosets[node.infoset!]!;
    if ((s.player === CHANCE) !== (node.type === 'chance')) fail(`a ${node.type} node cannot be in information set ${node.infoset}`, `${path}.infoset`, `an infoset of a ${node.type === 'chance' ? 'chance' : 'player'}`);
    const children = node.children ?? [];
    if (children.length !== s.actions.length) fail(`${children.length} children for ${s.actions.length} actions`, `${path}.children`, `${s.actions.length} children`);
    return { type: node.type, label: node.label, infoset: node.infoset!, children, ...outcome };
  });
  // Pre-order: a depth-first walk from the root must meet the nodes in index order, each once.
  const order: number[] = [];
  const walk = [0];
  while (walk.length > 0) {
    const id = walk.pop()!;
    if (id >= nodes.length) fail(`child ${id} does not exist`, '$.nodes', 'node indices in range');
    order.push(id);
    if (order.length > nodes.length) fail('the nodes do not form a tree', '$.nodes', 'a tree in pre-order');
    const node = nodes[id]!;
    if (node.type !== 'terminal') for (let k = node.children.length - 1; k >= 0; k--) walk.push(node.children[k]!);
  }
  order.forEach((id, k) => {
    if (id !== k) fail(`the nodes are not in pre-order (node ${id} is visited in position ${k})`, `$.nodes[${id}]`, 'nodes listed depth first, children in action order');
  });
  if (order.length !== nodes.length) fail(`${nodes.length - order.length} node(s) are not reachable from the root`, '$.nodes', 'a tree in pre-order');
  const game: ExtensiveFormGame = {
    kind: 'efg',
    title: g.title,
    ...(g.comment !== undefined ? { comment: g.comment } : {}),
    players: g.players,
    nodes,
    infosets,
    outcomes,
  };
  return game;
}

/**
 * The limits on the parsed document, before the schema walks it: players, strategies per player,
 * nodes, actions per information set (arrays the readers would copy or iterate).
 */
function checkJsonSizes(data: unknown, prefix: string): void {
  if (typeof data !== 'object' || data === null) return;
  const d = data as Record<string, unknown>;
  const length = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
  checkLimit(length(d.players), 'maxPlayers', 'players', prefix + '$.players');
  if (Array.isArray(d.strategies)) {
    checkLimit(d.strategies.length, 'maxPlayers', 'strategy lists', prefix + '$.strategies');
    d.strategies.forEach((s, i) => checkLimit(length(s), 'maxStrategiesPerPlayer', `strategies of player ${i + 1}`, `${prefix}$.strategies[${i}]`));
  }
  checkLimit(length(d.payoffs), 'maxStrategyProfiles', 'payoff rows', prefix + '$.payoffs');
  checkLimit(length(d.nodes), 'maxTreeNodes', 'nodes', prefix + '$.nodes');
  if (Array.isArray(d.infosets)) {
    checkLimit(d.infosets.length, 'maxTreeNodes', 'information sets', prefix + '$.infosets');
    d.infosets.forEach((s, k) => {
      if (typeof s === 'object' && s !== null) checkLimit(length((s as Record<string, unknown>).actions), 'maxStrategiesPerPlayer', `actions of information set ${k}`, `${prefix}$.infosets[${k}].actions`);
    });
  }
  checkLimit(length(d.outcomes), 'maxTreeNodes', 'outcomes', prefix + '$.outcomes');
}

export function parseGameJson(text: string, fileName = '<input>'): Game {
  checkTextSize(text, fileName);
  const deep = jsonTooDeepAt(text, LIMITS.maxNestingDepth);
  if (deep) checkLimit(LIMITS.maxNestingDepth + 1, 'maxNestingDepth', 'nesting depth', `${fileName}:${deep.line}:${deep.col}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { place: `${fileName}:1:1`, expected: 'a JSON document' });
  }
  return gameFromJson(data, fileName);
}

/** The JSON form of a game (exact numbers as strings). */
export function gameToJson(game: Game): GameJson {
  if (game.kind === 'nfg') {
    return {
      kind: 'nfg',
      title: game.title,
      ...(game.comment !== undefined ? { comment: game.comment } : {}),
      players: [...game.players],
      strategies: game.strategies.map((s) => [...s]),
      payoffs: game.payoffs.map((row) => row.map((v) => v.toString())),
      ...(game.outcomeLabels ? { outcomeLabels: [...game.outcomeLabels] } : {}),
    };
  }
  return {
    kind: 'efg',
    title: game.title,
    ...(game.comment !== undefined ? { comment: game.comment } : {}),
    players: [...game.players],
    nodes: game.nodes.map((node) => ({
      type: node.type,
      label: node.label,
      ...(node.type !== 'terminal' ? { infoset: node.infoset, children: [...node.children] } : {}),
      ...(node.outcome !== undefined ? { outcome: node.outcome } : {}),
    })),
    infosets: game.infosets.map((s) => ({
      number: s.number,
      player: s.player,
      label: s.label,
      actions: [...s.actions],
      ...(s.probabilities ? { probabilities: s.probabilities.map((p) => p.toString()) } : {}),
    })),
    outcomes: game.outcomes.map((o) => ({ number: o.number, label: o.label, payoffs: o.payoffs.map((p) => p.toString()) })),
  };
}
