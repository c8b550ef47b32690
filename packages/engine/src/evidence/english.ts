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
    if (DOUBLE.has(w)) {
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
