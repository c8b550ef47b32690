/**
 * English words for the coder and the claim finder: tokens with offsets and the inflected forms of a
 * verb or noun (so that a dictionary lists "visit" and matches visits, visited, visiting).
 *
 * Rules (regular English morphology, with an irregular-verb table): -s/-es/-ies for the third person
 * and plurals; -ed/-d/-ied for the past, doubling a final consonant after a single stressed vowel
 * (ban -> banned, expel -> expelled; the doubling list names the two-syllable verbs); -ing dropping a
 * final mute e (release -> releasing). Irregular pasts and participles come from the table.
 */

export interface Token {
  /** Lower-cased word. */
  word: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/g;

export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    let word = m[0].toLowerCase().replace(/’/g, "'");
    let tokenEnd = m.index + m[0].length;
    if (word.endsWith("'s")) {
      word = word.slice(0, -2);
      tokenEnd -= 2;
    } else if (word.endsWith("n't")) {
      out.push({ word: word.slice(0, -3), start: m.index, end: tokenEnd - 3 });
      out.push({ word: 'not', start: tokenEnd - 3, end: tokenEnd });
      continue;
    }
    out.push({ word, start: m.index, end: tokenEnd });
  }
  return out;
}

const IRREGULAR: Record<string, string[]> = {
  meet: ['met'], hold: ['held'], give: ['gave', 'given'], take: ['took', 'taken'], make: ['made'], send: ['sent'], sell: ['sold'],
  strike: ['struck', 'stricken'], shoot: ['shot'], fight: ['fought'], withdraw: ['withdrew', 'withdrawn'], break: ['broke', 'broken'],
  lead: ['led'], win: ['won'], bring: ['brought'], buy: ['bought'], fly: ['flew', 'flown'], forgive: ['forgave', 'forgiven'],
  throw: ['threw', 'thrown'], beat: ['beaten'], flee: ['fled'], set: ['set'], cut: ['cut'], put: ['put'], hit: ['hit'],
  shut: ['shut'], say: ['said'], tell: ['told'], speak: ['spoke', 'spoken'], begin: ['began', 'begun'], keep: ['kept'],
  leave: ['left'], draw: ['drew', 'drawn'], drive: ['drove', 'driven'], rise: ['rose', 'risen'], seek: ['sought'],
  think: ['thought'], freeze: ['froze', 'frozen'], lay: ['laid'], pay: ['paid'], stand: ['stood'], go: ['went', 'gone'],
  come: ['came'], see: ['saw', 'seen'], overrun: ['overran'], undertake: ['undertook', 'undertaken'], write: ['wrote', 'written'],
  know: ['knew', 'known'], ride: ['rode', 'ridden'], steal: ['stole', 'stolen'], swear: ['swore', 'sworn'], find: ['found'],
  feel: ['felt'], hear: ['heard'], build: ['built'], spend: ['spent'], lend: ['lent'], deal: ['dealt'], mean: ['meant'],
  forbid: ['forbade', 'forbidden'], shake: ['shook', 'shaken'], choose: ['chose', 'chosen'], grow: ['grew', 'grown'],
  show: ['shown'], sink: ['sank', 'sunk'], tear: ['tore', 'torn'], wage: ['waged'], rebuild: ['rebuilt'], slay: ['slew', 'slain'],
  blow: ['blew', 'blown'], hang: ['hung', 'hanged'], let: ['let'], quit: ['quit'], shed: ['shed'], spread: ['spread'], split: ['split'],
  bid: ['bid'], cast: ['cast'], overthrow: ['overthrew', 'overthrown'], uphold: ['upheld'], withhold: ['withheld'], oversee: ['oversaw', 'overseen'],
  retake: ['retook', 'retaken'], undergo: ['underwent', 'undergone'], feed: ['fed'], sweep: ['swept'], catch: ['caught'], teach: ['taught'],
  light: ['lit'], fall: ['fell', 'fallen'], get: ['got', 'gotten'], run: ['ran'], sit: ['sat'], lose: ['lost'], become: ['became'],
  understand: ['understood'], withstand: ['withstood'], bind: ['bound'], hide: ['hid', 'hidden'], bite: ['bit', 'bitten'], wear: ['wore', 'worn'],
  bear: ['bore', 'borne'], burn: ['burnt'], hurt: ['hurt'], burst: ['burst'], broadcast: ['broadcast'], forecast: ['forecast'], upset: ['upset'],
  forget: ['forgot', 'forgotten'], overtake: ['overtook', 'overtaken'], mislead: ['misled'], foresee: ['foresaw', 'foreseen'], arise: ['arose', 'arisen'],
  dig: ['dug'], stick: ['stuck'], sting: ['stung'], swing: ['swung'], spin: ['spun'], slide: ['slid'], strive: ['strove', 'striven'], wake: ['woke', 'woken'],
  override: ['overrode', 'overridden'], outbid: ['outbid'], recast: ['recast'], reset: ['reset'], mistake: ['mistook', 'mistaken'],
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'], have: ['has', 'had', 'having'], do: ['does', 'did', 'done', 'doing'],
};

