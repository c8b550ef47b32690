/**
 * The gazetteer: who an article names, resolved to one id per actor with its English name.
 *
 * Built from three layers, later layers adding to earlier ones (names are unioned; kind, English name,
 * state and tenure are overridden):
 * 1. a gazetteer file (Brink ships gazetteers/default.yaml: states with their names in English,
 *    Traditional and Simplified Chinese, demonyms, capitals as metonyms and one-character abbreviations;
 *    leaders and officials with their offices; international organisations), see ./gazetteer-file.ts;
 * 2. the scenario's actors (`names` in every language, `aliases`, `role`, `state`, `tenure`): the
 *    scenario's ids win, so mentions resolve to ids the scenario uses;
 * 3. further gazetteer files the user gives (entries added without code).
 *
 * Matching rules (docs/evidence.md, "Gazetteer"):
 * - Every name is normalised like the article (Simplified Chinese, half-width ASCII), so 北韓 and 北韩
 *   match the same entry. Matching is longest-first from left to right; `ignore` phrases (朝鮮半島,
 *   美元, Korean Peninsula) are consumed without a mention, so 朝鮮 in 朝鮮半島 is not the DPRK.
 * - Latin names match case-sensitively on whole words (US is not "us"); a possessive 's may follow.
 * - A Chinese name must not start inside a word that ICU's segmentation began earlier (美國 in 北美國家).
 * - One-character abbreviations (美, 韓, 朝, 中, 俄, 日) count in runs of two or more that form words
 *   of their own (美韓, 中朝, 美日韓: one mention per character), or alone when they are a word of their
 *   own after 與/對/和/跟/同/訪/赴/抗/援/反/親/聯 or before 方/軍/關係/合作/同盟/聯盟/會談/峰會.
 * - Compounds (南北韓) name several actors at once: one mention per actor, on the whole text.
 * - Offices (南韓總統, South Korean President) name the person who held them at the article's date
 *   (`tenure`); an office followed by a person's name is left to the name.
 * - English short names: after a person's full name, their family or given name alone (Trump, Kim,
 *   Cha) refers back to the most recently named person it fits.
 */
import { normaliseKey } from './normalise';
import type { WordBoundaries } from './segment';
import type { ActorKind, Mention, MentionKind, Offsets } from './types';

export interface GazetteerEntry {
  id: string;
  kind: ActorKind;
  name_en: string;
  /** Names and aliases, any language. */
  names: string[];
  /** Capitals and seats of government that stand for the entry (平壤, Pyongyang, 華府). */
  metonyms?: string[];
  /** One-character abbreviations used in compounds (美, 韓). */
  abbreviations?: string[];
  /** Offices that name this person while they hold them (南韓總統). */
  roles?: string[];
  /** When the person holds the offices in `roles` (ISO dates, either end open). */
  tenure?: { from?: string; to?: string };
  /** State the person or organisation belongs to (an entry id). */
  state?: string;
  /** Organisation a person speaks for (an entry id). */
  affiliation?: string;
}

export interface GazetteerInput {
  entries: GazetteerEntry[];
  /** Phrases that contain a name but name no actor (朝鮮半島, 美元). */
  ignore?: string[];
  /** Phrases that name several actors at once: 南北韓 -> [rok, dprk]. */
  compounds?: Record<string, string[]>;
}

type Via = Mention['via'];

interface Payload {
  ids: string[];
  via: Via;
  /** For roles: the entry whose tenure decides. */
  role?: boolean;
  latin: boolean;
  /** Length of the key in code units. */
  length: number;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  payload?: Payload;
}

const LATIN_CHAR = /[A-Za-z0-9]/;
const ABBREVIATION_BEFORE = new Set([...'与对和跟同访赴抗援反亲联及、']);
const ABBREVIATION_AFTER = ['方', '军', '关系', '合作', '同盟', '联盟', '会谈', '峰会', '军演', '贸易', '边境', '对话', '首脑'];

export interface Gazetteer {
  readonly entries: ReadonlyMap<string, GazetteerEntry>;
  /** Mentions in the normalised text `norm` (same offsets as the original `text`). */
  findMentions(doc: MentionDoc): Mention[];
  /** The entry of an id. */
  get(id: string): GazetteerEntry | undefined;
}

