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

export function tokenize(text: string, fileName = '<input>'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const here = (at: number): string => `${fileName}:${line}:${at - lineStart + 1}`;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const col = i - lineStart + 1;
    if (ch === '{' || ch === '}' || ch === ',') {
      tokens.push({ kind: ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : 'comma', text: ch, line, col });
      i++;
      continue;
    }
    if (ch === '"') {
      const startLine = line;
      const start = i;
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '\\' && i + 1 < n) {
          value += text[i + 1]!;
          if (text[i + 1] === '\n') {
            line++;
            lineStart = i + 2;
          }
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
      if (!closed) {
        throw new InputError('unterminated string', { place: `${fileName}:${startLine}:${col}`, expected: 'a closing "' });
      }
      void start;
      tokens.push({ kind: 'string', text: value, line: startLine, col });
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      tokens.push({ kind: 'number', text: num[0], line, col });
      i += num[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], line, col });
      i += word[0].length;
      continue;
    }
    throw new InputError(`unexpected character ${JSON.stringify(ch)}`, { place: here(i), expected: 'a string, number, brace or keyword' });
  }
  tokens.push({ kind: 'eof', text: '', line, col: i - lineStart + 1 });
  return tokens;
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
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    readonly fileName: string,
  ) {}

  static of(text: string, fileName = '<input>'): TokenStream {
    return new TokenStream(tokenize(text, fileName), fileName);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
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
export function quote(label: string): string {
  return `"${label.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
