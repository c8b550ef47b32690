/**
 * CAMEO root-code accuracy on single sentences (docs/evidence.md, "Quality"), shared by the tests and
 * the benchmark. A sentence counts as right when the first event the coder reports as having happened
 * or being stated (any modality but `negated`: a negated act is no CAMEO event) has the expected root,
 * or, for a sentence marked `null`, when the coder reports no such event.
 */
import type { ArticleEvidence } from '../../src/evidence';

export interface RootAccuracy {
  right: number;
  total: number;
  /** Per expected root ('-' for sentences without an event): [right, total]. */
  perRoot: Record<string, [number, number]>;
  /** Sentences coded wrong: the sentence, the expected root, the roots found (first first). */
  misses: { sentence: string; expected: string | null; found: string[] }[];
}

export function codedRoots(ev: ArticleEvidence): string[] {
  return ev.events.filter((e) => e.modality !== 'negated').map((e) => e.root);
}

export function rootAccuracy(sentences: readonly (readonly [string, string | null])[], analyse: (sentence: string) => ArticleEvidence): RootAccuracy {
  const out: RootAccuracy = { right: 0, total: 0, perRoot: {}, misses: [] };
  for (const [sentence, expected] of sentences) {
    const found = codedRoots(analyse(sentence));
    const ok = expected === null ? found.length === 0 : found[0] === expected;
    const key = expected ?? '-';
    const cell = (out.perRoot[key] ??= [0, 0]);
    cell[1]++;
    out.total++;
    if (ok) {
      cell[0]++;
      out.right++;
    } else out.misses.push({ sentence, expected, found });
  }
  return out;
}

export const percent = (a: { right: number; total: number }) => `${((100 * a.right) / a.total).toFixed(1)}% (${a.right}/${a.total})`;
