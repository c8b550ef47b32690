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
 * "persuade") is not the verb. The question is asked of the characters around a position, which
 * ICU segments once per distinct window of four characters (cached): linear in the text, never quadratic (ICU's iterator
 * is quadratic on very long strings). Without Intl.Segmenter every position counts as a boundary
 * (matches are then only dictionary-based).
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

/** Window -> offsets inside it where ICU starts a word. Shared by all articles (bounded). */
const windows = new Map<string, number>();
const MAX_CACHE = 200_000;

function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Bit k of the result is set when ICU starts a word at offset k of `window` (at most 6 characters).
 */
export function wordStarts(window: string): number {
  let v = windows.get(window);
  if (v !== undefined) return v;
  const seg = getSegmenter();
  v = 0;
  if (seg) for (const { index } of seg.segment(window)) v |= 1 << index;
  else v = (1 << window.length) - 1;
  if (windows.size >= MAX_CACHE) windows.clear();
  windows.set(window, v);
  return v;
}

/**
 * Word boundaries of a text. A position is a boundary when ICU's word segmentation of the Han
 * characters around it (up to two before and two after) starts a word there: "does this name, numeral
 * or verb start a word here, or continue the word before it" (美 in 北美国家, 一 in 统一, 说 in 游说; but
 * 美 in 对抗美国 and 川 in 加上川普 do start words). Windows repeat across news text and are
 * segmented once (cached): linear in the text, never quadratic.
 */
export class WordBoundaries {
  constructor(
    private readonly text: string,
    private readonly sentences: readonly Offsets[],
  ) {}

  /** True when a word may start at `pos`. */
  isBoundary(pos: number): boolean {
    const t = this.text;
    if (pos <= 0 || pos >= t.length) return true;
    if (!isHanCode(t.charCodeAt(pos - 1)) || !isHanCode(t.charCodeAt(pos))) return true;
    let a = pos - 1;
    if (a - 1 >= 0 && isHanCode(t.charCodeAt(a - 1))) a--;
    let b = pos + 1;
    if (b < t.length && isHanCode(t.charCodeAt(b))) b++;
    return (wordStarts(t.slice(a, b)) & (1 << (pos - a))) !== 0;
  }

  /** The sentences this text was split into. */
  get spans(): readonly Offsets[] {
    return this.sentences;
  }
}