const DOUBLE = new Set(['ban', 'stop', 'plan', 'ship', 'drop', 'slam', 'rap', 'rob', 'jail', 'nab', 'grab', 'trap', 'step', 'tap', 'scrap', 'spur', 'bar', 'arm', 'beg', 'pin', 'admit', 'commit', 'expel', 'compel', 'propel', 'repel', 'patrol', 'control', 'deter', 'refer', 'prefer', 'confer', 'occur', 'equip', 'omit', 'submit', 'transmit', 'regret', 'rebut', 'dispel', 'abet', 'embed', 'rebel', 'snub', 'shun', 'stab', 'mob', 'sob', 'kidnap', 'format', 'man', 'gun', 'net', 'vet', 'pit', 'fit', 'quit', 'hug', 'tug', 'lag', 'flag', 'tag', 'plot', 'dot', 'chop', 'shop', 'top', 'bat']);

/** All inflections of a word used as a verb (and as a noun: plural). */
export function inflections(base: string): string[] {
  const w = base.toLowerCase();
  const out = new Set([w]);
  if (/[^aeiou]y$/.test(w)) {
    out.add(w.slice(0, -1) + 'ies');
    out.add(w.slice(0, -1) + 'ied');
    out.add(w + 'ing');
  } else if (/(s|x|z|ch|sh)$/.test(w)) {
    out.add(w + 'es');
    out.add(w + 'ed');
    out.add(w + 'ing');
  } else if (/e$/.test(w)) {
    out.add(w + 's');
    out.add(w + 'd');
    out.add(/(ee|ye|oe)$/.test(w) ? w + 'ing' : w.slice(0, -1) + 'ing');
  } else {
    out.add(w + 's');
    if (/[^aeiou][aeiou]l$/.test(w) && !DOUBLE.has(w)) {
      // British and American spellings: cancelled and canceled, travelling and traveling.
      out.add(w + 'led');
      out.add(w + 'ling');
      out.add(w + 'ed');
      out.add(w + 'ing');
    } else if (DOUBLE.has(w)) {
      const last = w[w.length - 1]!;
      out.add(w + last + 'ed');
      out.add(w + last + 'ing');
    } else {
      out.add(w + 'ed');
      out.add(w + 'ing');
    }
  }
  for (const form of IRREGULAR[w] ?? []) out.add(form);
  return [...out];
}

/** Auxiliaries and copulas: forms of be, have, do and the modals. */
export const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);

/** A word or a punctuation mark of an English sentence, for the clause rules of ./events-en.ts. */
export interface EnToken {
  /** Lower-cased word ("'s" removed, see `possessive`), or the punctuation mark itself. */
  word: string;
  start: number;
  end: number;
  /** The word starts with a capital letter as written. */
  cap: boolean;
  /** A punctuation mark: , ; : ( ) " “ ” — – */
  punct: boolean;
  /** The word carried a possessive 's (Kenya's). */
  possessive: boolean;
  /** A number written in digits (1,800; 64.45). */
  number: boolean;
}