export interface MentionDoc {
  /** The original text (mention texts are cut from it). */
  text: string;
  /** Its normalisation (same length). */
  norm: string;
  /** Where to look: the sentences. */
  sentences: readonly Offsets[];
  chinese: boolean;
  words: WordBoundaries;
  /** The article's date (decides which office holder a role names). */
  date: string;
}

function mentionKind(kind: ActorKind): MentionKind {
  return kind === 'state' ? 'state' : kind === 'person' ? 'person' : 'organisation';
}

/** Splits "North Korea (DPRK)" into "North Korea" and "DPRK" (both are names). */
export function nameForms(name: string): string[] {
  const out = [name.trim()];
  const m = /^(.*?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(name);
  if (m) {
    out.push(m[1]!.trim());
    for (const part of m[2]!.split(/[,，;、]/)) out.push(part.trim());
  }
  return [...new Set(out.filter((s) => s.length > 0))];
}

function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** Merges gazetteer layers: later layers add names and override kind, English name, state and tenure. */
export function mergeGazetteers(layers: readonly GazetteerInput[]): GazetteerInput {
  const entries = new Map<string, GazetteerEntry>();
  const ignore = new Set<string>();
  const compounds: Record<string, string[]> = {};
  for (const layer of layers) {
    for (const e of layer.entries) {
      const old = entries.get(e.id);
      if (!old) {
        entries.set(e.id, { ...e, names: [...e.names] });
        continue;
      }
      const union = (a?: string[], b?: string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
      entries.set(e.id, {
        ...old,
        ...e,
        names: union(old.names, e.names),
        metonyms: union(old.metonyms, e.metonyms),
        abbreviations: union(old.abbreviations, e.abbreviations),
        roles: union(old.roles, e.roles),
        tenure: e.tenure ?? old.tenure,
      });
    }
    for (const phrase of layer.ignore ?? []) ignore.add(phrase);
    Object.assign(compounds, layer.compounds ?? {});
  }
  return { entries: [...entries.values()], ignore: [...ignore], compounds };
}

function withinTenure(entry: GazetteerEntry | undefined, date: string): boolean {
  if (!entry?.tenure) return true;
  const { from, to } = entry.tenure;
  if (from !== undefined && date < from) return false;
  if (to !== undefined && date > to) return false;
  return true;
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const root: TrieNode = { next: new Map() };
  const abbreviations = new Map<number, string[]>();
  const shortNames = new Map<string, string[]>();

  const add = (key: string, payload: Omit<Payload, 'latin' | 'length'>): void => {
    const norm = normaliseKey(key.trim());
    if (norm.length === 0) return;
    let node = root;
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    const latin = LATIN_CHAR.test(norm[0]!) || LATIN_CHAR.test(norm[norm.length - 1]!);
    const existing = node.payload;
    // A name beats a metonym beats a role for the same key; ignore beats nothing but an empty slot.
    const rank = (v: Via | undefined, role?: boolean) => (v === 'name' ? 3 : v === 'metonym' ? 2 : role ? 1 : 0);
    if (!existing || rank(payload.via, payload.role) > rank(existing.via, existing.role) || (existing.ids.length === 0 && payload.ids.length > 0)) {
      node.payload = { ...payload, latin, length: norm.length };
    } else if (existing.via === payload.via && payload.ids.length > 0) {
      // Same key, same kind: keep every id (an office several people held in turn; roles pick by date).
      existing.ids = [...new Set([...existing.ids, ...payload.ids])];
    }
  };

  for (const e of input.entries) {
    for (const name of e.names.flatMap(nameForms)) {
      if ([...name].length === 1 && isHan(name)) {
        const cp = normaliseKey(name).charCodeAt(0);
        abbreviations.set(cp, [...new Set([...(abbreviations.get(cp) ?? []), e.id])]);
      } else add(name, { ids: [e.id], via: 'name' });
    }
    for (const m of e.metonyms ?? []) add(m, { ids: [e.id], via: 'metonym' });
    for (const a of e.abbreviations ?? []) {
      const cp = normaliseKey(a).charCodeAt(0);
      abbreviations.set(cp, [...new Set([...(abbreviations.get(cp) ?? []), e.id])]);
    }
    for (const r of e.roles ?? []) add(r, { ids: [e.id], via: 'role', role: true });
    if (e.kind === 'person') {
      const english = e.names.flatMap(nameForms).filter((n) => /^[A-Z][A-Za-z'’.-]+( [A-Z][A-Za-z'’.-]+)+$/.test(n));
      for (const full of english) {
        const parts = full.split(' ');
        for (const short of [parts[0]!, parts[parts.length - 1]!]) {
          if (short.length < 2 || /\.$/.test(short)) continue;
          shortNames.set(short, [...new Set([...(shortNames.get(short) ?? []), e.id])]);
        }
      }
    }
  }
  for (const phrase of input.ignore ?? []) add(phrase, { ids: [], via: 'name' });
  for (const [phrase, ids] of Object.entries(input.compounds ?? {})) add(phrase, { ids, via: 'abbreviation' });

  const gazetteer: Gazetteer = {
    entries,
    get: (id) => entries.get(id),
    findMentions: (doc) => findMentions(doc, { root, abbreviations, shortNames, entries }),
  };
  return gazetteer;
}

interface Tables {
  root: TrieNode;
  abbreviations: Map<number, string[]>;
  shortNames: Map<string, string[]>;
  entries: Map<string, GazetteerEntry>;
}

function mention(doc: MentionDoc, tables: Tables, id: string | null, start: number, end: number, via: Via, kind?: MentionKind): Mention {
  const entry = id === null ? undefined : tables.entries.get(id);
  return {
    kind: kind ?? (entry ? mentionKind(entry.kind) : 'person'),
    text: doc.text.slice(start, end),
    start,
    end,
    id,
    name_en: entry?.name_en ?? null,
    via,
  };
}

function latinBoundaryOk(norm: string, start: number, end: number): boolean {
  if (start > 0 && LATIN_CHAR.test(norm[start - 1]!)) return false;
  if (end < norm.length && LATIN_CHAR.test(norm[end]!)) {
    // A possessive or plural suffix is fine: Korea's, Koreans are not (Korean is its own entry).
    return false;
  }
  return true;
}

/** Characters after which a name starts a word anyway (function words, punctuation): no segmentation needed. */
const FREE_BEFORE = new Set([...'的与和对在于向将是及、让使被把由从为但而并又也还都则却就到至即或等其之以因所若如今已曾据称说对着了过']);

function needsBoundaryCheck(norm: string, i: number, sentenceStart: number): boolean {
  if (i <= sentenceStart) return false;
  const c = norm.charCodeAt(i - 1);
  if (c < 0x3400) return false; // ASCII, punctuation, digits
  return !FREE_BEFORE.has(norm[i - 1]!);
}

function findMentions(doc: MentionDoc, tables: Tables): Mention[] {
  const { norm } = doc;
  const out: Mention[] = [];
  let roleBlockedUntil = -1;
  for (const sentence of doc.sentences) {
    let i = sentence.start;
    while (i < sentence.end) {
      const c = norm.charCodeAt(i);
      // Trie walk: every match ending on the way, longest first.
      const matches: { end: number; payload: Payload }[] = [];
      let node: TrieNode | undefined = tables.root;
      for (let j = i; j < sentence.end && node; j++) {
        node = node.next.get(norm.charCodeAt(j));
        if (node?.payload) matches.push({ end: j + 1, payload: node.payload });
      }
      let taken = false;
      const before = out.length;
      for (let k = matches.length - 1; k >= 0 && !taken; k--) {
        const { end, payload } = matches[k]!;
        if (payload.latin) {
          if (!latinBoundaryOk(norm, i, end)) continue;
        } else if (doc.chinese && needsBoundaryCheck(norm, i, sentence.start) && !doc.words.isBoundary(i)) {
          continue;
        }
        if (payload.role) {
          // An office several people held in turn names the one who held it at the article's date.
          const holder = payload.ids.find((id) => withinTenure(tables.entries.get(id), doc.date));
          if (i < roleBlockedUntil || holder === undefined) continue;
          // An office overlaps the names inside it (南韓 in 南韓總統): match again at the same place.
          out.push(mention(doc, tables, holder, i, end, 'role'));
          roleBlockedUntil = end;
          break;
        }
        taken = true;
        if (payload.via === 'abbreviation') {
          for (const id of payload.ids) out.push(mention(doc, tables, id, i, end, 'abbreviation'));
        } else if (payload.ids.length > 0) {
          // Ambiguous keys (two entries share a name) resolve to the first; the gazetteer should not have them.
          out.push(mention(doc, tables, payload.ids[0]!, i, end, payload.via));
        }
        i = end;
      }
      if (taken) continue;
      if (out.length > before) continue; // an office was matched here: now look for the names inside it
      if (doc.chinese && tables.abbreviations.has(c)) {
        const run = abbreviationRun(doc, tables, i, sentence.end);
        if (run > 0) {
          for (let k = i; k < i + run; k++) {
            for (const id of tables.abbreviations.get(norm.charCodeAt(k))!.slice(0, 1)) out.push(mention(doc, tables, id, k, k + 1, 'abbreviation'));
          }
          i += run;
          continue;
        }
      }
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
  }
  const withoutRoles = dropRolesBeforeNames(out, doc);
  return doc.chinese ? withoutRoles : [...withoutRoles, ...englishCoreference(doc, tables, withoutRoles)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Length of an abbreviation compound starting at i (0 when none is accepted). */
function abbreviationRun(doc: MentionDoc, tables: Tables, i: number, end: number): number {
  const { norm, words } = doc;
  let j = i;
  while (j < end && tables.abbreviations.has(norm.charCodeAt(j))) j++;
  const n = j - i;
  // Cheap conditions first: segmentation only runs where a compound or a context word makes it matter.
  if (n === 1) {
    const before = i > 0 ? norm[i - 1]! : '';
    const after = ABBREVIATION_AFTER.some((a) => norm.startsWith(a, i + 1));
    if (!ABBREVIATION_BEFORE.has(before) && !after) return 0;
    if (!words.isBoundary(i)) return 0;
    return after || words.isBoundary(i + 1) ? 1 : 0;
  }
  if (!words.isBoundary(i)) return 0;
  // The run must end at a word boundary (美韩|联盟), else it drops its last character (中美|好 -> no).
  if (words.isBoundary(j)) return n;
  return n - 1 >= 2 && words.isBoundary(j - 1) ? n - 1 : 0;
}

function dropRolesBeforeNames(mentions: Mention[], doc: MentionDoc): Mention[] {
  return mentions.filter((m) => {
    if (m.via !== 'role') return true;
    const next = mentions.find((n) => n.start >= m.end);
    if (!next || next.kind !== 'person' || next.via === 'role') return true;
    const gap = doc.text.slice(m.end, next.start);
    return !/^[\s·•]{0,2}$/.test(gap);
  });
}

function englishCoreference(doc: MentionDoc, tables: Tables, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  const taken = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
  const seen = new Map<string, number>(); // person id -> offset of its last mention
  const persons = mentions.filter((m) => m.kind === 'person' && m.id !== null);
  let p = 0;
  const re = /\b[A-Z][a-z'’-]+\b/g;
  for (const sentence of doc.sentences) {
    re.lastIndex = sentence.start;
    const slice = doc.norm.slice(0, sentence.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      while (p < persons.length && persons[p]!.start < m.index) {
        seen.set(persons[p]!.id!, persons[p]!.start);
        p++;
      }
      const candidates = tables.shortNames.get(m[0]);
      if (!candidates || taken(m.index, m.index + m[0].length)) continue;
      let best: string | undefined;
      let bestAt = -1;
      for (const id of candidates) {
        const at = seen.get(id);
        if (at !== undefined && at > bestAt) {
          best = id;
          bestAt = at;
        }
      }
      if (best !== undefined) out.push(mention(doc, tables, best, m.index, m.index + m[0].length, 'coreference'));
    }
  }
  return out;
}
