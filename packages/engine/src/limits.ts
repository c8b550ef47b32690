/**
 * Brink's input limits: one designed set, enforced where input is parsed (the engine's readers and
 * model entry points), before anything is allocated from the input's own numbers, so that the CLI,
 * the HTTP API and the web worker refuse the same inputs with the same `InputError` and its place.
 * docs/limits.md lists them with the reason for each value.
 *
 * Sizing: the largest workloads Brink is benchmarked on fit with room to spare (Gambit's benchmark
 * games, a 100,000-node sequence-form tree, 200-actor SMP runs, 10,000 x 260-week crisis ensembles),
 * while no single input can make a process allocate more than a few hundred megabytes.
 */
export const LIMITS = {
  /** Players in a game. */
  maxPlayers: 64,
  /** Pure strategies (or actions at one node) of one player. */
  maxStrategiesPerPlayer: 100_000,
  /** Strategy profiles of a normal-form game (product of the strategy counts). */
  maxStrategyProfiles: 1_000_000,
  /** Nodes of a game tree. */
  maxTreeNodes: 1_000_000,
  /** Actors of a bargaining input (KTAB CSV, a scenario issue). */
  maxActors: 1_000,
  /** Dimensions (issues) of one bargaining input. */
  maxDimensions: 100,
  /** Rounds (turns) of a bargaining run. */
  maxRounds: 10_000,
  /** Runs of one ensemble (crisis simulation, forecast ensemble). */
  maxRuns: 1_000_000,
  /** Weeks of one crisis simulation. */
  maxWeeks: 5_200,
  /** Bytes of one text input (game file, scenario, CSV, article). */
  maxTextBytes: 64 * 1024 * 1024,
  /** UTF-8 bytes of one news article for the evidence pipeline: a long news analysis is 5-50 KB; 2 MiB
   *  (about 700,000 Chinese characters) leaves room for long reports and keeps one article under about
   *  2 s of pipeline time and the server's request-body limit. */
  maxArticleBytes: 2 * 1024 * 1024,
  /** Characters of an id (scenario, actor, source, variant...). */
  maxIdLength: 100,
  /** Nesting depth of YAML/JSON input. */
  maxNestingDepth: 64,
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Whether `text` is more than `limit` bytes as UTF-8, counted exactly without encoding it: the
 * length settles most texts at once (UTF-16 units <= UTF-8 bytes <= 3 x units), and otherwise one
 * pass counts bytes and stops as soon as the count passes the limit.
 */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (written as U+FFFD)
    if (bytes > limit) return true;
  }
  return false;
}

/**
 * Where the nesting of a JSON text (brackets outside strings) first goes deeper than `max`, found in
 * one linear scan without parsing it: the offset and its 1-based line and column, or undefined.
 */
export function jsonTooDeepAt(text: string, max: number): { offset: number; line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++; // skip the escaped character
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return { offset: i, line, col: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