const EN_TOKEN = /([A-Za-z][A-Za-z'’]*(?:[-.][A-Za-z]+)*\.?)|(\d[\d,.]*\d|\d)|(--|[,;:()"“”—–])/g;
const ABBREVIATION_DOT = /^(?:[A-Za-z]\.)+[A-Za-z]?\.?$|^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Col|Lt|Maj|Capt|Adm|Gov|Pres|St|Jr|Sr|Prof)\.$/;

/** Words, numbers and punctuation of text[start, end), with offsets. */
export function tokenizeWithPunctuation(text: string, start: number, end: number): EnToken[] {
  const out: EnToken[] = [];
  EN_TOKEN.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = EN_TOKEN.exec(slice))) {
    if (m[3]) {
      out.push({ word: m[3], start: m.index, end: m.index + m[3].length, cap: false, punct: true, possessive: false, number: false });
      continue;
    }
    if (m[2]) {
      out.push({ word: m[2], start: m.index, end: m.index + m[2].length, cap: false, punct: false, possessive: false, number: true });
      continue;
    }
    let raw = m[1]!;
    // A final full stop belongs to the word only in abbreviations (U.S., Gen.).
    if (raw.endsWith('.') && !ABBREVIATION_DOT.test(raw)) raw = raw.slice(0, -1);
    let word = raw.toLowerCase().replace(/’/g, "'");
    let tokenEnd = m.index + raw.length;
    let possessive = false;
    if (/'s$/.test(word)) {
      word = word.slice(0, -2);
      tokenEnd -= 2;
      possessive = true;
    } else if (/s'$/.test(word)) {
      word = word.slice(0, -1);
      tokenEnd -= 1;
      possessive = true;
    } else if (word.endsWith("n't")) {
      const stem = word === "won't" ? 'will' : word === "can't" ? 'can' : word.slice(0, -3);
      out.push({ word: stem, start: m.index, end: tokenEnd - 3, cap: /^[A-Z]/.test(raw), punct: false, possessive: false, number: false });
      out.push({ word: 'not', start: tokenEnd - 3, end: tokenEnd, cap: false, punct: false, possessive: false, number: false });
      EN_TOKEN.lastIndex = m.index + raw.length;
      continue;
    }
    out.push({ word, start: m.index, end: tokenEnd, cap: /^[A-Z]/.test(raw), punct: false, possessive, number: false });
    EN_TOKEN.lastIndex = m.index + raw.length;
  }
  return out;
}

/** Closed word classes of English used by the clause rules. */
export const EN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'some', 'any', 'each', 'every', 'no', 'another', 'both', 'all', 'several', 'many', 'few', 'most', 'other', 'such']);
export const EN_PREPOSITIONS = new Set(['of', 'for', 'with', 'to', 'against', 'from', 'at', 'by', 'in', 'on', 'into', 'onto', 'toward', 'towards', 'about', 'over', 'between', 'among', 'amongst', 'than', 'like', 'near', 'across', 'through', 'upon', 'within', 'without', 'including', 'during', 'despite', 'under', 'along', 'behind', 'beyond', 'outside', 'inside', 'amid', 'amidst', 'following', 'via', 'per', 'throughout', 'around', 'off', 'above', 'below', 'beside', 'besides', 'concerning', 'regarding', 'except', 'out', 'up', 'down']);
export const EN_SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'as', 'since', 'until', 'after', 'before', 'once', 'whether', 'so']);
export const EN_CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor', 'yet']);
export const EN_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
export const EN_TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'day', 'days', 'weeks', 'months', 'years', 'earlier', 'later', 'recently', 'now', 'here', 'there', 'again', 'jointly', 'also', 'already', 'still', 'reportedly', 'allegedly', 'officially', 'formally', 'publicly', 'once', 'twice', 'finally', 'just', 'even', 'only', 'further', 'immediately', 'instead', 'late', 'early', 'last', 'next', 'this', 'past']);
