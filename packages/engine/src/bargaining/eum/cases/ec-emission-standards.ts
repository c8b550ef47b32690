/**
 * Published worked case for the EUM: the European Community's choice of the date (in years) by
 * which emission standards for medium-sized cars should apply.
 *
 * Inputs: B. Bueno de Mesquita, "Political forecasting: an expected utility method", in
 * B. Bueno de Mesquita & F. N. Stokman (eds.), European Community Decision Making, Yale UP 1994,
 * table on p. 78; reproduced as Table 1 of J. B. Scholz, G. J. Calbert, G. A. Smith, "Unravelling
 * Bueno de Mesquita's group decision model", J. Theoretical Politics 23(4), 2011 [SCS] (ICAART 2011
 * version: scitepress.org/PublishedPapers/2011/31215, §2 "Table 1: Example input data").
 * Salience is printed on 0..100; we divide by 100. Capability is a share (sums to 1.01 as printed).
 * The same ten rows are printed by the public replications (D. Masad, ExampleActors.csv;
 * codereview.stackexchange.com/questions/97262) and agree with each other.
 *
 * Published results (what the EUM should reproduce):
 * - [SCS] §7 "Results", Table 2: median voter position and (c·s-weighted) mean position at the end
 *   of rounds 1..8, with Q = 1 ("No value for Q was given. We chose Q=1.0"), text: "the median
 *   voter position at the end of the first round to be 8.4 years. At the end of the second, third,
 *   fourth and fifth rounds the median voter position was for each 9.9 years."
 * - BDM 1994 p. 98 (quoted by [SCS] §7): the model's forecast of the dominant outcome, 8.35 years at
 *   first, rising to 9.05 years where it stabilised; the EC's actual decision: 8.833 years.
 * - BDM 1994 p. 91, the three published graphs of expected utilities (views from Belgium, France and
 *   the Netherlands), reproduced as the top panels of [SCS] Figures 7-9 (ICAART version pp. 26-27):
 *   in which quadrant each actor lies. [SCS] report 100% quadrant agreement for Belgium and France
 *   and call BDM's Netherlands graph an error, so only the Belgium and France views are targets.
 * Provenance: read in the ICAART 2011 version of [SCS] (pp. 18-30; Table 1 p. 19, Figures 7-9
 * pp. 26-27, Table 2 and the p. 98 quotation p. 28), which prints the same Table 1, Table 2 and
 * figures as the journal version.
 */
import type { EumInput } from '../types';

/** [name, capability, position (years), salience 0..100] as printed in BDM 1994 p. 78 / [SCS] Table 1. */
export const EC_EMISSION_TABLE: readonly (readonly [string, number, number, number])[] = [
  ['Netherlands', 0.08, 4, 80],
  ['Belgium', 0.08, 7, 40],
  ['Luxembourg', 0.03, 4, 20],
  ['Germany', 0.16, 4, 80],
  ['France', 0.16, 10, 60],
  ['Italy', 0.16, 10, 60],
  ['UK', 0.16, 10, 90],
  ['Ireland', 0.05, 7, 10],
  ['Denmark', 0.05, 4, 100],
  ['Greece', 0.08, 7, 70],
];

export const EC_EMISSION_INPUT: EumInput = {
  name: 'EC emission standards for medium-sized cars (years), BDM 1994',
  actors: EC_EMISSION_TABLE.map(([name, capability, position, salience]) => ({ name, capability, position, salience: salience / 100 })),
};

/** [SCS] Table 2, median voter position (years) at the end of rounds 1..8. */
export const SCS_TABLE2_MEDIAN: readonly number[] = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6];
/** [SCS] Table 2, mean position (years) at the end of rounds 1..8. */
export const SCS_TABLE2_MEAN: readonly number[] = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6];
/** BDM 1994 p. 98 (via [SCS] §7): first forecast, stabilised forecast, and the EC's actual decision (years). */
export const BDM1994_FORECAST = { initial: 8.35, stabilised: 9.05, actual: 8.833 } as const;

/**
 * BDM 1994 p. 91 (top panels of [SCS] Figures 7 and 8): the quadrant of each actor j in the graph
 * "view from" actor i, horizontal axis = i's expected utility of challenging j, vertical axis = j's
 * expected utility of challenging i as i estimates it ("Others"); '+' = expected gain, '-' = loss.
 * Actors at the viewer's own position are not drawn by BDM ([SCS]: they lie at (0, 0)).
 */
export const BDM1994_EU_QUADRANTS: Readonly<Record<string, Readonly<Record<string, readonly ['+' | '-', '+' | '-']>>>> = {
  Belgium: {
    France: ['-', '+'],
    Italy: ['-', '+'],
    Germany: ['-', '+'],
    UK: ['-', '+'],
    Netherlands: ['-', '+'],
    Denmark: ['-', '+'],
    Luxembourg: ['+', '+'],
  },
  France: {
    Greece: ['-', '-'],
    Ireland: ['+', '-'],
    Belgium: ['+', '-'],
    Denmark: ['-', '-'],
    Germany: ['-', '-'],
    Netherlands: ['-', '-'],
    Luxembourg: ['+', '-'],
  },
};
