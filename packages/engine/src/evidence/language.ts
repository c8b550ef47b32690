// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declarations of opencc-js's untyped dictionary modules
/// <reference path="./opencc-dicts.d.ts" />
/**
 * Language detection: English, Traditional Chinese or Simplified Chinese, by counting characters.
 *
 * Rules:
 * 1. Count Han characters (Unicode script Han), Latin letters, and letters of scripts Brink does not
 *    read (Hangul, Kana, Cyrillic, Arabic, Hebrew, Thai, Devanagari...).
 * 2. Chinese when Han characters are at least 10% of the letters counted (a Chinese news text has far
 *    more; an English text quotes a Chinese name now and then); English when Latin letters make up
 *    most of the rest. If the majority script is one Brink does not read, or there are no letters at
 *    all, the language cannot be read: `InputError`.
 * 3. Traditional vs Simplified: characters that only Traditional text uses (those the OpenCC T->S
 *    conversion changes: 國, 說, 韓) against characters that only Simplified text uses (those the S->T
 *    dictionary, STCharacters, changes and that are not Traditional forms themselves: 国, 说, 韩).
 *    Traditional when its count is at least the Simplified count (ties: Traditional, the seed's form).
 * Source for the character sets: OpenCC's TSCharacters and STCharacters dictionaries (opencc-js 1.4).
 */
import { InputError } from '../errors';
import STCharacters from 'opencc-js/dict/STCharacters';
import { toSimplified } from './normalise';
import { ARTICLE_LANGUAGES, type ArticleLanguage } from './types';

export interface LanguageGuess {
  language: ArticleLanguage;
  han: number;
  latin: number;
  other: number;
  traditionalOnly: number;
  simplifiedOnly: number;
}

let simplifiedOnly: Set<number> | undefined;

function simplifiedOnlySet(): Set<number> {
  if (simplifiedOnly) return simplifiedOnly;
  const set = new Set<number>();
  for (const entry of STCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || [...from].length !== 1) continue;
    const targets = to.split(' ');
    if (targets.every((t) => t === from)) continue;
    // A character is Simplified-only when T->S conversion leaves it alone but S->T changes it.
    if (toSimplified(from) === from) set.add(from.codePointAt(0)!);
  }
  simplifiedOnly = set;
  return set;
}

const HAN = /\p{Script=Han}/u;

/** The common Han blocks of the BMP (CJK Unified Ideographs, Extension A, Compatibility Ideographs). */
function isCjkBmp(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}
const LATIN = /\p{Script=Latin}/u;
const OTHER_LETTER = /\p{L}/u;

/** Counts the scripts of (at most the first 20,000 characters of) the text and guesses its language. */
export function detectLanguage(text: string, fileName = 'article'): LanguageGuess {
  // The first 4,000 characters decide (a news lead is enough; the whole text would cost time for nothing).
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  let han = 0;
  let latin = 0;
  let other = 0;
  let traditionalOnly = 0;
  let simplifiedCount = 0;
  const sOnly = simplifiedOnlySet();
  const simplified = toSimplified(sample);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
      continue;
    }
    const at = i;
    const cp = sample.codePointAt(at)!;
    if (cp > 0xffff) i++;
    const ch = cp > 0xffff || !isCjkBmp(cp) ? String.fromCodePoint(cp) : '';
    if (isCjkBmp(cp) || (ch !== '' && HAN.test(ch))) {
      han++;
      if (simplified.codePointAt(at) !== cp) traditionalOnly++;
      else if (sOnly.has(cp)) simplifiedCount++;
    } else if (LATIN.test(ch)) latin++;
    else if (OTHER_LETTER.test(ch)) other++;
  }
  const letters = han + latin + other;
  if (letters === 0) {
    throw new InputError('cannot tell the language: the text has no letters', { place: fileName, expected: `a news article in ${ARTICLE_LANGUAGES.join(', ')}` });
  }
  let language: ArticleLanguage;
  if (han >= 0.1 * letters && han * 3 >= other) language = traditionalOnly >= simplifiedCount ? 'zh-Hant' : 'zh-Hans';
  else if (latin >= other) language = 'en';
  else {
    throw new InputError('the article is in a language Brink does not read (its letters are mostly neither Chinese nor Latin)', {
      place: fileName,
      expected: `a news article in ${ARTICLE_LANGUAGES.join(', ')}`,
    });
  }
  return { language, han, latin, other, traditionalOnly, simplifiedOnly: simplifiedCount };
}

/** Checks a language tag given by the user (`lang` option). */
export function parseLanguage(value: string): ArticleLanguage {
  if ((ARTICLE_LANGUAGES as readonly string[]).includes(value)) return value as ArticleLanguage;
  const lower = value.toLowerCase();
  const aliases: Record<string, ArticleLanguage> = { 'zh-tw': 'zh-Hant', 'zh-hk': 'zh-Hant', 'zh-hant': 'zh-Hant', 'zh-cn': 'zh-Hans', 'zh-hans': 'zh-Hans', 'zh-sg': 'zh-Hans', 'en-us': 'en', 'en-gb': 'en', en: 'en' };
  const known = aliases[lower];
  if (known) return known;
  throw new InputError(`unknown language "${value}"`, { place: 'lang', expected: ARTICLE_LANGUAGES.join(', ') });
}

export function isChinese(language: ArticleLanguage): boolean {
  return language !== 'en';
}
