/**
 * Reading an article: its date header, its date, and the checks that turn bad input into `InputError`.
 *
 * Format (the founding article's, sources/000_8d664b9cd5e9c824.txt): optional whitespace, the word
 * `date`, whitespace, an ISO day `YYYY-MM-DD`, whitespace, then the text. Without that header the
 * caller gives the date (`date` option). The header stays part of the text: every offset the pipeline
 * reports counts from the file's first character.
 *
 * Rules (docs/evidence.md, "Bad input"):
 * - empty or whitespace-only text: refused;
 * - binary content (NUL or other C0 control characters besides tab, newline, carriage return, form
 *   feed): refused, with the line and column of the first such character;
 * - more than LIMITS.maxArticleBytes UTF-8 bytes: refused (the limit is stated in the message);
 * - no header and no date given: refused; a date that is not a real calendar day: refused.
 * `place` is the file name given (or "article"), `file:line:col` where a position helps, or the option's
 * field name (`date`) for a bad option.
 */
import { InputError } from '../errors';
import { LIMITS } from '../limits';

export interface ArticleOptions {
  /** Name for error places (a file name, or "article"). */
  fileName?: string;
  /** The article's date, YYYY-MM-DD, when the text has no header (overrides the header when both). */
  date?: string;
}

export interface ReadArticle {
  text: string;
  /** The article's date (YYYY-MM-DD). */
  date: string;
  /** Where the header says the date came from. */
  dateFrom: 'header' | 'option';
  /** Offset where the body starts (after the header; 0 without one). */
  bodyStart: number;
  /** The header's date, with its offsets, when there is one. */
  header?: { start: number; end: number; value: string };
}

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|$)/;

/** True when `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** UTF-8 length of a string in bytes, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `file:line:col` of an offset (1-based line and column, columns in UTF-16 code units). */
export function placeOf(text: string, offset: number, fileName: string): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${fileName}:${line}:${offset - lineStart + 1}`;
}

/** Checks the text and finds its date. Throws `InputError` for every kind of bad input above. */
export function readArticle(text: string, options: ArticleOptions = {}): ReadArticle {
  const fileName = options.fileName ?? 'article';
  if (typeof text !== 'string') throw new InputError('the article is not text', { place: fileName });
  const bytes = utf8Length(text);
  if (bytes > LIMITS.maxArticleBytes) {
    throw new InputError(`the article is too large: ${bytes} bytes, the limit is ${LIMITS.maxArticleBytes} bytes (2 MiB) per article`, {
      place: fileName,
      expected: `at most ${LIMITS.maxArticleBytes} bytes of UTF-8 text; split longer documents`,
    });
  }
  if (text.trim() === '') throw new InputError('the article is empty', { place: fileName, expected: 'the text of a news article' });
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const binary = /[\u0000-\u0008\u000b\u000e-\u001f]/.exec(text);
  if (binary) {
    const code = binary[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new InputError(`the file is binary, not text (control character U+${code})`, {
      place: placeOf(text, binary.index, fileName),
      expected: 'a plain-text article (UTF-8)',
    });
  }
  const m = HEADER.exec(text);
  let header: ReadArticle['header'];
  if (m) {
    const value = m[1]!;
    const start = m[0].length - value.length;
    if (!isIsoDay(value)) {
      throw new InputError(`the date header "${value}" is not a calendar day`, { place: placeOf(text, start, fileName), expected: 'date YYYY-MM-DD' });
    }
    header = { start, end: start + value.length, value };
  }
  if (options.date !== undefined) {
    if (!isIsoDay(options.date)) {
      throw new InputError(`"${options.date}" is not a calendar day`, { place: 'date', expected: 'YYYY-MM-DD, e.g. 2025-09-01' });
    }
  }
  const date = options.date ?? header?.value;
  if (date === undefined) {
    throw new InputError('the article has no date: no "date YYYY-MM-DD" header at its start and no date given', {
      place: fileName,
      expected: 'a first line " date YYYY-MM-DD " or the article date as an option',
    });
  }
  const bodyStart = header ? skipSpace(text, header.end) : 0;
  return { text, date, dateFrom: options.date !== undefined ? 'option' : 'header', bodyStart, ...(header ? { header } : {}) };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
