/**
 * The deterrence models checked against what their sources publish (verification pass).
 *
 * Only the opening paragraphs of Perfect Deterrence's appendices (Cambridge Core chapter summaries)
 * and the papers' abstracts were reachable; the appendices' equilibrium lists and existence
 * conditions were not. So these tests check what those texts state: game forms, type
 * definitions, orderings, the RADG's y_H = 1, y_S = 0, and the book's headline claim that a more
 * credible response threat can make an attack more likely. See docs/deterrence.md, "Verification".
 *
 * Sources (addresses where the text was read):
 *  [A1] Z&K 2000, app. 1 "Deterrence models", pp. 311-322, summary:
 *       http://core-cms.prod.aop.cambridge.org/core/product/identifier/CBO9780511491788A075/type/BOOK_PART
 *  [A3] Z&K 2000, app. 3 "Rudimentary Asymmetric Deterrence Game", summary:
 *       https://homsy-staging.cambridgecore.org/core/books/abs/perfect-deterrence/rudimentary-asymmetric-deterrence-game/9D3034ADD258CD438C0D48A259AC0819
 *  [A8] Z&K 2000, app. 8 "Asymmetric Escalation Game: general version", pp. 365-383, summary:
 *       https://homsy-staging.cambridgecore.org/core/books/perfect-deterrence/asymmetric-escalation-game-general-version/994874E38DD3023F58BAA513FF052E6B
 *  [WP95] Z&K, "Assessing competing defense postures: the strategic implications of flexible
 *       response", World Politics 47(3):373-417, 1995, abstract:
 *       https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/22781995
 *  [ISQ93] abstract of the two-sided asymmetric deterrence paper (ISI record; we take it to be
 *       Z&K, "Asymmetric deterrence", ISQ 37(1), 1993, the basis of ch. 5):
 *       https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/42668695
 *  [AJPS91] Kilgour & Zagare, "Credibility, uncertainty, and deterrence", AJPS 35(2), 1991, abstract:
 *       https://discovery.researcher.life/article/credibility-uncertainty-and-deterrence/e0b0c377c454369bbd3c7fb3de81d979
 *  [CUP] Publisher's description of Perfect Deterrence:
 *       http://www.cambridge.org/us/catalogue/catalogue.asp?isbn=9780521787130
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aeg, aegReports, aegThresholds, aegParams } from './aeg';
import { radg, radgThreshold } from './radg';
import { udg } from './udg';
import { gmdg } from './gmdg';
import type { DeterrenceModel } from './model';
import { outcomeCode, type BuiltGame } from './efg-builder';
import { verifyAgainstEngine } from './verify';
import { isInputError } from '../errors';

// ---------------------------------------------------------------------------------------------
// Helpers: read the built game back (leaves and decision nodes, with the chance branch above them).

interface LeafInfo {
  branch: string;
  outcome: string;
  payoffs: number[];
  path: string[];
}
interface MoveInfo {
  branch: string;
  player: number;
  infoset: string;
  actions: readonly string[];
  path: string[];
}

function readGame(game: BuiltGame): { branchProb: Record<string, number>; leaves: LeafInfo[]; moves: MoveInfo[] } {
  const root = game.nodes[0]!;
  if (root.type !== 'chance') throw new Error('expected a chance move at the root');
  const chance = game.infosets[root.infoset]!;
  const branchProb: Record<string, number> = {};
  const leaves: LeafInfo[] = [];
  const moves: MoveInfo[] = [];
  const visit = (n: number, branch: string, path: string[]): void => {
    const node = game.nodes[n]!;
    if (node.type === 'terminal') {
      const o = game.outcomes[node.outcome!]!;
      leaves.push({ branch, outcome: outcomeCode(o.label), payoffs: o.payoffs.map((x) => x.toNumber()), path });
      return;
    }
    const s = game.infosets[node.infoset]!;
    moves.push({ branch, player: s.player, infoset: game.infosetKeys[node.infoset]!, actions: s.actions, path });
    node.children.forEach((c, j) => visit(c, branch, [...path, s.actions[j]!]));
  };
  root.children.forEach((c, j) => {
    const label = chance.actions[j]!;
    branchProb[label] = chance.probabilities![j]!.toNumber();
    visit(c, label, []);
  });
  return { branchProb, leaves, moves };
}

function placeOfError(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return (e as { place?: string }).place;
  }
  return 'no error';
}

const adjacent = (...names: string[]) => names.slice(1).map((hi, i) => `${names[i]} < ${hi}`);
const orderingSet = (m: DeterrenceModel) => new Set(m.orderings.map(([lo, hi]) => `${lo} < ${hi}`));

/** Every published adjacent pair is enforced: raising the lower one to the upper one's value names that pair. */
function expectEnforced(model: DeterrenceModel, pairs: string[]): void {
  const defaults = Object.fromEntries(model.parameters.map((s) => [s.name, s.default]));
  for (const pair of pairs) {
    const [lo, hi] = pair.split(' < ') as [string, string];
    expect(placeOfError(() => model.solve({ [lo]: defaults[hi]! }, { fast: true }))).toBe(pair);
  }
}

