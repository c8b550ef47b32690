/**
 * Word segmentation for Chinese, where a step needs it: is this position a word boundary, and which
 * word contains it.
 *
 * Source: the Unicode word-break algorithm with ICU's CJK dictionary (UAX #29 and ICU's
 * DictionaryBreakEngine), through ECMAScript's `Intl.Segmenter(locale, { granularity: 'word' })`,
 * which Node and every current browser ship. It segments running text well (北韓|先後|於|2022|年|
 * 修法|授權|可|先發制人|進行|核|打擊) and splits names it does not know into characters (車|維|德),
 * which is why names come from the gazetteer, never from segmentation. The original text is
 * segmented, not the Simplified normalisation: ICU's dictionary does better on Traditional text
 * (先發制人 stays one word there, not on 先发制人), and both have the same offsets.
 *
 * Use (docs/evidence.md): a dictionary match of a single-character abbreviation (美, 韓, 俄) counts
 * only when it is a word of its own; a verb match (說) that is the start of a longer word (說服
 * "persuade") is not the verb. Segmentation runs sentence by sentence, on demand (ICU's iterator is
 * quadratic on very long strings; sentences are at most 1,000 characters), and is cached.
 * Without Intl.Segmenter every position counts as a boundary (matches are then only dictionary-based).
 */
import type { Offsets } from './types';

type Segmenter = { segment(text: string): Iterable<{ segment: string; index: number }> };

let segmenter: Segmenter | null | undefined;

function getSegmenter(): Segmenter | null {
  if (segmenter !== undefined) return segmenter;
  const Ctor = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => Segmenter }).Segmenter;
  segmenter = Ctor ? new Ctor('zh', { granularity: 'word' }) : null;
  return segmenter;
}

export class WordBoundaries {
  private readonly segStart: Int32Array;
  private readonly segEnd: Int32Array;
  private readonly done: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Offsets[],
  ) {
    this.segStart = new Int32Array(text.length + 1).fill(-1);
    this.segEnd = new Int32Array(text.length + 1).fill(-1);
    this.done = new Uint8Array(sentences.length);
  }

  private sentenceIndex(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private ensure(pos: number): void {
    const k = this.sentenceIndex(pos);
    if (k < 0 || this.done[k]) return;
    this.done[k] = 1;
    const { start, end } = this.sentences[k]!;
    const seg = getSegmenter();
    if (!seg) {
      for (let i = start; i < end; i++) {
        this.segStart[i] = i;
        this.segEnd[i] = i + 1;
      }
      return;
    }
    for (const { segment, index } of seg.segment(this.text.slice(start, end))) {
      const a = start + index;
      const b = a + segment.length;
      for (let i = a; i < b; i++) {
        this.segStart[i] = a;
        this.segEnd[i] = b;
      }
    }
  }

  /** The segment (ICU word) containing `pos`, or [pos, pos + 1] outside sentences. */
  wordAt(pos: number): Offsets {
    this.ensure(pos);
    const a = this.segStart[pos]!;
    return a < 0 ? { start: pos, end: pos + 1 } : { start: a, end: this.segEnd[pos]! };
  }

  /** True when a word starts at `pos` (or `pos` is a sentence edge or outside every sentence). */
  isBoundary(pos: number): boolean {
    if (pos <= 0 || pos >= this.text.length) return true;
    this.ensure(pos);
    const a = this.segStart[pos]!;
    return a < 0 || a === pos;
  }
}
