/**
 * Structural facts about an extensive-form tree, computed in linear time over the pre-order node
 * array (no recursion, so trees of any depth work).
 *
 * - `subtreeEnd[v]`: the subtree of v is the index range [v, subtreeEnd[v]) (pre-order property).
 * - `parent[v]`, `parentAction[v]`.
 * - Subgame roots (Selten 1965; Gambit's `IsSubgameRoot`): a non-terminal node v such that every
 *   information set met in v's subtree has all its members in that subtree. With the pre-order
 *   layout this is: min over the subtree of (first member of each infoset) >= v, and max over the
 *   subtree of (last member of each infoset) < subtreeEnd[v].
 * - `pathPayoff`: the sum of outcomes on the path from the root to a node, inclusive (Gambit lets
 *   outcomes sit on non-terminal nodes; they accumulate along the play).
 */
import { InputError } from '../../errors';
import type { ExtensiveFormGame } from '../types';

export interface TreeFacts {
  readonly subtreeEnd: Int32Array;
  readonly parent: Int32Array;
  readonly parentAction: Int32Array;
  readonly isSubgameRoot: Uint8Array;
}

const cache = new WeakMap<ExtensiveFormGame, TreeFacts>();

export function treeFacts(game: ExtensiveFormGame): TreeFacts {
  const hit = cache.get(game);
  if (hit) return hit;
  const n = game.nodes.length;
  if (n === 0) throw new InputError('the game tree has no nodes', { place: 'game' });
  const subtreeEnd = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentAction = new Int32Array(n).fill(-1);
  const nI = game.infosets.length;
  const firstMember = new Int32Array(nI).fill(n);
  const lastMember = new Int32Array(nI).fill(-1);
  for (let v = 0; v < n; v++) {
    const node = game.nodes[v]!;
    if (node.type === 'terminal') continue;
    const s = node.infoset;
    if (v < firstMember[s]!) firstMember[s] = v;
    if (v > lastMember[s]!) lastMember[s] = v;
    node.children.forEach((c, a) => {
      if (c <= v || c >= n) throw new InputError(`node ${v}: children must follow their parent in pre-order`, { place: `node ${v}` });
      parent[c] = v;
      parentAction[c] = a;
    });
  }
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const isSubgameRoot = new Uint8Array(n);
  for (let v = n - 1; v >= 0; v--) {
    const node = game.nodes[v]!;
    if (node.type === 'terminal') {
      subtreeEnd[v] = v + 1;
      lo[v] = n;
      hi[v] = -1;
      continue;
    }
    let l = firstMember[node.infoset]!;
    let h = lastMember[node.infoset]!;
    for (const c of node.children) {
      if (lo[c]! < l) l = lo[c]!;
      if (hi[c]! > h) h = hi[c]!;
    }
    lo[v] = l;
    hi[v] = h;
    subtreeEnd[v] = subtreeEnd[node.children[node.children.length - 1]!]!;
    if (l >= v && h < subtreeEnd[v]!) isSubgameRoot[v] = 1;
  }
  const facts = { subtreeEnd, parent, parentAction, isSubgameRoot };
  cache.set(game, facts);
  return facts;
}

/** True when every information set of a player has exactly one node (chance may be anywhere). */
export function isPerfectInformation(game: ExtensiveFormGame): boolean {
  const count = new Int32Array(game.infosets.length);
  for (const node of game.nodes) {
    if (node.type === 'decision' && ++count[node.infoset]! > 1) return false;
  }
  return true;
}