// ---------------------------------------------------------------------------------------------

describe('Asymmetric Escalation Game: game form and types as published ([A8] p. 365, [WP95] abstract)', () => {
  // [A8]: "cEE- < cDE < cEE+ < cDD < cED < cSQ < cDC, and dEE- < dED < dEE+ < dDD- < dDC < dDD+ < dDE < dSQ".
  const published = [
    ...adjacent('c_EE_soft', 'c_DE', 'c_EE_hard', 'c_DD', 'c_ED', 'c_SQ', 'c_DC'),
    ...adjacent('d_EE_soft', 'd_ED', 'd_EE_hard', 'd_DD_soft', 'd_DC', 'd_DD_hard', 'd_DE', 'd_SQ'),
  ];

  it('assumes exactly the two published ordering chains, and rejects each violated pair by name', () => {
    expect(orderingSet(aeg)).toEqual(new Set(published));
    expectEnforced(aeg, published);
  });

  it('types: Challenger Hard (c_EE_hard) with p_Ch; Defender HH/HS/SH/SS = tactical letter, then strategic ([A8])', () => {
    // [A8]: "Challenger is strategically Hard, i.e., Challenger's utility for outcome EE is cEE+, with
    // probability pCh"; "Defender is strategically Hard when its utility for outcome EE is dEE+ ...
    // tactically Hard, with utility dDD+ for outcome DD"; "with probability pHS, Defender is
    // tactically Hard but strategically Soft; with probability pSH, Defender is tactically Soft but
    // strategically Hard".
    const given = { p_Ch: 0.3, p_HH: 0.1, p_HS: 0.2, p_SH: 0.3, p_SS: 0.4 };
    const p = aegParams(given);
    const { branchProb, leaves } = readGame(aeg.build(given) as BuiltGame);
    const defType = { HH: p.p_HH!, HS: p.p_HS!, SH: p.p_SH!, SS: p.p_SS! };
    expect(Object.keys(branchProb)).toHaveLength(8);
    for (const [label, prob] of Object.entries(branchProb)) {
      const m = /^Ch([HS])\/Def([HS])([HS])$/.exec(label)!;
      const [, ch, tactical, strategic] = m;
      expect(prob).toBeCloseTo((ch === 'H' ? p.p_Ch! : 1 - p.p_Ch!) * defType[`${tactical}${strategic}` as keyof typeof defType], 12);
      const here = leaves.filter((l) => l.branch === label);
      for (const l of here.filter((x) => x.outcome === 'EE')) {
        expect(l.payoffs[0]).toBe(ch === 'H' ? p.c_EE_hard : p.c_EE_soft);
        expect(l.payoffs[1]).toBe(strategic === 'H' ? p.d_EE_hard : p.d_EE_soft);
      }
      for (const l of here.filter((x) => x.outcome === 'DD')) expect(l.payoffs[1]).toBe(tactical === 'H' ? p.d_DD_hard : p.d_DD_soft);
    }
  });

  it('moves: Defender may do nothing, respond in kind or escalate; Challenger may then escalate or counter-escalate ([WP95])', () => {
    const { moves, leaves } = readGame(aeg.build({}) as BuiltGame);
    const at = (path: string) => moves.filter((m) => m.path.join('') === path);
    for (const m of at('')) expect([m.player, m.actions]).toEqual([0, ['C', 'D']]);
    for (const m of at('D')) expect([m.player, m.actions]).toEqual([1, ['C', 'D', 'E']]);
    for (const m of at('DD')) expect([m.player, m.actions]).toEqual([0, ['D', 'E']]);
    for (const m of at('DE')) expect([m.player, m.actions]).toEqual([0, ['D', 'E']]);
    for (const m of at('DDE')) expect([m.player, m.actions]).toEqual([1, ['D', 'E']]);
    // Outcome codes: the Challenger's level, then the Defender's.
    const codeOf = (path: string) => new Set(leaves.filter((l) => l.path.join('') === path).map((l) => l.outcome));
    expect(codeOf('C')).toEqual(new Set(['SQ']));
    expect(codeOf('DC')).toEqual(new Set(['DC']));
    expect(codeOf('DDD')).toEqual(new Set(['DD']));
    expect(codeOf('DDED')).toEqual(new Set(['ED']));
    expect(codeOf('DDEE')).toEqual(new Set(['EE']));
    expect(codeOf('DED')).toEqual(new Set(['DE']));
    expect(codeOf('DEE')).toEqual(new Set(['EE']));
  });

  it('incomplete information: no player observes the other\'s type ([A8], [WP95] "each player is uncertain about the other\'s intentions")', () => {
    const { moves } = readGame(aeg.build({}) as BuiltGame);
    for (const player of [0, 1]) {
      const byInfoset = new Map<string, Set<string>>();
      for (const m of moves.filter((x) => x.player === player)) {
        const other = player === 0 ? m.branch.split('/')[1]! : m.branch.split('/')[0]!;
        byInfoset.set(m.infoset, (byInfoset.get(m.infoset) ?? new Set()).add(other));
      }
      // Every information set of a player spans all the other player's types.
      for (const others of byInfoset.values()) expect(others.size).toBe(player === 0 ? 4 : 2);
    }
  });
});

