// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declarations of opencc-js's untyped dictionary modules
/// <reference path="./opencc-dicts.d.ts" />
/**
 * Script normalisation: Traditional and Simplified Chinese, and full-width forms, folded to one form so
 * that every later step matches one spelling, with offsets kept on the original text.
 *
 * Source: the dictionaries of Open Chinese Convert (OpenCC 1.1, via opencc-js 1.4): `tw2s` is
 * CJK compatibility ideographs -> Taiwan variants reversed (TWVariantsRevPhrases, TWVariantsRev) ->
 * Traditional to Simplified (TSPhrases, TSCharacters), each a longest-match replacement over a trie.
 * Brink applies the same chain to every Chinese article (Simplified text passes through unchanged, so
 * mixed text works) and to the gazetteer's and lexicons' own keys, so both sides meet in Simplified.
 *
 * Offsets: the normalisation is length-preserving by construction. A dictionary replacement whose
 * length (in UTF-16 code units) differs from what it replaces is not applied as a whole: its first
 * character is converted alone when that keeps the length, else kept. Full-width ASCII (U+FF01..U+FF5E)
 * becomes ASCII and the ideographic space U+3000 a space, one code unit each. So character i of the
 * normalised text comes from character i of the original, the offset map is the identity, and every
 * offset found on the normalised text is an offset into the original. `normalise()` checks this.
 *
 * The tries are built on first use (about 40 ms); the T->S dictionaries are about 70 KB, the large
 * S->T phrase dictionary (1 MB) is never loaded.
 */
import { Trie } from 'opencc-js/core';
import CompatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

interface Pass {
  phrases: Trie;
  chars: Map<number, string>;
}

let passes: Pass[] | undefined;

function charMap(dicts: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const dict of dicts) {
    for (const entry of dict.split('|')) {
      const [from, to] = entry.split(' ');
      if (from === undefined || to === undefined) continue;
      const cps = [...from];
      if (cps.length !== 1) continue;
      if (!map.has(cps[0]!.codePointAt(0)!)) map.set(cps[0]!.codePointAt(0)!, to);
    }
  }
  return map;
}

function buildPasses(): Pass[] {
  const make = (dicts: string[]): Pass => {
    const phrases = new Trie();
    phrases.loadDictGroup(dicts);
    return { phrases, chars: charMap(dicts) };
  };
  return [make([CompatibilityIdeographs]), make([TWVariantsRevPhrases, TWVariantsRev]), make([TSPhrases, TSCharacters])];
}

function applyPass(text: string, pass: Pass): string {
  const out: string[] = [];
  let copyFrom = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    // ASCII never converts: skip fast.
    if (c < 0x2e80) {
      i += width;
      continue;
    }
    const m = pass.phrases.matchPrefix(text, i);
    if (!m) {
      i += width;
      continue;
    }
    let replacement: string | undefined;
    let end = m.end;
    if (m.value.length === m.end - i) replacement = m.value;
    else {
      // Length would change: convert the first character alone if that keeps the length.
      const one = pass.chars.get(text.codePointAt(i)!);
      end = i + width;
      if (one !== undefined && one.length === width) replacement = one;
    }
    if (replacement !== undefined && replacement !== text.slice(i, end)) {
      if (copyFrom < i) out.push(text.slice(copyFrom, i));
      out.push(replacement);
      copyFrom = end;
    }
    i = end;
  }
  if (copyFrom === 0) return text;
  if (copyFrom < n) out.push(text.slice(copyFrom));
  return out.join('');
}

/** Full-width ASCII forms to ASCII, the ideographic space to a space (one code unit each). */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Traditional (Taiwan or OpenCC standard) Chinese to Simplified, length-preserving. */
export function toSimplified(text: string): string {
  passes ??= buildPasses();
  let out = text;
  for (const pass of passes) out = applyPass(out, pass);
  return out;
}

/**
 * The normalised text of an article: width folded, and for Chinese converted to Simplified.
 * `normalised.length === text.length` always, and character i of one comes from character i of the other.
 */
export function normalise(text: string, chinese: boolean): string {
  const folded = foldWidth(text);
  const out = chinese ? toSimplified(folded) : folded;
  if (out.length !== text.length) throw new Error(`normalisation changed the length (${text.length} -> ${out.length})`);
  return out;
}

/** Normalises a dictionary key (gazetteer name, lexicon word) the way article text is normalised. */
export function normaliseKey(key: string): string {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(key) ? toSimplified(foldWidth(key)) : foldWidth(key);
}
