/**
 * Tokenizer shared by the Gambit `.nfg` and `.efg` readers.
 *
 * Gambit's file formats (Gambit manual, "Game representation formats") are whitespace-separated
 * token streams: double-quoted strings (with `\"` and `\\` escapes), braces `{` `}`, numbers
 * (integers, decimals `0.35`, exponents `1e-3`, fractions `3/5`), bare words (`NFG`, `EFG`, `R`,
 * `p`, `c`, `t`) and optional commas between payoffs. We also accept `#` line comments outside
 * strings. Every token carries its line and column so that errors name `file:line:col`.
 */
import { InputError } from '../../errors';
import { Rational } from '../../numeric/rational';
import { checkLimit } from './input-limits';

export type TokenKind = 'string' | 'number' | 'word' | 'lbrace' | 'rbrace' | 'comma' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The decoded text: a string's content without quotes and escapes, a number's literal. */
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:\/\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;

/** A lazy lexer: produces one token at a time (large game files are never held as a token array). */
export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  constructor(
    private readonly text: string,
    readonly fileName = '<input>',
  ) {}

  next(): Token {
    const text = this.text;
    const n = text.length;
    while (this.i < n) {
      const code = text.charCodeAt(this.i);
      if (code === 10) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (code === 32 || code === 9 || code === 13 || code === 12 || code === 11) {
        this.i++;
      } else if (code === 35 /* # */) {
        while (this.i < n && text.charCodeAt(this.i) !== 10) this.i++;
      } else break;
    }
    const line = this.line;
    const col = this.i - this.lineStart + 1;
    if (this.i >= n) return { kind: 'eof', text: '', line, col };
    const ch = text[this.i]!;
    if (ch === '{' || ch === '}' || ch === ',') {
      this.i++;
      return { kind: ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : 'comma', text: ch, line, col };
    }
    if (ch === '"') {
      this.i++;
      let value = '';
      let from = this.i;
      while (this.i < n) {
        const c = text.charCodeAt(this.i);
        if (c === 92 /* \ */ && this.i + 1 < n) {
          value += text.slice(from, this.i) + text[this.i + 1]!;
          if (text.charCodeAt(this.i + 1) === 10) {
            this.line++;
            this.lineStart = this.i + 2;
          }
          this.i += 2;
          from = this.i;
          continue;
        }
        if (c === 34 /* " */) {
          value += text.slice(from, this.i);
          this.i++;
          return { kind: 'string', text: value, line, col };
        }
        if (c === 10) {
          this.line++;
          this.lineStart = this.i + 1;
        }
        this.i++;
      }
      throw new InputError('unterminated string', { place: `${this.fileName}:${line}:${col}`, expected: 'a closing "' });
    }
    NUMBER.lastIndex = this.i;
    const num = NUMBER.exec(text);
    if (num) {
      this.i += num[0].length;
      return { kind: 'number', text: num[0], line, col };
    }
    WORD.lastIndex = this.i;
    const word = WORD.exec(text);
    if (word) {
      this.i += word[0].length;
      return { kind: 'word', text: word[0], line, col };
    }
    throw new InputError(`unexpected character ${JSON.stringify(ch)}`, { place: `${this.fileName}:${line}:${col}`, expected: 'a string, number, brace or keyword' });
  }
}

/** Every token of a text (for tests and small inputs). */
export function tokenize(text: string, fileName = '<input>'): Token[] {
  const lexer = new Lexer(text, fileName);
  const tokens: Token[] = [];
  for (;;) {
    const t = lexer.next();
    tokens.push(t);
    if (t.kind === 'eof') return tokens;
  }
}

const DESCRIBE: Record<TokenKind, string> = {
  string: 'a quoted string',
  number: 'a number',
  word: 'a keyword',
  lbrace: '"{"',
  rbrace: '"}"',
  comma: '","',
  eof: 'the end of the file',
};

/** A cursor over tokens with `expect`-style helpers that throw `InputError` at the right place. */
export class TokenStream {
  private current: Token;
  constructor(
    private readonly lexer: Lexer,
    readonly fileName: string,
  ) {
    this.current = lexer.next();
  }

  static of(text: string, fileName = '<input>'): TokenStream {
    return new TokenStream(new Lexer(text, fileName), fileName);
  }

  peek(): Token {
    return this.current;
  }
  next(): Token {
    const t = this.current;
    if (t.kind !== 'eof') this.current = this.lexer.next();
    return t;
  }
  place(token: Token = this.peek()): string {
    return `${this.fileName}:${token.line}:${token.col}`;
  }
  fail(expected: string, token: Token = this.peek()): never {
    const found = token.kind === 'eof' ? 'the end of the file' : `${DESCRIBE[token.kind]} ${JSON.stringify(token.text)}`;
    throw new InputError(`expected ${expected}, found ${found}`, { place: this.place(token), expected });
  }
  is(kind: TokenKind, text?: string): boolean {
    const t = this.peek();
    return t.kind === kind && (text === undefined || t.text === text);
  }
  accept(kind: TokenKind, text?: string): Token | undefined {
    return this.is(kind, text) ? this.next() : undefined;
  }
  expect(kind: TokenKind, what?: string, text?: string): Token {
    if (!this.is(kind, text)) this.fail(what ?? (text !== undefined ? JSON.stringify(text) : DESCRIBE[kind]));
    return this.next();
  }
  expectString(what = 'a quoted string'): string {
    return this.expect('string', what).text;
  }
  expectRational(what = 'a number'): Rational {
    const t = this.expect('number', what);
    const r = Rational.tryParse(t.text);
    if (!r) throw new InputError(`bad number ${JSON.stringify(t.text)}`, { place: this.place(t), expected: what });
    return r;
  }
  expectInteger(what = 'a non-negative integer'): number {
    const t = this.expect('number', what);
    if (!/^\d+$/.test(t.text)) throw new InputError(`expected ${what}, found ${JSON.stringify(t.text)}`, { place: this.place(t), expected: what });
    return Number(t.text);
  }
  skipCommas(): void {
    while (this.accept('comma')) {
      /* commas separate payoffs optionally */
    }
  }
}

/** Quotes a label the way Gambit writes it: `"a \"b\""`. */
/**
 * The header both Gambit formats share: `NFG 1 R "title" { "player" ... }` or `EFG 2 R ...`
 * (magic word, format version, precision R or D, title, a non-empty list of player names).
 */
export function readGambitHeader(ts: TokenStream, magic: 'NFG' | 'EFG', version: '1' | '2'): { title: string; players: string[] } {
  ts.expect('word', `"${magic}"`, magic);
  const v = ts.expect('number', `the format version ${version}`);
  if (v.text !== version) throw new InputError(`unsupported .${magic.toLowerCase()} version ${v.text}`, { place: ts.place(v), expected: version });
  const prec = ts.expect('word', '"R" or "D"');
  if (prec.text !== 'R' && prec.text !== 'D') ts.fail('"R" or "D"', prec);
  const title = ts.expectString('the game title (a quoted string)');
  ts.expect('lbrace', '"{" before the player names');
  const players: string[] = [];
  while (ts.is('string')) {
    checkLimit(players.length + 1, 'maxPlayers', 'players', ts.place());
    players.push(ts.next().text);
  }
  ts.expect('rbrace', 'a player name or "}"');
  if (players.length === 0) throw new InputError('a game needs at least one player', { place: ts.place(), expected: 'player names' });
  return { title, players };
}

export function quote(label: string): string {
  return `"${label.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