describe('Asymmetric Escalation Game: "credible threats to respond to attack can sometimes make an attack more likely, and incredible response threats can sometimes promote peace" ([CUP])', () => {
  // The publisher's summary of the book's conclusions, not a numerical result. Here: raising the
  // Defender's tactical credibility p_HH + p_HS (p_HS up from p_SS, strategic credibility p_HH + p_SH
  // fixed) lowers the Challenger's belief after a response in kind, q = p_HH / (p_HH + p_HS), below
  // q_hard; a Hard Challenger would then escalate after a limited response, so the tactically Hard
  // but strategically Soft Defender concedes instead, and the Deterrence Equilibrium disappears. With the defaults q_hard = (c_ED - c_DD)/(c_ED - c_EE_hard) = 1/2,
  // so at p_HH = 0.3 the switch is at p_HS = 0.3.
  const base = { p_Ch: 0.5, p_HH: 0.3, p_SH: 0.05 };
  const lessCredible = { ...base, p_HS: 0.25, p_SS: 0.4 };
  const moreCredible = { ...base, p_HS: 0.35, p_SS: 0.3 };

  it('the switch sits where q = p_HH/(p_HH + p_HS) crosses q_hard', () => {
    const q_hard = aegThresholds(aegParams({})).q_hard;
    expect(q_hard).toBeCloseTo(0.5, 12);
    expect(0.3 / (0.3 + 0.25)).toBeGreaterThan(q_hard);
    expect(0.3 / (0.3 + 0.35)).toBeLessThan(q_hard);
  });

  it('a less credible limited response deters for sure; a more credible one does not', () => {
    const low = aegReports(lessCredible).equilibria;
    const high = aegReports(moreCredible).equilibria;
    expect(low.map((e) => e.kind)).toEqual(['Deterrence Equilibrium']);
    expect(low[0]!.outcomes).toEqual({ SQ: 1 });
    expect(high.length).toBeGreaterThan(0);
    for (const e of high) expect(e.outcomes.SQ ?? 0).toBeLessThan(0.5);
  });

  it('the game engine agrees at both points (pure perfect Bayesian equilibria of the built game)', () => {
    for (const params of [lessCredible, moreCredible]) {
      const v = verifyAgainstEngine('aeg', params);
      for (const r of v.reported) {
        expect(r.maxGain).toBeLessThanOrEqual(1e-7);
        expect(r.sequentialFailures).toEqual([]);
      }
      for (const k of v.enginePure) expect(v.closedFormAll).toContain(k);
      // Deterrence (SQ for sure) is a pure perfect Bayesian equilibrium of the built game at the
      // first point and not at the second (under the off-path belief rule of aeg.ts).
      expect(v.enginePure.includes(JSON.stringify({ SQ: 1 }))).toBe(params === lessCredible);
    }
  });
});

