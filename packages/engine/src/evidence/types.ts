/**
 * The evidence an article yields, as `brink ingest --json` prints it (docs/evidence.md, "Output").
 *
 * Every item carries `start`/`end`: JavaScript string indices (UTF-16 code units) into the article's
 * text exactly as given to the pipeline (for a file: its UTF-8 decoded text, date header included),
 * and, where it has one, `text`, which always equals `articleText.slice(start, end)`. That makes every
 * item citable the way a scenario cites its source: `{ source, quote: text }`.
 *
 * Field names follow the JSON (snake_case where it says so: `name_en`, `speaker_name_en`).
 * Items may carry a few fields beyond those the issue lists (documented on each type); consumers that
 * read only the listed ones are unaffected.
 */

/** The languages the pipeline reads. */
export const ARTICLE_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

export interface Offsets {
  start: number;
  end: number;
}

export interface Span extends Offsets {
  text: string;
}

/** Kinds of actor mentions in the output (alliances and groups are reported as organisations). */
export type MentionKind = 'person' | 'organisation' | 'state';

/** The kinds of gazetteer entries (the scenario's actor kinds). */
export type ActorKind = 'state' | 'person' | 'organisation' | 'alliance' | 'group';

export interface Mention extends Span {
  kind: MentionKind;
  /** Gazetteer id, or null for an actor the gazetteer does not know (a speaker found by its title). */
  id: string | null;
  /** English name of the gazetteer entry (null when unknown). */
  name_en: string | null;
  /** Extra: how the mention was matched: a name or alias, a metonym (平壤 for the DPRK), an office held at
   *  the article's date (南韓總統), a compound of abbreviations (美韓), a short name after a full one, or a title. */
  via: 'name' | 'metonym' | 'role' | 'abbreviation' | 'coreference' | 'title';
}

export interface Quantity extends Span {
  /** The value in the unit: 3.48億美元 -> 348000000 (USD); 近9成 -> 0.9 (share); 六度 -> 6 (times). */
  value: number;
  /** Unit: "USD", "KRW", "CNY", "share", "times", "troops", "people", "missiles", "km", ... or "count". */
  unit: string;
  /** Approximator: "nearly" (近, nearly), "about" (約, about), "more than" (逾, more than), "less than",
   *  "at least", "at most", "up to", or null for an exact figure. */
  approx: QuantityApprox | null;
}

export type QuantityApprox = 'nearly' | 'about' | 'more than' | 'less than' | 'at least' | 'at most' | 'up to';

export interface DateMention extends Span {
  /** ISO date at the precision the text gives: "2018", "2025-08", "2025-08-29". */
  value: string;
  /** Extra: the interval the text allows, [earliest, latest] (ISO days). For 日前 ("a few days ago")
   *  on 2025-09-01: ["2025-08-22", "2025-08-31"]. */
  range: [string, string];
  /** Extra: true when resolved against the article's date (7年前, last month, 今年10月底). */
  relative: boolean;
  /** Extra: what the value's last field means. */
  precision: 'day' | 'month' | 'year' | 'decade';
}

/** Modality of a coded event. */
export const MODALITIES = ['past', 'ongoing', 'intended', 'future', 'hypothetical', 'negated'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface CodedEvent extends Span {
  /** CAMEO code (3 or 4 digits), or a Brink extension code (156x, weapons tests). */
  code: string;
  /** The 2-digit CAMEO root. */
  root: string;
  /** Goldstein value of the code (GDELT's lookup). */
  goldstein: number;
  /** PLOVER category, or null where PLOVER has none (CAMEO 01, 02). */
  plover: string | null;
  /** Gazetteer id of the source actor, or its text as written when not in the gazetteer. */
  source: string;
  /** Gazetteer id of the target actor, its text as written, or null when the event has none. */
  target: string | null;
  modality: Modality;
  /** Extra: the code's name ("Make a visit"). */
  name: string;
  /** Extra: every source and target actor (a compound such as 美韓 is one event with two targets). */
  sources: string[];
  targets: string[];
  /** Extra: the words that triggered the code (the predicate as written), with offsets. */
  trigger: Span;
}

export interface Claim extends Span {
  /** Gazetteer id of the speaker, or the speaker's text as written when not in the gazetteer. */
  speaker: string;
  /** English name of the speaker (null when not in the gazetteer). */
  speaker_name_en: string | null;
  /** The attribution verb as written: 說, 指出, said, warned, according to. */
  verb: string;
  /** Extra: offsets of the verb. */
  verb_start: number;
  verb_end: number;
}

export type SentenceSpan = Offsets;

/** Everything the pipeline finds in one article. */
export interface ArticleEvidence {
  /** The article's date (YYYY-MM-DD), from its header or given. */
  date: string;
  language: ArticleLanguage;
  sentences: SentenceSpan[];
  mentions: Mention[];
  quantities: Quantity[];
  dates: DateMention[];
  events: CodedEvent[];
  claims: Claim[];
}
