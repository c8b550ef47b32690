/**
 * Sentence splitting, for Chinese and English news text, on the original offsets.
 *
 * Rules (written for news prose; Intl.Segmenter's sentence mode gives the same result on the founding
 * article but is quadratic on long unbroken input, so Brink uses these linear rules):
 * 1. Lines are blocks: a line break always ends a sentence, so headings (短標題 without a full stop)
 *    are sentences of their own. The date header is not part of any sentence.
 * 2. A sentence ends after 。！？!? (and after "." in English, see 4), together with any closing quotes
 *    or brackets that follow (」』”’）)"' 》) and any further stops.
 * 3. Not inside Chinese quotation marks: a stop inside 「…」 or 『…』 does not end the sentence
 *    (他說：「甲。乙。」 is one sentence), unless the quote stays open for more than 400 characters
 *    (an unbalanced quote mark must not swallow the rest of the article).
 * 4. English "." ends a sentence when followed by whitespace and then an upper-case letter, a digit or
 *    a quote, or by the end of the line, unless the word before it is a known abbreviation (Mr., Dr.,
 *    Gen., U.S., Jan., ...) or a single capital (an initial).
 * 5. Guard: a sentence longer than 1,000 characters is cut at its last comma, semicolon or space before
 *    that length (else at the length), so that later per-sentence steps stay linear on hostile input.
 * Leading and trailing whitespace is not part of a sentence; empty sentences are dropped.
 */
import type { Offsets } from './types';

const STOPS = new Set(['。', '！', '？', '!', '?', '.', '．']);
const CLOSERS = new Set(['」', '』', '”', '’', '）', ')', '"', "'", '》', ']', '】']);
const OPEN_QUOTES: Record<string, string> = { '「': '」', '『': '』' };
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'sen', 'rep', 'gov', 'pres', 'st', 'jr', 'sr',
    'inc', 'co', 'corp', 'ltd', 'no', 'vs', 'etc', 'approx', 'dept', 'est', 'fig', 'mt', 'ft', 'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'rev', 'gov', 'amb', 'sec', 'ph.d', 'i.e', 'e.g',
  ].map((s) => s.toLowerCase()),
);

export const MAX_SENTENCE_CHARS = 1000;

/** Sentences of `text` from `from` (the body start) to its end. */
export function splitSentences(text: string, from = 0): Offsets[] {
  const out: Offsets[] = [];
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function push(text: string, start: number, end: number, out: Offsets[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  while (end - start > MAX_SENTENCE_CHARS) {
    let cut = -1;
    for (let i = start + MAX_SENTENCE_CHARS; i > start + MAX_SENTENCE_CHARS / 2; i--) {
      if (/[，,；;、\s]/.test(text[i - 1]!)) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = start + MAX_SENTENCE_CHARS;
    // Never cut a surrogate pair.
    if ((text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut++;
    out.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}

const INTERESTING = /[。！？!?.．「『」』]/g;

function splitLine(text: string, start: number, end: number, out: Offsets[]): void {
  let sentenceStart = start;
  let quoteClose: string | null = null;
  let quoteOpenedAt = 0;
  const line = text.slice(0, end);
  for (let i = start; i < end; i++) {
    INTERESTING.lastIndex = i;
    const next = INTERESTING.exec(line);
    if (!next) break;
    i = next.index;
    const ch = text[i]!;
    if (quoteClose !== null) {
      if (ch === quoteClose) quoteClose = null;
      else if (i - quoteOpenedAt > 400) quoteClose = null;
      else continue;
    }
    if (ch === '」' || ch === '』') continue;
    if (OPEN_QUOTES[ch] !== undefined) {
      quoteClose = OPEN_QUOTES[ch]!;
      quoteOpenedAt = i;
      continue;
    }
    if (!STOPS.has(ch)) continue;
    if ((ch === '.' || ch === '．') && !englishStop(text, i, end)) continue;
    let j = i + 1;
    while (j < end && (STOPS.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
    push(text, sentenceStart, j, out);
    sentenceStart = j;
    i = j - 1;
  }
  push(text, sentenceStart, end, out);
}

const DOTTED = new Set(['u.s', 'u.k', 'u.n', 'e.u']);
const STARTERS = new Set(['The', 'It', 'He', 'She', 'They', 'This', 'That', 'These', 'Those', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'We', 'I', 'His', 'Her', 'Its', 'Their', 'There', 'However', 'Meanwhile', 'Officials', 'Analysts', 'After', 'When', 'While', 'As', 'If']);

function englishStop(text: string, i: number, end: number): boolean {
  // Next visible character.
  let j = i + 1;
  while (j < end && CLOSERS.has(text[j]!)) j++;
  if (j < end && !/\s/.test(text[j]!)) return false; // 3.48, U.S.A, example.com
  while (j < end && /\s/.test(text[j]!)) j++;
  if (j < end && !/[A-Z0-9"“‘'(\u4e00-\u9fff]/.test(text[j]!)) return false;
  // The word before the dot.
  let k = i;
  while (k > 0 && /[A-Za-z.]/.test(text[k - 1]!)) k--;
  const word = text.slice(k, i).toLowerCase();
  if (word.length === 1 && /[A-Z]/.test(text[k]!)) return false; // an initial: "J. Smith"
  if (DOTTED.has(word)) {
    // "... by the U.S. The move ...": a dotted country at the end of a sentence.
    const next = /^[A-Za-z]+/.exec(text.slice(j, j + 20))?.[0] ?? '';
    return j >= end || STARTERS.has(next);
  }
  return !ABBREVIATIONS.has(word);
}