describe('Rudimentary Asymmetric Deterrence Game ([A3])', () => {
  it('assumes the published orderings aDD < aSQ < aDC and bDD- < bDC < bDD+ < bSQ', () => {
    const published = [...adjacent('a_DD', 'a_SQ', 'a_DC'), ...adjacent('b_DD_soft', 'b_DC', 'b_DD_hard', 'b_SQ')];
    expect(orderingSet(radg)).toEqual(new Set(published));
    expectEnforced(radg, published);
  });

  it('"B is Hard, i.e. B\'s utility for outcome DD is bDD+, with probability pB"; one type of A', () => {
    const p = { p_B: 0.35 };
    const { branchProb, leaves, moves } = readGame(radg.build(p) as BuiltGame);
    expect(branchProb).toEqual({ Hard: 0.35, Soft: 0.65 });
    const dd = (b: string) => leaves.find((l) => l.branch === b && l.outcome === 'DD')!.payoffs[1];
    expect(dd('Hard')).toBe(0.7);
    expect(dd('Soft')).toBe(0);
    expect(new Set(moves.filter((m) => m.player === 0).map((m) => m.infoset)).size).toBe(1);
  });

  it('"yH = 1 and yS = 0 at any Bayesian equilibrium"; A demands iff p_B < c_A (property over the orderings)', () => {
    const ordered = (n: number) => fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }).map((a) => {
      const s = [...new Set(a)].sort((x, y) => x - y);
      return s.length === n ? s.map((v) => v / 1000) : null;
    });
    fc.assert(
      fc.property(ordered(3), ordered(4), fc.integer({ min: 1, max: 99 }), (a, b, pb) => {
        if (a === null || b === null) return;
        const params = { a_DD: a[0]!, a_SQ: a[1]!, a_DC: a[2]!, b_DD_soft: b[0]!, b_DC: b[1]!, b_DD_hard: b[2]!, b_SQ: b[3]!, p_B: pb / 100 };
        const res = radg.solve(params);
        for (const e of res.equilibria) {
          expect(e.strategies.y_H).toBe(1);
          expect(e.strategies.y_S).toBe(0);
        }
        const cA = radgThreshold(params);
        const demand = res.equilibria.some((e) => (e.outcomes.SQ ?? 0) < 1);
        if (Math.abs(params.p_B - cA) > 1e-9) expect(demand).toBe(params.p_B < cA);
        // The engine's pure perfect Bayesian equilibria are among the closed form's.
        const v = verifyAgainstEngine('radg', params);
        for (const k of v.enginePure) expect(v.closedFormAll).toContain(k);
      }),
      { seed: 20261127, numRuns: 40 },
    );
  });
});

