/**
 * Herman Kahn's escalation ladder (On Escalation: Metaphors and Scenarios, Praeger 1965, p. 39;
 * reproduced in P. K. Davis and P. J. E. Stan, "Concepts and Models of Escalation", RAND R-3235,
 * 1984, fig. 2): 44 rungs in 7 groups separated by 6 thresholds.
 *
 * The crisis model works on a condensation of the ladder (the scenario's `models.crisis.ladder`):
 * levels 0..L-1, each standing for a contiguous run of Kahn's rungs, in order, together covering
 * all 44. `checkCondensation` enforces that; `kahnRungsOf` gives the rungs a level stands for.
 */
import { InputError } from '../errors';

export interface KahnRung {
  readonly rung: number;
  readonly name: string;
  readonly group: string;
}

/** Kahn's groups with their first rung, and the thresholds that close them. */
export const KAHN_GROUPS: readonly { readonly name: string; readonly first: number; readonly last: number; readonly thresholdAfter?: string }[] = [
  { name: 'Subcrisis maneuvering', first: 1, last: 3, thresholdAfter: "Don't rock the boat" },
  { name: 'Traditional crises', first: 4, last: 9, thresholdAfter: 'Nuclear war is unthinkable' },
  { name: 'Intense crises', first: 10, last: 20, thresholdAfter: 'No nuclear use' },
  { name: 'Bizarre crises', first: 21, last: 25, thresholdAfter: 'Central sanctuary' },
  { name: 'Exemplary central attacks', first: 26, last: 31, thresholdAfter: 'Central war' },
  { name: 'Military central wars', first: 32, last: 38, thresholdAfter: 'City targeting' },
  { name: 'Civilian central wars', first: 39, last: 44 },
];

const NAMES = [
  'Ostensible crisis',
  'Political, economic, and diplomatic gestures',
  'Solemn and formal declarations',
  'Hardening of positions: confrontation of wills',
  'Show of force',
  'Significant mobilization',
  '"Legal" harassment: retortions',
  'Harassing acts of violence',
  'Dramatic military confrontations',
  'Provocative breaking off of diplomatic relations',
  'Super-ready status',
  'Large conventional war (or actions)',
  'Large compound escalation',
  'Declaration of limited conventional war',
  'Barely nuclear war',
  'Nuclear "ultimatums"',
  'Limited evacuation (about 20%)',
  'Spectacular show or demonstration of force',
  '"Justifiable" counterforce attack',
  '"Peaceful" world-wide embargo or blockade',
  'Local nuclear war: exemplary',
  'Declaration of limited nuclear war',
  'Local nuclear war: military',
  'Unusual, provocative, and significant countermeasures',
  'Evacuation (about 70%)',
  'Demonstration attack on zone of interior',
  'Exemplary attack on military',
  'Exemplary attacks against property',
  'Exemplary attacks on population',
  'Complete evacuation (about 95%)',
  'Reciprocal reprisals',
  'Formal declaration of "general" war',
  'Slow-motion counter-"property" war',
  'Slow-motion counterforce war',
  'Constrained force-reduction salvo',
  'Constrained disarming attack',
  'Counterforce-with-avoidance attack',
  'Unmodified counterforce attack',
  'Slow-motion countercity war',
  'Countervalue salvo',
  'Augmented disarming attack',
  'Civilian devastation attack',
  'Some other kinds of controlled general war',
  'Spasm or insensate war',
];

export const KAHN_RUNGS: readonly KahnRung[] = NAMES.map((name, i) => ({
  rung: i + 1,
  name,
  group: KAHN_GROUPS.find((g) => i + 1 >= g.first && i + 1 <= g.last)!.name,
}));

export interface LadderLevelSpec {
  readonly level: number;
  readonly kahn: readonly [number, number];
}

/**
 * Checks that the levels, in order, cover Kahn's rungs 1..44 contiguously with no overlap.
 * `place` is the JSON path of the ladder's levels.
 */
export function checkCondensation(levels: readonly LadderLevelSpec[], place: string): void {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  let next = 1;
  for (const l of sorted) {
    const [from, to] = l.kahn;
    if (from > to) throw new InputError(`level ${l.level}: Kahn rungs [${from}, ${to}] are reversed`, { place: `${place}[level=${l.level}].kahn`, expected: '[first, last] with first <= last' });
    if (from !== next) {
      throw new InputError(`level ${l.level} starts at Kahn rung ${from}, expected ${next} (the levels must cover rungs 1..44 in order, without gaps or overlaps)`, {
        place: `${place}[level=${l.level}].kahn`,
        expected: `[${next}, ...]`,
      });
    }
    next = to + 1;
  }
  if (next !== 45) throw new InputError(`the levels cover Kahn rungs 1..${next - 1}; they must reach rung 44`, { place, expected: 'a last level ending at rung 44' });
}

/** Kahn's rungs a condensed level stands for. */
export function kahnRungsOf(level: LadderLevelSpec): KahnRung[] {
  return KAHN_RUNGS.filter((r) => r.rung >= level.kahn[0] && r.rung <= level.kahn[1]);
}