describe('Unilateral Deterrence Game: game form of the two-sided asymmetric deterrence model ([ISQ93] abstract; Z&K 2000 ch. 5, app. 5 per [A1])', () => {
  // [ISQ93]: "each player either prefers to fight rather than back down or prefers the reverse. A
  // player knows its own preference, but is uncertain of its adversary's. The challenger may choose
  // to accept the status quo or initiate a crisis; in the latter case, the defender may capitulate
  // or defend; if it defends, the challenger must either back down or face a situation of open conflict."
  it('moves and outcomes: C -> SQ; D then C -> DC; D, D then C -> CD (Challenger backs down), D -> DD (conflict)', () => {
    const { moves, leaves } = readGame(udg.build({}) as BuiltGame);
    const at = (path: string) => moves.filter((m) => m.path.join('') === path);
    for (const m of at('')) expect([m.player, m.actions]).toEqual([0, ['C', 'D']]);
    for (const m of at('D')) expect([m.player, m.actions]).toEqual([1, ['C', 'D']]);
    for (const m of at('DD')) expect([m.player, m.actions]).toEqual([0, ['C', 'D']]);
    const codes = Object.fromEntries(leaves.map((l) => [l.path.join(''), l.outcome]));
    expect(codes).toEqual({ C: 'SQ', DC: 'DC', DDC: 'CD', DDD: 'DD' });
  });

  it('Hard means preferring to fight: Hard Challenger c_DD_hard > c_CD > c_DD_soft; Hard Defender d_DD_hard > d_DC > d_DD_soft', () => {
    const published = ['c_DD_soft < c_CD', 'c_CD < c_DD_hard', 'd_DD_soft < d_DC', 'd_DC < d_DD_hard'];
    for (const pair of published) expect(orderingSet(udg).has(pair)).toBe(true);
    expectEnforced(udg, published);
  });

  it('two-sided incomplete information: each player knows its own type only', () => {
    const { moves, branchProb } = readGame(udg.build({ p_Ch: 0.3, p_Def: 0.6 }) as BuiltGame);
    expect(branchProb['ChH/DefH']).toBeCloseTo(0.18, 12);
    expect(branchProb['ChS/DefS']).toBeCloseTo(0.28, 12);
    for (const player of [0, 1]) {
      const spans = new Map<string, Set<string>>();
      for (const m of moves.filter((x) => x.player === player)) {
        const [ch, def] = m.branch.split('/') as [string, string];
        spans.set(m.infoset, (spans.get(m.infoset) ?? new Set()).add(player === 0 ? def : ch));
        // ... and its own type is known: the information set names it.
        expect(m.infoset.startsWith(player === 0 ? ch : def)).toBe(true);
      }
      for (const s of spans.values()) expect(s.size).toBe(2);
    }
  });
});

describe('Generalized Mutual Deterrence Game: credibility as published ([AJPS91] abstract)', () => {
  // [AJPS91]: "a game of incomplete information in which each player is uncertain about its
  // opponent's preferences should it unilaterally alter the status quo ... identifying the
  // credibility of each player's retaliatory threat with the probability that a player prefers
  // retaliation to capitulation".
  it('p_A, p_B are the probabilities of preferring retaliation (DD) to capitulation', () => {
    const published = ['a_CD < a_DD_hard', 'a_DD_soft < a_CD', 'b_DC < b_DD_hard', 'b_DD_soft < b_DC'];
    for (const pair of published) expect(orderingSet(gmdg).has(pair)).toBe(true);
    expectEnforced(gmdg, published);
    const { branchProb } = readGame(gmdg.build({ p_A: 0.2, p_B: 0.7 }) as BuiltGame);
    expect(branchProb['AH/BH']).toBeCloseTo(0.14, 12);
    expect(branchProb['AS/BS']).toBeCloseTo(0.24, 12);
  });

  it('both players can alter the status quo, and the other then chooses between capitulation and retaliation', () => {
    const { moves, leaves } = readGame(gmdg.build({}) as BuiltGame);
    const codes = Object.fromEntries(leaves.map((l) => [l.path.join(''), l.outcome]));
    // A alters the status quo (D): B capitulates (DC) or retaliates (DD).
    expect(codes.DC).toBe('DC');
    expect(codes.DD).toBe('DD');
    // A keeps it (C); B alters it (D): A capitulates (CD) or retaliates (DD).
    expect(codes.CC).toBe('SQ');
    expect(codes.CDC).toBe('CD');
    expect(codes.CDD).toBe('DD');
    expect(moves.filter((m) => m.path.join('') === 'C').every((m) => m.player === 1)).toBe(true);
  });
});

describe('The first three models share one conflict outcome DD and C/D strategies ([A1] p. 311)', () => {
  // [A1]: "In the first three models, there is one outcome, DD, representing Conflict. In these
  // models, strategies are denoted C and D; generally, C strategies represent acceptance of the
  // Status Quo (or willingness to accept it), and D strategies represent willingness (or threats)
  // to fight to overturn the Status Quo." The appendix order (3-8) is RADG, GMDG, UDG, AEG.
  for (const model of [radg, gmdg, udg]) {
    it(`${model.id}: outcomes include SQ and DD; every move is C or D`, () => {
      expect(model.outcomes).toContain('SQ');
      expect(model.outcomes).toContain('DD');
      const { moves } = readGame(model.build({}) as BuiltGame);
      for (const m of moves) expect(m.actions).toEqual(['C', 'D']);
    });
  }
});
