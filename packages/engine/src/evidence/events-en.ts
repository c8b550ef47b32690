/**
 * The English event coder: who did what to whom in an English news sentence, in CAMEO codes.
 *
 * Method: TABARI/PETRARCH's dictionary patterns (Schrodt 2012; Norris, Schrodt & Beieler 2017) over
 * a shallow analysis of the sentence instead of a full parse: noun-phrase chunks for the actors,
 * verb groups (auxiliaries, modals, negation) for tense and modality, and clause openers
 * (subordinators, speech verbs, commas) for the clause an event sits in. The predicate dictionary is
 * ./lexicon-en.ts, the generic agents ./agents.ts.
 *
 * Rules (docs/evidence.md, "Coding rules"):
 * 1. Actors are noun phrases whose head is a gazetteer name (states, demonyms, capitals, persons,
 *    organisations), a generic agent (police, rebels, the government, protesters, opposition leaders:
 *    CAMEO agent codes), a title before a name (President X) or an unknown capitalised name. A phrase
 *    resolves to the state or organisation it names ("Kenyan police", "Kenya's police", "police in
 *    Kenya" = Kenya, agent COP; "Senior Hungarian and Romanian officials" = Hungary and Romania), to a
 *    known person, else to its text as written ("police", "Hezbollah guerrillas").
 * 2. A trigger is a dictionary verb pattern used as a verb (not after a determiner: "the attack" is a
 *    noun), or an event noun as the object of a light verb (staged a protest, carried out a massacre).
 *    Stopping verbs reverse the event (called off the strike = 082, cancelled the visit = 161).
 * 3. Form: a finite verb, a verb after an auxiliary or modal, or an infinitive governed by a verb of
 *    intent (plans to, agreed to, vowed to) is an event. A participle right after an object noun is a
 *    modifier ("athletes killed at the Games", "occupied territories"): no event, unless a by-phrase
 *    names its agent (a secondary event). A purpose infinitive ("met to discuss") is no event.
 * 4. Source: the subject: the actor phrase before the verb group, past time adverbials, appositives
 *    and parentheses, coordinated actors (X and Y) together; a pronoun (it, they, he) is the speaker of
 *    the speech verb it reports ("X said it would...") else the sentence's first subject; a verb after
 *    "and" continues the previous subject; a relative "who/which" takes its antecedent. Passive: the
 *    by-agent is the source and the subject the target; a passive without an agent is no event. A
 *    subject that is no actor ("Oil prices rose") gives no event.
 * 5. Target: the first actor after the verb in its clause that is not a location (in, at, near...) or a
 *    possessor (of); for reciprocal acts with two coordinated sources, the second source.
 * 6. Speech acts take their content: what is appealed for, demanded, promised, refused, threatened or
 *    criticised (an infinitive, a that-clause, an of/for-gerund or an object) is no separate event and
 *    gives the act its sub-code (./speech-acts.ts): urged X to resume talks = 026.
 * 7. Modality: negation (not, never, no longer, failed to), conditionals (if, unless: hypothetical),
 *    modals (may, might, could: hypothetical; will, would, shall, is to, going to: future), intent
 *    (plans, vows, agrees, is ready... to), progressive (ongoing). CAMEO's future rule: future,
 *    intended or possible cooperation is root 03, conflict root 13 ("will attack" = 1384). A negated
 *    future or intended cooperative act is a refusal, root 12 ("will not accept" = 12). An obligation
 *    in reported speech is a demand of the speaker on the subject ("X said Y must release..." = 1053).
 * 8. Order: events of the main clause and of reported speech come first, then those of subordinate and
 *    relative clauses, then conditions; a negated act is reported with modality `negated`.
 */
import { cameoCode } from './cameo';
import { AUXILIARIES, EN_CONJUNCTIONS, EN_DETERMINERS, EN_PREPOSITIONS, EN_PRONOUNS, EN_SUBORDINATORS, EN_TIME_WORDS, inflections, tokenizeWithPunctuation, type EnToken } from './english';
import { englishAgent, englishModifierAgent, englishTitle, EN_AGENT_MAX_WORDS, EN_TITLE_MAX_WORDS, EN_WEAK_AGENTS } from './agents';
import { parseLexicon, refine, resolveOverlaps, type Candidate, type Rule } from './lexicon';
import { EN_LEXICON } from './lexicon-en';
import { futureCode } from './modality';
import { accusationCode, rejectionCode, requestCode, reversalCode } from './speech-acts';
import type { CodedEvent, Mention, Modality, Offsets } from './types';

/** An actor phrase: token range, what it resolves to, its CAMEO agent code. */
interface Actor {
  /** First and last token (inclusive) of the whole phrase, post-modifiers included. */
  s: number;
  e: number;
  /** Last token of the head (before of/in/from phrases). */
  h: number;
  /** Gazetteer ids, or the text as written. */
  refs: string[];
  agent: string | null;
  /** A person named in the gazetteer. */
  person: boolean;
  /** Resolved to text (no gazetteer entry). */
  generic: boolean;
}

interface EnRule {
  rule: Rule;
  forms: Set<string>[][];
}

interface EnCandidate extends Candidate {
  /** Token index of the verb that carries the event (the light verb for event nouns). */
  verb: number;
  /** Token index after the trigger's first part (objects follow). */
  after: number;
  /** Last token of the trigger. */
  last: number;
  /** Reversal of an event noun (called off the strike). */
  reversed: boolean;
}

/** Force-posture codes whose patient is the actor's own forces (a passive without agent keeps its subject). */
const SELF_DIRECTED = new Set(['151', '152', '153', '154']);
const RECIPROCAL = new Set(['036', '040', '041', '044', '046', '050', '057', '060', '061', '062', '063', '064', '019']);
/** Roots of speech acts whose content is not a separate event. */
const SPEECH_ACT_ROOTS = new Set(['02', '03', '10', '11', '12', '13']);
const SPEECH_ACT_CODES = new Set(['014', '016', '019']);

const SPEECH_VERBS = new Set<string>();
for (const v of ['say', 'tell', 'announce', 'declare', 'state', 'add', 'report', 'note', 'stress', 'claim', 'argue', 'reiterate', 'confirm', 'assert', 'reply', 'respond', 'write', 'believe', 'think', 'indicate', 'suggest', 'explain', 'maintain', 'contend', 'predict', 'emphasize', 'emphasise', 'insist', 'warn', 'remind', 'inform', 'acknowledge', 'admit', 'disclose', 'reveal', 'hint', 'signal', 'mention', 'recall', 'observe', 'conclude', 'quote', 'cite']) {
  for (const f of inflections(v)) if (!f.endsWith('ing')) SPEECH_VERBS.add(f);
}
SPEECH_VERBS.add('said');
for (const f of ['saying', 'insisting', 'stressing', 'warning', 'arguing', 'declaring', 'adding', 'noting', 'claiming', 'announcing', 'stating', 'reiterating']) SPEECH_VERBS.add(f);

const INTENT_GOVERNORS = new Set<string>();
for (const v of ['plan', 'intend', 'aim', 'seek', 'want', 'hope', 'vow', 'swear', 'pledge', 'promise', 'offer', 'decide', 'agree', 'resolve', 'prepare', 'expect', 'try', 'attempt', 'move', 'threaten', 'refuse', 'decline', 'fail', 'begin', 'start', 'continue', 'wish', 'volunteer', 'undertake', 'propose', 'consider', 'prefer', 'vote', 'choose', 'elect', 'ask', 'demand', 'need']) {
  for (const f of inflections(v)) INTENT_GOVERNORS.add(f);
}
for (const w of ['ready', 'willing', 'prepared', 'determined', 'set', 'due', 'going', 'likely', 'about', 'able', 'eager', 'keen', 'sworn', 'scheduled', 'poised', 'expected', 'committed', 'obliged', 'forced', 'compelled', 'bound', 'unable', 'unwilling', 'reluctant', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'ought']) INTENT_GOVERNORS.add(w);

const INTENT_CUES = /\b(plans?|planned|planning|intends?|intended|aims?|aimed|seeks?|sought|wants?|wanted|hopes?|hoped|vow(?:s|ed)?|swore|sworn|pledge[sd]?|promise[sd]?|offer(?:s|ed)?|ready|willing|prepared|determined|agree[sd]?|eager|keen|committed|poised|trie[sd]|tries|attempt(?:s|ed)?|volunteer(?:s|ed)?|undert(?:ook|akes?)|proposed?|proposes)\s+to\b/;
const FUTURE_CUES = /\b(will|shall|'ll|would|going to|expected to|set to|due to|scheduled to|is to|are to|was to|were to|about to|likely to)\b/;
const POSSIBLE_CUES = /\b(may|might|could|can|possibly|perhaps)\b/;
const OBLIGATION_CUES = /\b(must|should|has to|have to|had to|needs? to|needed to|ought to)\b/;
const NEGATION = /\b(not|never|no longer|failed to|fail to|fails to|unable to|unwilling to)\b/;

const LIGHT_VERBS = new Set<string>();
for (const v of ['hold', 'stage', 'launch', 'begin', 'start', 'conduct', 'mount', 'organize', 'organise', 'wage', 'resume', 'continue', 'commit', 'perpetrate', 'undertake', 'make', 'issue', 'lodge', 'file', 'declare', 'call', 'join', 'lead', 'intensify', 'open', 'unleash', 'convene', 'pay', 'attend', 'carry', 'engage', 'step', 'go', 'renew', 'announce', 'order', 'impose', 'proclaim', 'detonate', 'explode', 'set', 'plant', 'trigger', 'effect', 'observe', 'keep', 'maintain', 'extend', 'enforce', 'kick', 'restart', 'reopen', 'host', 'sponsor', 'broker', 'arrange', 'use', 'deploy', 'send', 'dispatch', 'fire', 'drop', 'unveil', 'display', 'show', 'give', 'provide', 'grant', 'deliver', 'ship', 'supply', 'sign', 'reach', 'conclude', 'seal', 'introduce', 'enact', 'tighten', 'expand', 'widen', 'slap', 'level', 'bring', 'raise', 'lay', 'stop', 'end', 'halt', 'suspend', 'cancel', 'abandon', 'postpone', 'break', 'lift', 'scrap', 'terminate', 'cease', 'freeze', 'withdraw', 'complete', 'initiate', 'pursue', 'have', 'hold', 'submit', 'present', 'hand', 'conduct', 'resort', 'begin', 'escalate', 'step', 'heighten', 'increase', 'carry']) {
  for (const f of inflections(v)) LIGHT_VERBS.add(f);
}
const REVERSING_VERBS = new Set<string>();
for (const v of ['stop', 'end', 'halt', 'suspend', 'cancel', 'abandon', 'postpone', 'break', 'lift', 'drop', 'scrap', 'terminate', 'cease', 'freeze', 'withdraw']) {
  for (const f of inflections(v)) REVERSING_VERBS.add(f);
}
REVERSING_VERBS.add('off'); // call off, break off

/** Verb forms that stop a noun phrase from growing leftwards (a verb is no modifier). */
const KNOWN_VERBS = new Set<string>([...AUXILIARIES, ...SPEECH_VERBS, ...INTENT_GOVERNORS, ...LIGHT_VERBS]);

let rulesByForm: Map<string, EnRule[]> | undefined;

function englishRules(): Map<string, EnRule[]> {
  if (rulesByForm) return rulesByForm;
  rulesByForm = new Map();
  for (const rule of parseLexicon(EN_LEXICON, false)) {
    const forms = rule.parts.map((words, p) => words.map((w, i) => wordForms(w, p === 0 && i === 0 && !rule.noun)));
    for (const form of forms[0]![0]!) {
      const list = rulesByForm.get(form) ?? [];
      list.push({ rule, forms });
      rulesByForm.set(form, list);
    }
    if (!rule.noun && !rule.block) for (const f of forms[0]![0]!) KNOWN_VERBS.add(f);
  }
  return rulesByForm;
}

function wordForms(word: string, verb: boolean): Set<string> {
  if (word.endsWith('*')) return new Set([word]);
  const lower = word.toLowerCase();
  return new Set(verb ? inflections(lower) : [lower, `${lower}s`, `${lower}es`, ...inflections(lower)]);
}

function matchesForm(forms: Set<string>, word: string): boolean {
  if (forms.has(word)) return true;
  for (const f of forms) if (f.endsWith('*') && word.startsWith(f.slice(0, -1))) return true;
  return false;
}

const isWord = (t: EnToken | undefined): t is EnToken => t !== undefined && !t.punct;
const MONTH_OR_VERB = new Set(['may', 'march']);

function isTimeToken(t: EnToken): boolean {
  if (t.punct) return false;
  if (MONTH_OR_VERB.has(t.word)) return t.cap;
  return EN_TIME_WORDS.has(t.word) || /^\d{4}$/.test(t.word);
}

function isAdverb(t: EnToken): boolean {
  return !t.punct && !t.number && ((/ly$/.test(t.word) && t.word.length > 4 && !['rally', 'ally', 'italy', 'supply', 'apply', 'reply', 'family', 'assembly', 'fly', 'july', 'early', 'only'].includes(t.word)) || ['not', 'never', 'also', 'already', 'still', 'again', 'jointly', 'reportedly', 'allegedly', 'once', 'just', 'even', 'now', 'then', 'soon', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'here', 'there', 'finally', 'further', 'instead', 'too', 'long', 'no', 'longer', 'ever', 'yet', 'always', 'often', 'repeatedly', 'twice', 'last', 'reluctantly', 'swiftly', 'quickly', 'formally', 'officially', 'effectively', 'unilaterally', 'immediately', 'hastily', 'outright', 'anew', 'afresh', 'together', 'hard', 'nonetheless', 'nevertheless', 'meanwhile', 'subsequently', 'previously', 'recently', 'currently'].includes(t.word));
}

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

interface Unit {
  kind: 'mention' | 'agent' | 'title' | 'name' | 'word' | 'punct';
  s: number;
  e: number;
  ids?: string[];
  person?: boolean;
  code?: string;
  weak?: boolean;
}

const SENTENCE_INITIAL = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'as', 'but', 'and', 'for', 'with', 'this', 'that', 'these', 'those', 'some', 'about', 'around', 'up', 'more', 'over', 'nearly', 'almost', 'it', 'he', 'she', 'they', 'we', 'there', 'since', 'during', 'following', 'despite', 'according', 'meanwhile', 'however', 'earlier', 'later', 'last', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'one', 'several', 'dozens', 'hundreds', 'thousands', 'tens', 'millions', 'scores', 'angry', 'senior', 'top', 'former', 'radical', 'armed', 'unknown', 'unidentified', 'suspected']);
const ANAPHORS = new Set(['country', 'nation', 'kingdom', 'republic', 'state', 'island', 'emirate', 'government', 'regime', 'administration', 'group', 'organization', 'organisation', 'movement', 'alliance', 'bloc']);
const PLACE_WORDS = new Set(['sea', 'ocean', 'gulf', 'river', 'strait', 'straits', 'island', 'islands', 'mountains', 'mountain', 'peninsula', 'bay', 'lake', 'desert', 'valley', 'province', 'region', 'district', 'city', 'coast', 'strip', 'bank', 'heights', 'plateau', 'basin', 'canal', 'channel', 'highway', 'square', 'street', 'airport', 'port', 'harbour', 'harbor', 'camp', 'base', 'hills', 'county', 'state', 'territory', 'enclave', 'corridor', 'border', 'capital', 'village', 'town']);
const NAME_GLUE = new Set(['of', 'for', 'the', 'and', 'de', 'al', 'el', 'bin', 'van', 'von', 'der', 'den', 'da', 'du', 'le', 'la', 'abu', 'ibn']);
const QUANTITY_HEADS = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'group', 'groups', 'number', 'crowd', 'crowds', 'band', 'bands', 'team', 'unit', 'batch', 'contingent', 'delegation', 'members', 'some', 'many', 'most', 'all', 'one', 'two', 'three', 'several']);
const MODIFIER_WORDS = new Set(['senior', 'top', 'former', 'local', 'angry', 'radical', 'ethnic', 'armed', 'striking', 'visiting', 'foreign', 'unknown', 'unidentified', 'suspected', 'alleged', 'masked', 'hardline', 'moderate', 'militant', 'rebel', 'renegade', 'rival', 'pro-government', 'anti-government', 'government', 'opposition', 'military', 'police', 'security', 'state', 'federal', 'provincial', 'regional', 'national', 'central', 'interim', 'transitional', 'new', 'exiled', 'jailed', 'detained', 'imprisoned', 'defeated', 'ruling', 'governing', 'leading', 'main', 'chief', 'deputy', 'acting', 'outspoken', 'prominent', 'official', 'independent', 'islamic', 'islamist', 'christian', 'muslim', 'catholic', 'jewish', 'kurdish', 'tamil', 'hutu', 'tutsi', 'shiite', 'sunni', 'arab', 'western', 'eastern', 'northern', 'southern', 'international', 'human', 'rights', 'civil', 'society', 'trade', 'labour', 'labor', 'paper', 'factory', 'car', 'steel', 'oil', 'mine', 'coal', 'taxi', 'bus', 'truck', 'border', 'riot', 'coast', 'intelligence', 'defence', 'defense', 'interior', 'justice', 'finance', 'health', 'education', 'public', 'private', 'young', 'elderly', 'unemployed', 'homeless', 'displaced', 'disgruntled', 'frustrated', 'religious', 'tribal', 'student', 'union', 'party', 'army', 'navy', 'air', 'naval', 'hospital', 'medical', 'aid', 'relief', 'peace', 'un', 'u.n.', 'nato', 'special', 'elite', 'paramilitary', 'guerrilla', 'separatist', 'insurgent', 'militia', 'fundamentalist', 'extremist', 'secular', 'leftist', 'rightist', 'right-wing', 'left-wing', 'far-left', 'far-right', 'nationalist', 'communist', 'socialist', 'conservative', 'liberal', 'democratic', 'republican', 'royal', 'presidential', 'parliamentary', 'district', 'city', 'town', 'village', 'provincial', 'cabinet', 'palestinian', 'first', 'second', 'third']);

function buildUnits(tokens: EnToken[], mentions: readonly Mention[]): Unit[] {
  const units: Unit[] = [];
  const mentionAt = new Map<number, { e: number; m: Mention }>();
  for (const m of mentions) {
    const s = tokens.findIndex((t) => t.start >= m.start && t.start < m.end);
    if (s < 0) continue;
    let e = s;
    while (e + 1 < tokens.length && tokens[e + 1]!.start < m.end) e++;
    const old = mentionAt.get(s);
    if (!old || old.e < e || (old.e === e && old.m.via === 'role' && m.via !== 'role')) mentionAt.set(s, { e, m });
  }
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.punct) {
      units.push({ kind: 'punct', s: i, e: i });
      i++;
      continue;
    }
    const men = mentionAt.get(i);
    if (men) {
      units.push({ kind: 'mention', s: i, e: men.e, ids: [men.m.id ?? men.m.text], person: men.m.kind === 'person' && men.m.via !== 'role' });
      i = men.e + 1;
      continue;
    }
    // Titles before a capitalised name: President Daniel Arap Moi, Foreign Minister X.
    const title = longestPhrase(tokens, i, EN_TITLE_MAX_WORDS, englishTitle);
    if (title) {
      const next = tokens[title.e + 1];
      if (next && next.cap && !next.punct && !mentionAt.has(title.e + 1) && !isTimeToken(next) && englishAgent(next.word) === undefined) {
        let e = title.e + 1;
        while (isWord(tokens[e + 1]) && (tokens[e + 1]!.cap || (NAME_GLUE.has(tokens[e + 1]!.word) && tokens[e + 2]?.cap)) && !mentionAt.has(e + 1) && !isTimeToken(tokens[e + 1]!)) e++;
        units.push({ kind: 'title', s: i, e, code: title.code });
        i = e + 1;
        continue;
      }
    }
    const agent = longestPhrase(tokens, i, EN_AGENT_MAX_WORDS, englishAgent);
    if (agent && !(t.cap && i > 0 && !tokens[i - 1]!.punct && tokens[i + 1]?.cap && !agentOrMention(tokens, i + 1, mentionAt))) {
      const phrase = tokens.slice(i, agent.e + 1).map((x) => x.word).join(' ');
      units.push({ kind: 'agent', s: i, e: agent.e, code: agent.code, weak: EN_WEAK_AGENTS.has(phrase) });
      i = agent.e + 1;
      continue;
    }
    if (t.cap && !t.number && !isTimeToken(t) && !(i === 0 && (SENTENCE_INITIAL.has(t.word) || KNOWN_VERBS.has(t.word))) && !EN_PRONOUNS.has(t.word) && !EN_DETERMINERS.has(t.word) && !(SENTENCE_INITIAL.has(t.word) && (i === 0 || tokens[i - 1]!.punct))) {
      let e = i;
      while (isWord(tokens[e + 1]) && !mentionAt.has(e + 1) && !isTimeToken(tokens[e + 1]!) && (tokens[e + 1]!.cap || (NAME_GLUE.has(tokens[e + 1]!.word) && tokens[e + 2]?.cap && !mentionAt.has(e + 2) && tokens[e + 1]!.word !== 'and'))) {
        // A role word ends the name (Hezbollah guerrillas) unless the name goes on (Democratic Front for Change).
        const goesOn = tokens[e + 2]?.cap || (NAME_GLUE.has(tokens[e + 2]?.word ?? '') && tokens[e + 3]?.cap);
        if (englishAgent(tokens[e + 1]!.word) !== undefined && !goesOn && !PLACE_WORDS.has(tokens[e + 1]!.word)) break;
        e++;
      }
      // A place name (the Yellow Sea, the Gaza Strip, Tamil Nadu province) is no actor; nor is a
      // capitalised first word before a common noun (Heavy storms, Angry crowds).
      const second = tokens[1];
      const initialAdjective = i === 0 && e === 0 && isWord(second) && !second.cap && englishAgent(second.word) === undefined && !AUXILIARIES.has(second.word) && !isAdverb(second) && !/ed$/.test(second.word) && !EN_PREPOSITIONS.has(second.word);
      units.push({ kind: PLACE_WORDS.has(tokens[e]!.word) || initialAdjective ? 'word' : 'name', s: i, e });
      i = e + 1;
      continue;
    }
    units.push({ kind: 'word', s: i, e: i });
    i++;
  }
  return units;
}

function agentOrMention(tokens: EnToken[], i: number, mentionAt: Map<number, unknown>): boolean {
  return mentionAt.has(i) || englishAgent(tokens[i]!.word) !== undefined;
}

function longestPhrase(tokens: EnToken[], i: number, max: number, lookup: (p: string) => string | undefined): { e: number; code: string } | undefined {
  let best: { e: number; code: string } | undefined;
  const words: string[] = [];
  for (let j = i; j < Math.min(tokens.length, i + max); j++) {
    const t = tokens[j]!;
    if (t.punct) break;
    words.push(t.word);
    const code = lookup(words.join(' '));
    if (code !== undefined) best = { e: j, code };
    if (t.possessive) break;
  }
  return best;
}

/** A word that can stand inside a noun phrase before its head; `inside`: after the phrase's first name (no participles). */
function isModifierWord(tokens: EnToken[], u: Unit, inside = false): boolean {
  if (u.kind !== 'word') return false;
  const t = tokens[u.s]!;
  if (t.number) return true;
  if (KNOWN_VERBS.has(t.word) && (inside || !MODIFIER_WORDS.has(t.word))) return false;
  if (inside && /(ed|ing)$/.test(t.word) && !MODIFIER_WORDS.has(t.word)) return false;
  if (inside && MODIFIER_WORDS.has(t.word) && /(ed|ing)$/.test(t.word)) return false;
  if (EN_PREPOSITIONS.has(t.word) || EN_SUBORDINATORS.has(t.word) || EN_CONJUNCTIONS.has(t.word) || EN_PRONOUNS.has(t.word) || AUXILIARIES.has(t.word)) return false;
  return MODIFIER_WORDS.has(t.word) || /-/.test(t.word) || englishModifierAgent(t.word) !== undefined;
}

const STRENGTH = (code: string | undefined, weak: boolean | undefined) => (code === undefined ? 0 : weak ? 1 : 2);

/** The actor phrases of a sentence. */
function findActors(tokens: EnToken[], units: Unit[], text: string): Actor[] {
  const actors: Actor[] = [];
  let k = 0;
  while (k < units.length) {
    const u = units[k]!;
    if (u.kind === 'punct' || u.kind === 'word') {
      k++;
      continue;
    }
    // "A group of Yoruba leaders", "members of the opposition": the phrase after "of" is the actor.
    if (u.kind === 'agent' && u.weak !== false && QUANTITY_HEADS.has(tokens[u.e]!.word) && tokens[u.e + 1]?.word === 'of' && units.some((x) => x.s > u.e + 1 && x.s <= u.e + 5 && (x.kind === 'agent' || x.kind === 'mention' || x.kind === 'name'))) {
      k++;
      continue;
    }
    // A run of modifiers and heads: mentions (demonyms, possessives), names, agents, titles, joined
    // directly or by "and" between demonyms (Hungarian and Romanian officials).
    const run: Unit[] = [u];
    let j = k + 1;
    while (j < units.length) {
      const v = units[j]!;
      const prev = run[run.length - 1]!;
      if (tokens[prev.e]!.possessive && v.kind !== 'punct') {
        if (v.kind === 'word' && !isModifierWord(tokens, v)) break;
        run.push(v);
        j++;
        continue;
      }
      if (v.kind === 'mention' || v.kind === 'agent' || v.kind === 'title' || (v.kind === 'name' && prev.kind !== 'title')) {
        // Two mentions side by side are two actors (Israel Syria), except a name after a demonym.
        if (prev.kind === 'mention' && v.kind === 'mention' && !units[j + 1]) break;
        if (prev.kind === 'mention' && v.kind === 'mention' && !isHeadAhead(units, j + 1, false, tokens)) break;
        run.push(v);
        j++;
        continue;
      }
      if (v.kind === 'word' && isModifierWord(tokens, v, true) && isHeadAhead(units, j + 1, false, tokens)) {
        run.push(v);
        j++;
        continue;
      }
      // Coordinated demonyms before one head: Hungarian and Romanian officials.
      if (v.kind === 'word' && tokens[v.s]!.word === 'and' && prev.kind === 'mention' && units[j + 1]?.kind === 'mention' && isHeadAhead(units, j + 2, true, tokens)) {
        run.push(v);
        j++;
        continue;
      }
      break;
    }
    // The head: the last agent, title, mention or name of the run.
    let headIdx = run.length - 1;
    while (headIdx > 0 && run[headIdx]!.kind === 'word') headIdx--;
    const head = run[headIdx]!;
    const s = leftEdge(tokens, units, k);
    let e = run[run.length - 1]!.e;
    const ids: string[] = [];
    let person = false;
    let agent: string | null = null;
    let agentStrength = 0;
    for (const x of run) {
      if (x.kind === 'mention') {
        if (x.person) {
          person = true;
          ids.length = 0;
          ids.push(x.ids![0]!);
        } else if (!person) ids.push(x.ids![0]!);
      }
      if (x.kind === 'agent' || x.kind === 'title') {
        const st = STRENGTH(x.code, x.weak);
        if (st > agentStrength || (st === agentStrength && x === head && st > 1)) {
          agent = x.code!;
          agentStrength = st;
        }
      }
      if (x.kind === 'word') {
        const code = englishModifierAgent(tokens[x.s]!.word);
        if (code !== undefined && agentStrength < 2) {
          agent = code;
          agentStrength = 2;
        }
      }
    }
    // A person's title and name: the person is known only through the gazetteer; else the state.
    // Post-modifiers: of/from/in/for + actor (the government of Liberia, police in Lagos, members of
    // parliament from Kenya's Liberal Democratic Party).
    const headOnly = e;
    let hops = 0;
    let m = j;
    while (hops < 2 && (head.kind === 'agent' || head.kind === 'title') && m < units.length) {
      const p = units[m]!;
      const pw = tokens[p.s]!.word;
      if (p.kind !== 'word' || !['of', 'from', 'in', 'for', 'at', 'with'].includes(pw)) break;
      let n = m + 1;
      while (n < units.length && units[n]!.kind === 'word' && (EN_DETERMINERS.has(tokens[units[n]!.s]!.word) || isModifierWord(tokens, units[n]!) || /^(eastern|western|northern|southern|central)$/.test(tokens[units[n]!.s]!.word))) n++;
      const obj = units[n];
      if (!obj || obj.kind === 'punct' || obj.kind === 'word') break;
      if (pw === 'with' && obj.kind !== 'mention') break;
      // "in" and "at" attach only places and organisations that are actors (police in Egypt).
      if ((pw === 'in' || pw === 'at') && obj.kind !== 'mention') break;
      let objEnd = obj.e;
      let q = n + 1;
      const objIds: string[] = obj.kind === 'mention' && !obj.person ? [obj.ids![0]!] : [];
      while (q < units.length && (units[q]!.kind === 'mention' || units[q]!.kind === 'name' || units[q]!.kind === 'agent' || (tokens[units[q - 1]!.e]!.possessive && units[q]!.kind !== 'punct'))) {
        if (units[q]!.kind === 'mention' && !units[q]!.person) objIds.push(units[q]!.ids![0]!);
        objEnd = units[q]!.e;
        q++;
      }
      // Coordinated objects: Leaders of Vietnam and the Philippines.
      while (units[q]?.kind === 'word' && tokens[units[q]!.s]!.word === 'and') {
        let r = q + 1;
        while (r < units.length && units[r]!.kind === 'word' && EN_DETERMINERS.has(tokens[units[r]!.s]!.word)) r++;
        if (units[r]?.kind !== 'mention') break;
        objIds.push(units[r]!.ids![0]!);
        objEnd = units[r]!.e;
        q = r + 1;
      }
      if (ids.length === 0 && !person) ids.push(...objIds);
      e = objEnd;
      m = q;
      hops++;
    }
    const generic = ids.length === 0 && !person;
    let refs = ids;
    if (generic) {
      const from = run.find((x) => x.kind !== 'word' || !QUANTITY_HEADS.has(tokens[x.s]!.word))!;
      if (head.kind === 'title') {
        // An unknown person: the name after the title.
        const nameStart = head.s + (longestPhrase(tokens, head.s, EN_TITLE_MAX_WORDS, englishTitle)?.e ?? head.s) - head.s + 1;
        refs = [text.slice(tokens[Math.min(nameStart, head.e)]!.start, tokens[head.e]!.end)];
      } else refs = [text.slice(tokens[from.s]!.start, tokens[headOnly]!.end)];
    }
    if (!agent && head.kind === 'title') agent = head.code ?? null;
    actors.push({ s, e, h: headOnly, refs: [...new Set(refs)], agent, person, generic });
    k = Math.max(j, units.findIndex((x) => x.s > e) < 0 ? units.length : units.findIndex((x) => x.s > e));
  }
  return actors;
}

function isHeadAhead(units: Unit[], j: number, demonymsOnly = false, tokens?: EnToken[]): boolean {
  for (let n = j; n < units.length && n < j + 4; n++) {
    const v = units[n]!;
    if (v.kind === 'agent' || v.kind === 'title') return true;
    if (v.kind === 'name' && !demonymsOnly) return true;
    if (v.kind === 'mention') continue;
    if (v.kind !== 'word' || !tokens || !isModifierWord(tokens, v, true)) return false;
  }
  return false;
}

/** Where an actor phrase starts: quantity phrases (thousands of, a group of, some 500) belong to it. */
function leftEdge(tokens: EnToken[], units: Unit[], k: number): number {
  let s = units[k]!.s;
  for (;;) {
    const t = tokens[s - 1];
    if (!t || t.punct) break;
    const verbLike = KNOWN_VERBS.has(t.word) || /(ed|ing)$/.test(t.word);
    const modifier = isModifierWord(tokens, { kind: 'word', s: s - 1, e: s - 1 }) && (!verbLike || !tokens[s - 2] || tokens[s - 2]!.punct || EN_DETERMINERS.has(tokens[s - 2]!.word));
    if ((EN_DETERMINERS.has(t.word) && t.word !== 'that') || t.number || ['up', 'to', 'about', 'around', 'some', 'nearly', 'almost', 'over', 'more', 'than', 'least', 'at', 'estimated', 'of', 'a', 'an'].includes(t.word) || QUANTITY_HEADS.has(t.word) || modifier) {
      // "of" only inside a quantity phrase (thousands of students, 1,800 of 2,200 teachers).
      if (t.word === 'of' && !QUANTITY_HEADS.has(tokens[s - 2]?.word ?? '') && !tokens[s - 2]?.number) break;
      if (['to', 'at', 'over', 'more', 'than', 'least'].includes(t.word) && !tokens[s]!.number && !tokens[s - 2]?.number && !/^(up|at|more|than|least)$/.test(tokens[s - 2]?.word ?? '')) break;
      s--;
      continue;
    }
    break;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Triggers
// ---------------------------------------------------------------------------------------------

function candidates(tokens: EnToken[]): EnCandidate[] {
  const rules = englishRules();
  const out: EnCandidate[] = [];
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t]!.punct) continue;
    // A re- verb is its verb again (reimposed, redeployed, re-imposed).
    const word = tokens[t]!.word;
    const list = rules.get(word) ?? (/^re-?[a-z]{4,}/.test(word) ? rules.get(word.replace(/^re-?/, ''))?.filter((r) => !r.rule.noun) : undefined);
    if (!list) continue;
    for (const { rule, forms } of list) {
      let k = t;
      let ok = true;
      let after = t + 1;
      for (let p = 0; p < forms.length && ok; p++) {
        const words = forms[p]!;
        if (p === 0) {
          // Words of the first part follow each other; a time word may stand between (called Thursday on).
          k = t + 1;
          for (let i = 1; i < words.length && ok; i++) {
            while (isWord(tokens[k]) && isTimeToken(tokens[k]!) && !matchesForm(words[i]!, tokens[k]!.word) && i === words.length - 1 && k - t <= words.length) k++;
            if (!isWord(tokens[k]) || !matchesForm(words[i]!, tokens[k]!.word)) ok = false;
            k++;
          }
          after = k;
          continue;
        }
        let found = -1;
        for (let g = k + rule.minGaps[p - 1]!; g < Math.min(tokens.length, k + 8); g++) {
          if (tokens.slice(k, g).some((x) => x.punct && x.word !== '"' && x.word !== '“' && x.word !== '”')) break;
          if (words.every((w, i) => isWord(tokens[g + i]) && matchesForm(w, tokens[g + i]!.word))) {
            found = g;
            break;
          }
        }
        if (found < 0) ok = false;
        else k = found + words.length;
      }
      if (!ok) continue;
      if (rule.noun) {
        // An event noun needs a light verb up to five words before it (staged a two-day protest).
        for (let v = t - 1; v >= Math.max(0, t - 6); v--) {
          const w = tokens[v]!;
          if (w.punct) break;
          // Another verb between the light verb and the noun governs the noun (rejected a request).
          if (v < t - 1 && !LIGHT_VERBS.has(w.word) && KNOWN_VERBS.has(w.word) && !MODIFIER_WORDS.has(w.word) && !EN_DETERMINERS.has(w.word)) break;
          if (LIGHT_VERBS.has(w.word) || (w.word === 'off' && v > 0 && LIGHT_VERBS.has(tokens[v - 1]!.word))) {
            const verb = w.word === 'off' ? v - 1 : v;
            let reversed = REVERSING_VERBS.has(w.word) || (tokens[verb + 1]?.word === 'off' && !['carry', 'carried', 'carries', 'carrying', 'set', 'sets', 'setting', 'kick', 'kicked', 'kicks'].includes(tokens[verb]!.word));
            // Ending a visit or a meeting is the visit having taken place (wrapped up, concluded).
            if (reversed && /^(end|ended|ends|ending)$/.test(tokens[verb]!.word) && /^04[0-3]/.test(rule.code)) reversed = false;
            out.push({ rule, start: tokens[verb]!.start, end: tokens[k - 1]!.end, headEnd: tokens[verb]!.end, verb, after: k, last: k - 1, reversed });
            break;
          }
          if (EN_PREPOSITIONS.has(w.word) && w.word !== 'of' && w.word !== 'in' && w.word !== 'out' && w.word !== 'off' && w.word !== 'up') break;
        }
        continue;
      }
      out.push({ rule, start: tokens[t]!.start, end: tokens[k - 1]!.end, headEnd: tokens[after - 1]!.end, verb: t, after, last: k - 1, reversed: false });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clause analysis
// ---------------------------------------------------------------------------------------------

type Form = 'finite' | 'infinitive' | 'participle-clause' | 'modifier' | 'noun' | 'gerund' | 'passive';

interface VerbGroup {
  /** First token of the verb group (auxiliaries, modals, adverbs, "to" included). */
  start: number;
  /** Words of the verb group before the verb, lower case. */
  words: string[];
  form: Form;
  /** For an infinitive: the governing verb's token. */
  governor: number;
}

const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'declaration', 'declarations', 'letter', 'letters', 'resolution', 'resolutions', 'communique', 'petition', 'petitions', 'message', 'appeal', 'motion', 'note', 'decree', 'ultimatum', 'manifesto', 'editorial', 'report', 'banners', 'placards', 'slogans', 'signs']);
const ASPECTUAL = new Set<string>();
for (const v of ['begin', 'start', 'continue', 'keep', 'resume', 'stop', 'finish', 'cease', 'quit']) for (const f of inflections(v)) ASPECTUAL.add(f);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'get', 'got', 'gets', 'getting']);
const PARTICIPLE_END = /(ed|en|wn|ht|ck|id|ld|ent|ade|ung|ken|ne|un|ot|ut|it|ld|eld|ost|ept|elt|aid|ood|orn|ung|unk)$/;

function verbGroup(tokens: EnToken[], c: EnCandidate): VerbGroup {
  const v = c.verb;
  const word = tokens[v]!.word;
  let i = v - 1;
  const words: string[] = [];
  while (i >= 0 && isWord(tokens[i]) && (AUXILIARIES.has(tokens[i]!.word) || isAdverb(tokens[i]!) || tokens[i]!.word === 'to' || tokens[i]!.word === "'ll")) {
    words.unshift(tokens[i]!.word);
    i--;
  }
  const start = i + 1;
  const prev = tokens[v - 1];
  const lastAux = [...words].reverse().find((w) => !isAdverb({ word: w } as EnToken) || AUXILIARIES.has(w));
  // A determiner, possessive or adjective before the verb makes it a noun (the attack, its support).
  if (words.length === 0 && prev && !prev.punct && (EN_DETERMINERS.has(prev.word) || prev.possessive || (prev.number && !/ing$/.test(word))) && c.rule.parts[0]!.length === 1 && c.rule.parts.length === 1) {
    return { start, words, form: 'noun', governor: -1 };
  }
  if (words.length === 0 && prev && !prev.punct && (EN_DETERMINERS.has(prev.word) || prev.possessive) && c.rule.parts.length > 1 && !/(ed|s)$/.test(word)) {
    return { start, words, form: 'noun', governor: -1 };
  }
  // resorted to throwing stones, turned to attacking: the -ing verb is the act.
  if (/ing$/.test(word) && words.length === 1 && words[0] === 'to' && tokens[v - 2] && /^(resort|turn|took|take|return|proceed)/.test(tokens[v - 2]!.word)) return { start: v - 2, words: [tokens[v - 2]!.word, 'to'], form: 'finite', governor: -1 };
  if (words.includes('to') && words[words.length - 1] !== undefined) {
    const toAt = start + words.lastIndexOf('to');
    let g = toAt - 1;
    // voted on Sunday to demand, agreed last week to resume
    for (;;) {
      if (g >= 0 && isWord(tokens[g]) && (isAdverb(tokens[g]!) || isTimeToken(tokens[g]!))) g--;
      else if (g >= 1 && isWord(tokens[g]) && ['on', 'in', 'last', 'this', 'next', 'late', 'early'].includes(tokens[g]!.word) && isTimeToken(tokens[g + 1]!)) g--;
      else break;
    }
    // "prepared to", "ready to", "plans to"; "X to" after an object (urged Uganda to...)
    return { start, words, form: 'infinitive', governor: g };
  }
  // A verb form right after a light verb is its object noun (staged rallies, held talks).
  if (words.length === 0 && prev && !prev.punct && LIGHT_VERBS.has(prev.word) && !AUXILIARIES.has(prev.word) && !/ing$/.test(word) && c.rule.parts[0]!.length === 1) return { start, words, form: 'noun', governor: -1 };
  // A verb right after a preposition is a noun or a gerund (on strike, for talks, of violating).
  if (words.length === 0 && prev && !prev.punct && EN_PREPOSITIONS.has(prev.word) && !/ing$/.test(word)) return { start, words, form: 'noun', governor: -1 };
  // An aspectual verb before an -ing form: began collecting, continued shelling (the -ing verb is the event).
  if (/ing$/.test(word) && words.length === 0 && prev && ASPECTUAL.has(prev.word)) {
    let s = v - 1;
    const w2: string[] = [prev.word];
    while (s > 0 && isWord(tokens[s - 1]) && (AUXILIARIES.has(tokens[s - 1]!.word) || isAdverb(tokens[s - 1]!))) {
      s--;
      w2.unshift(tokens[s]!.word);
    }
    return { start: s, words: w2, form: 'finite', governor: -1 };
  }
  if (/ing$/.test(word) && !(lastAux !== undefined && BE.has(lastAux))) {
    // A statement, declaration or letter demanding X: the act of the clause's subject.
    if (words.length === 0 && prev && DOCUMENT_NOUNS.has(prev.word)) return { start, words, form: 'participle-clause', governor: -1 };
    if (prev && EN_PREPOSITIONS.has(prev.word)) return { start, words, form: 'gerund', governor: v - 1 };
    if (prev && (prev.word === ',' || EN_SUBORDINATORS.has(prev.word) || EN_CONJUNCTIONS.has(prev.word))) return { start, words, form: 'participle-clause', governor: -1 };
    if (words.length === 0 && prev && !prev.punct) return { start, words, form: 'modifier', governor: -1 };
    if (!prev) return { start, words, form: 'noun', governor: -1 };
  }
  if (lastAux !== undefined && BE.has(lastAux) && c.rule.noun && /^(engaged|involved|embroiled)$/.test(word)) return { start, words, form: 'finite', governor: -1 };
  if (lastAux !== undefined && BE.has(lastAux) && (PARTICIPLE_END.test(word) || inflections(c.rule.parts[0]![0]!).slice(-2).includes(word)) && !/ing$/.test(word) && c.verb === v) {
    return { start, words, form: 'passive', governor: -1 };
  }
  return { start, words, form: 'finite', governor: -1 };
}

interface Subject {
  actors: Actor[];
  /** Token where the subject search stopped (the clause opener's position). */
  opener: number;
  /** The subject slot held a pronoun (it, they, he) or an anaphor (the country). */
  pronoun: boolean;
  /** The subject slot held a noun phrase that is no actor (Oil prices rose). */
  nonActor: boolean;
  /** No subject: the verb continues a coordinated verb phrase (and urged...). */
  coordinated: boolean;
}

function actorEndingAt(actors: Actor[], j: number): Actor | undefined {
  return actors.find((a) => a.e === j) ?? actors.find((a) => a.h === j);
}

/** Skips adverbials leftwards from j (time words, on Monday, parentheses, appositive commas). */
function skipAdverbials(tokens: EnToken[], actors: Actor[], j: number): number {
  for (;;) {
    const t = tokens[j];
    if (!t) return j;
    if (!t.punct && (isTimeToken(t) || isAdverb(t))) {
      j--;
      // on Monday, in March, during the night, late on Friday
      if (isTimeToken(t) && isWord(tokens[j]) && ['on', 'in', 'at', 'during', 'since', 'until', 'by', 'from', 'late', 'early', 'earlier', 'last', 'this', 'next', 'that', 'the', 'every', 'each'].includes(tokens[j]!.word)) j--;
      continue;
    }
    // on Monday, in 2020, last week, this morning
    if (!t.punct && isTimeToken(t) === false && t.number && tokens[j - 1] && ['in', 'on', 'since'].includes(tokens[j - 1]!.word)) {
      j -= 2;
      continue;
    }
    if (!t.punct && ['on', 'in', 'at', 'during', 'since', 'by'].includes(t.word) === false && tokens[j - 1] && ['on', 'in', 'last', 'this', 'next', 'late', 'early', 'earlier'].includes(tokens[j - 1]!.word) && isTimeToken(t)) {
      j -= 2;
      continue;
    }
    if (t.punct && t.word === ')') {
      let d = j - 1;
      while (d >= 0 && tokens[d]!.word !== '(') d--;
      if (d < 0) return j;
      j = d - 1;
      continue;
    }
    if (t.punct && t.word === ',') {
      // An appositive or adverbial between commas: ", the minister of X," / ", on Monday," / ", however,".
      let d = j - 1;
      while (d >= 0 && !tokens[d]!.punct) d--;
      if (d >= 0 && tokens[d]!.word === ',' && j - d <= 12) {
        const inner = tokens.slice(d + 1, j);
        const first = inner[0];
        const isAppositive = first !== undefined && (EN_DETERMINERS.has(first.word) || isTimeToken(first) || ['on', 'in', 'at', 'according', 'however', 'meanwhile', 'also', 'who', 'which', 'itself', 'themselves', 'himself', 'herself', 'including', 'as'].includes(first.word) || actors.some((a) => a.s === d + 1)) && !inner.some((x) => SPEECH_VERBS.has(x.word) && x.word !== 'said');
        if (isAppositive) {
          j = d - 1;
          continue;
        }
      }
      return j;
    }
    return j;
  }
}

function precededByPreposition(tokens: EnToken[], a: Actor): boolean {
  let p = a.s - 1;
  while (p >= 0 && isWord(tokens[p]) && EN_DETERMINERS.has(tokens[p]!.word)) p--;
  const t = tokens[p];
  return t !== undefined && !t.punct && EN_PREPOSITIONS.has(t.word) && !['about', 'up', 'some'].includes(t.word);
}

/**
 * The head noun phrase before prepositional phrases that end at j: "Prisoners at the jail in Bogota",
 * "Residents of the town", "Opposition parties in Togo". Only noun-phrase words may lie between.
 */
function headBeforePhrases(tokens: EnToken[], actors: Actor[], j: number): Actor | undefined {
  for (let k = j; k >= 0 && k > j - 14; k--) {
    const t = tokens[k]!;
    if (t.punct) return undefined;
    const noun = k > 0 && EN_DETERMINERS.has(tokens[k - 1]!.word);
    if (KNOWN_VERBS.has(t.word) && !MODIFIER_WORDS.has(t.word) && !EN_PREPOSITIONS.has(t.word) && !noun) return undefined;
    if (EN_SUBORDINATORS.has(t.word) || EN_PRONOUNS.has(t.word)) return undefined;
    if (!['of', 'in', 'from', 'at', 'for', 'on', 'near', 'with', 'inside', 'outside', 'across', 'along', 'around', 'under', 'throughout', 'within', 'to', 'based', 'loyal'].includes(t.word)) continue;
    let p = k - 1;
    // A participle between the head and its phrase: workers affiliated with X, a group based in Y.
    if (isWord(tokens[p]) && /(ed|ing)$/.test(tokens[p]!.word) && !actorEndingAt(actors, p)) p--;
    const head = actorEndingAt(actors, p);
    if (head && !precededByPreposition(tokens, head)) return head;
    while (p >= 0 && isWord(tokens[p]) && EN_DETERMINERS.has(tokens[p]!.word)) p--;
  }
  return undefined;
}

function subjectBefore(tokens: EnToken[], actors: Actor[], pos: number): Subject {
  const j = skipAdverbials(tokens, actors, pos - 1);
  const none = { actors: [], opener: j, pronoun: false, nonActor: false, coordinated: false };
  const t = tokens[j];
  if (!t) return none;
  if (!t.punct && (EN_PRONOUNS.has(t.word) || t.word === 'itself' || t.word === 'themselves')) return { ...none, pronoun: true, opener: j - 1 };
  if (t.word === 'and' || t.word === 'but' || t.word === 'or' || t.word === ',' || t.word === 'then') return { ...none, coordinated: true };
  // "the country", "the government" standing for an actor named before: an anaphor, like a pronoun.
  if (!t.punct && ANAPHORS.has(t.word) && ['the', 'his', 'her', 'its', 'their', 'our'].includes(tokens[j - 1]?.word ?? '') && !actors.some((x) => x.e === j && !x.generic)) return { ...none, pronoun: true, opener: j - 2 };
  let a = actorEndingAt(actors, j);
  // "the Gulf state of Oman", "the republic of Slovenia": the name after "of" is the actor.
  const ofState = a !== undefined && tokens[a.s - 1]?.word === 'of' && ANAPHORS.has(tokens[a.s - 2]?.word ?? '');
  if (a && !ofState && precededByPreposition(tokens, a)) a = headBeforePhrases(tokens, actors, a.s - 1) ?? a;
  else if (!a && !t.punct && !KNOWN_VERBS.has(t.word) && !EN_SUBORDINATORS.has(t.word) && !EN_PREPOSITIONS.has(t.word)) a = headBeforePhrases(tokens, actors, j);
  if (a) {
    // "the country", "the government" after an earlier state: an anaphor.
    if (a.generic && /^(the )?(country|nation|state)$/i.test(a.refs[0]!)) return { ...none, pronoun: true, opener: a.s - 1 };
    const group = [a];
    // Coordinated subjects: X and Y, X, Y and Z.
    let s = a.s;
    let sawAnd = false;
    for (;;) {
      const conj = tokens[s - 1];
      // X and Y; X, Y and Z (a comma only in a list that ends with "and").
      if (!conj || !(conj.word === 'and' || (conj.word === ',' && sawAnd))) break;
      let p = s - 2;
      while (p >= 0 && isWord(tokens[p]) && EN_DETERMINERS.has(tokens[p]!.word)) p--;
      const b = actorEndingAt(actors, p);
      if (!b || b.e < s - 3 || precededByPreposition(tokens, b)) break;
      sawAnd ||= conj.word === 'and';
      group.unshift(b);
      s = b.s;
    }
    // An actor inside a prepositional phrase is no subject (…, according to X).
    if (!ofState && precededByPreposition(tokens, group[0]!)) return { ...none, nonActor: true, opener: s - 1 };
    return { actors: group, opener: s - 1, pronoun: false, nonActor: false, coordinated: false };
  }
  if (!t.punct && (EN_SUBORDINATORS.has(t.word) || SPEECH_VERBS.has(t.word))) return { ...none, opener: j };
  if (!t.punct && (KNOWN_VERBS.has(t.word) || EN_PREPOSITIONS.has(t.word) || t.word === 'to')) return none;
  if (!t.punct) return { ...none, nonActor: true };
  return none;
}

/** The clause an event sits in: main (0), subordinate or relative (1), conditional (2). */
function clauseRank(tokens: EnToken[], opener: number): { rank: number; relative: boolean; conditional: boolean } {
  for (let i = opener; i >= 0 && i >= opener - 1; i--) {
    const t = tokens[i];
    if (!t || t.punct) continue;
    if (t.word === 'if' || t.word === 'unless' || t.word === 'whether') return { rank: 2, relative: false, conditional: true };
    if (['who', 'which', 'whom', 'whose', 'where'].includes(t.word)) return { rank: 1, relative: true, conditional: false };
    if (t.word === 'that') {
      const before = tokens[i - 1];
      const speech = before && (SPEECH_VERBS.has(before.word) || englishRules().has(before.word) || isTimeToken(before) || before.word === ',');
      return speech ? { rank: 0, relative: false, conditional: false } : { rank: 1, relative: true, conditional: false };
    }
    if (['after', 'before', 'when', 'while', 'as', 'since', 'because', 'although', 'though', 'once', 'until', 'whereas', 'so'].includes(t.word)) return { rank: 1, relative: false, conditional: false };
  }
  return { rank: 0, relative: false, conditional: false };
}

interface Speech {
  verb: number;
  speaker: Actor[];
}

/** Speech verbs of the sentence with the actor before them ("X said", "X told reporters"). */
function speechVerbs(tokens: EnToken[], actors: Actor[]): Speech[] {
  const out: Speech[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.punct || !SPEECH_VERBS.has(t.word)) continue;
    let v = i;
    while (v > 0 && isWord(tokens[v - 1]) && (AUXILIARIES.has(tokens[v - 1]!.word) || isAdverb(tokens[v - 1]!))) v--;
    const subj = subjectBefore(tokens, actors, v);
    out.push({ verb: i, speaker: subj.actors });
  }
  return out;
}

function clauseEnd(tokens: EnToken[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.word === ';' || t.word === ':' || t.word === '—' || t.word === '--') return i;
    if (t.word === ',' && tokens[i + 1] && (['but', 'while', 'whereas', 'although', 'though', 'which', 'who', 'after', 'before', 'as', 'when', 'because', 'since'].includes(tokens[i + 1]!.word) || /ing$/.test(tokens[i + 1]!.word) || SPEECH_VERBS.has(tokens[i + 2]?.word ?? '') || SPEECH_VERBS.has(tokens[i + 3]?.word ?? ''))) return i;
    if (!t.punct && i > from && ['unless', 'if', 'after', 'before', 'because', 'although', 'while', 'whereas', 'since', 'until', 'when'].includes(t.word)) return i;
    // "... and said ...", "... but rejected ...": a second verb phrase of the subject.
    const next = tokens[i + 1];
    if (!t.punct && i > from && (t.word === 'and' || t.word === 'but') && next && !next.punct && (SPEECH_VERBS.has(next.word) || (KNOWN_VERBS.has(next.word) && /(ed|s)$/.test(next.word) && !EN_DETERMINERS.has(tokens[i - 1]?.word ?? '')))) return i;
  }
  return tokens.length;
}

// ---------------------------------------------------------------------------------------------
// Coding
// ---------------------------------------------------------------------------------------------

interface Draft {
  c: EnCandidate;
  code: string;
  sources: Actor[];
  targets: Actor[];
  modality: Modality;
  rank: number;
}

export interface EnglishSentence {
  text: string;
  norm: string;
  sentence: Offsets;
  mentions: readonly Mention[];
}

/** Codes the events of one English sentence. */
export function codeEnglishSentence(input: EnglishSentence): CodedEvent[] {
  const { text, norm, sentence } = input;
  const tokens = tokenizeWithPunctuation(norm, sentence.start, sentence.end);
  if (tokens.length === 0) return [];
  const units = buildUnits(tokens, input.mentions);
  const actors = findActors(tokens, units, text);
  const speech = speechVerbs(tokens, actors);
  const cands = resolveOverlaps(candidates(tokens));
  const drafts: Draft[] = [];
  /** Token index up to which a speech act's content runs (its triggers are no events). */
  let contentEnd = -1;
  let contentOwner: Draft | undefined;
  let lastSubject: Actor[] = [];
  const firstSubject = mainSubject(tokens, actors);

  for (const c of cands) {
    if (c.rule.block) continue;
    // A trigger word inside an actor's name or head is no predicate (Rapid Support Forces, striking doctors).
    if (actors.some((a) => c.verb >= a.s && c.verb <= a.h && !(c.verb === a.s && a.s === a.h && a.generic === false && tokens[c.verb]!.cap === false))) continue;
    const vg = verbGroup(tokens, c);
    // Content of an earlier speech act: refine it, no event of its own.
    if (contentOwner && c.verb < contentEnd) {
      // "X ordered the army to raise its readiness": an order to one's own forces is the act itself.
      const ordered = /^order/.test(tokens[contentOwner.c.verb]!.word) && contentOwner.targets.length > 0 && contentOwner.targets.every((a) => a.generic && (a.agent === 'MIL' || a.agent === 'COP'));
      const act = ordered ? contentCodeOf(c, tokens, norm) : undefined;
      if (act && /^(15|17|18|19|20|08)/.test(act)) {
        contentOwner.code = act;
        contentOwner = undefined;
        continue;
      }
      if (!contentOwner.c.rule.refinements.length || contentOwner.code === contentOwner.c.rule.code) {
        const refined = contentCode(contentOwner, contentCodeOf(c, tokens, norm));
        if (refined) contentOwner.code = refined;
      }
      continue;
    }
    if (vg.form === 'noun' || vg.form === 'gerund') continue;
    let code0 = codeOf(c, tokens, norm);
    if (code0 === undefined) continue;
    if (c.reversed) {
      const rev = reversalCode(code0);
      if (!rev) continue;
      code0 = rev;
    }
    // The subject and the clause.
    let subjectPos = vg.start;
    let intent = '';
    if (vg.form === 'infinitive') {
      // Governed by a verb of intent (plans to, agreed to, is ready to): that verb's subject.
      const g = tokens[vg.governor];
      if (!g || !INTENT_GOVERNORS.has(g.word)) {
        // An object-control verb (allowed X to, forced X to) or a purpose (met ... to discuss): no event.
        continue;
      }
      let gs = vg.governor;
      while (gs > 0 && isWord(tokens[gs - 1]) && (AUXILIARIES.has(tokens[gs - 1]!.word) || isAdverb(tokens[gs - 1]!) || INTENT_GOVERNORS.has(tokens[gs - 1]!.word) || tokens[gs - 1]!.word === 'to')) gs--;
      intent = tokens.slice(gs, c.verb).map((t) => t.word).join(' ');
      subjectPos = gs;
    }
    const subj = subjectBefore(tokens, actors, subjectPos);
    const { rank: rank0, relative, conditional } = clauseRank(tokens, subj.opener);
    let rank = rank0;
    let sources: Actor[] = [];
    let targets: Actor[] = [];
    let passiveAgent: Actor | undefined;
    if (vg.form === 'passive' || (vg.form === 'modifier' && /(ed|en|wn)$/.test(tokens[c.verb]!.word))) {
      // The agent: "by X" after the participle, before the next clause (by phone, by air are no agents).
      const limit = Math.min(tokens.length, c.last + 25);
      for (let i = c.last + 1; i < limit && !passiveAgent; i++) {
        const t = tokens[i]!;
        if (t.word === ';' || (!t.punct && (t.word === 'and' || t.word === 'but') && tokens[i - 1]?.word === ',')) break;
        if (t.word !== 'by') continue;
        passiveAgent = actors.find((a) => a.s > i && a.s <= i + 3 && !tokens.slice(i + 1, a.s).some((x) => x.punct));
      }
      if (!passiveAgent && vg.form === 'passive' && SELF_DIRECTED.has(code0.slice(0, 3)) && subj.actors.length) {
        // "Police were put on alert": raising one's own forces' readiness; the subject is the actor.
        passiveAgent = subj.actors[0]!;
      } else if (!passiveAgent) continue;
      sources = [passiveAgent];
      if (vg.form === 'passive' && passiveAgent !== subj.actors[0]) targets = subj.actors.length ? subj.actors : [];
      else {
        const antecedent = actors.find((a) => a.e === c.verb - 1 || a.h === c.verb - 1);
        targets = antecedent ? [antecedent] : [];
        rank = Math.max(rank, 1);
      }
    } else if (vg.form === 'modifier') {
      continue;
    } else if (vg.form === 'participle-clause') {
      sources = lastSubject.length ? lastSubject : firstSubject;
      rank = Math.max(rank, 1);
    } else if (relative) {
      // who/which: the antecedent before the relative pronoun.
      const ante = actorEndingAt(actors, skipAdverbials(tokens, actors, subj.opener - 1));
      sources = subj.actors.length ? subj.actors : ante ? [ante] : [];
    } else if (subj.actors.length) {
      sources = subj.actors;
    } else if (subj.pronoun) {
      const sp = [...speech].reverse().find((s) => s.verb < c.verb && s.speaker.length > 0);
      const pronoun = tokens[subj.opener + 1]?.word ?? '';
      const persons = (list: Actor[]) => list.filter((a) => a.person || a.agent !== null || !a.generic);
      if (sp) sources = sp.speaker;
      else sources = lastSubject.length ? lastSubject : firstSubject;
      if ((pronoun === 'he' || pronoun === 'she') && sources.length && !sources.some((a) => a.person || (a.agent !== null && a.agent !== 'MIL'))) sources = persons(sources);
    } else if (subj.coordinated) {
      sources = lastSubject.length ? lastSubject : firstSubject;
    }
    if (subj.nonActor && sources.length === 0) continue;
    if (sources.length === 0) continue;
    // Modality.
    const vgWords = ` ${[...(intent ? intent.split(' ') : []), ...vg.words].join(' ')} `;
    const condition = conditional || /^(if|unless)\b/i.test(norm.slice(sentence.start, sentence.start + 7)) && c.verb < (tokens.findIndex((t) => t.word === ',') >>> 0);
    let modality: Modality = 'past';
    let code = code0;
    const root = code.slice(0, 2);
    const cooperative = Number(root) >= 3 && Number(root) <= 8;
    const negated = NEGATION.test(vgWords);
    const obligation = OBLIGATION_CUES.test(vgWords);
    const speaker = [...speech].reverse().find((s) => s.verb < c.verb && s.speaker.length > 0 && !s.speaker.some((a) => sources.includes(a)));
    if (obligation && !negated && speaker && (Number(root) >= 3 && Number(root) <= 9)) {
      // "X said Y must release..." is X's demand on Y.
      const demanded = requestCode('10', code);
      code = demanded && cameoCode(demanded) ? demanded : '100';
      targets = sources;
      sources = speaker.speaker;
      modality = 'past';
    } else if (obligation && !negated && /\b(must|has to|have to|had to|needs? to|needed to|ought to)\b/.test(vgWords)) {
      // An obligation nobody in the sentence states is no act (the article's own voice, or a document's).
      continue;
    } else if (negated) {
      if (cooperative && (FUTURE_CUES.test(vgWords) || INTENT_CUES.test(vgWords) || /\b(can|could)\b/.test(vgWords))) {
        code = rejectionCode(code);
        modality = 'past';
      } else modality = 'negated';
    } else if (condition) {
      modality = 'hypothetical';
      rank = 2;
    } else if (INTENT_CUES.test(vgWords) || (intent && INTENT_GOVERNORS.has(intent.split(' ').pop() ?? '') && !/\b(is|are|was|were|has|have|had)$/.test(intent))) {
      modality = 'intended';
    } else if (FUTURE_CUES.test(vgWords)) {
      modality = 'future';
    } else if (POSSIBLE_CUES.test(vgWords)) {
      modality = 'hypothetical';
    } else if ((/ing$/.test(tokens[c.verb]!.word) && /\b(is|are|was|were|been|be)\s*$/.test(vgWords.trimEnd())) || /\b(continues?|continued|keeps?|kept)\b/.test(vgWords)) {
      modality = 'ongoing';
    }
    // Target.
    if (targets.length === 0) targets = targetAfter(tokens, actors, c, sources);
    code = byActors(code, sources, targets, tokens, c);
    if ((modality === 'future' || modality === 'intended' || (modality === 'hypothetical' && !condition)) && !SPEECH_ACT_ROOTS.has(code.slice(0, 2))) code = futureCode(code);
    if (targets.length === 0 && sources.length >= 2 && RECIPROCAL.has(code.slice(0, 3))) {
      targets = sources.slice(1);
      sources = sources.slice(0, 1);
    } else if (targets.length === 0 && sources.length === 1 && sources[0]!.refs.length >= 2 && RECIPROCAL.has(code.slice(0, 3))) {
      // "Moroccan and Spanish negotiators held talks": one phrase, two sides.
      const [first, ...rest] = sources[0]!.refs;
      targets = [{ ...sources[0]!, refs: rest }];
      sources = [{ ...sources[0]!, refs: [first!] }];
    }
    // Consulting is done with someone: a meeting, visit or call without a counterpart is no event.
    if (code.startsWith('04') && targets.length === 0) continue;
    const draft: Draft = { c, code, sources, targets, modality, rank };
    drafts.push(draft);
    if (rank === 0 && !relative) lastSubject = sources;
    if (SPEECH_ACT_ROOTS.has(code.slice(0, 2)) || SPEECH_ACT_CODES.has(code.slice(0, 3)) || SPEECH_ACT_ROOTS.has(c.rule.code.slice(0, 2))) {
      contentEnd = clauseEnd(tokens, c.last + 1);
      contentOwner = draft;
    } else {
      contentOwner = undefined;
    }
  }
  drafts.sort((a, b) => a.rank - b.rank || a.c.start - b.c.start);
  const out: CodedEvent[] = [];
  for (const d of drafts) {
    const entry = cameoCode(d.code);
    if (!entry) continue;
    const sourceRefs = unique(d.sources.flatMap((a) => a.refs));
    // A target of the source's own state is kept when another agent of it is meant (Kenyan police
    // arrested Kenyan students: KENCOP -> KENEDU), dropped when it is the source again.
    const sourceAgent = d.sources[0]?.agent ?? null;
    const targetRefs = unique(d.targets.filter((a) => a.agent !== null && a.agent !== sourceAgent ? true : !a.refs.some((r) => sourceRefs.includes(r))).flatMap((a) => a.refs));
    if (sourceRefs.length === 0) continue;
    if (out.some((e) => e.code === d.code && e.sources.join() === sourceRefs.join() && e.targets.join() === targetRefs.join())) continue;
    out.push({
      code: d.code,
      root: entry.root,
      goldstein: entry.goldstein,
      plover: entry.plover,
      source: sourceRefs[0]!,
      target: targetRefs[0] ?? null,
      modality: d.modality,
      start: sentence.start,
      end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
      name: entry.name,
      sources: sourceRefs,
      targets: targetRefs,
      sourceAgent: d.sources[0]?.agent ?? null,
      targetAgent: d.targets.find((a) => targetRefs.includes(a.refs[0]!))?.agent ?? null,
      trigger: { start: d.c.start, end: d.c.end, text: text.slice(d.c.start, d.c.end) },
    });
  }
  return out;
}

const DISSENT_AGENTS = new Set(['OPP', 'CVL', 'LAB', 'AGR', 'EDU', 'REF', 'HLH', 'BUS']);
const IRREGULAR_AGENTS = new Set(['UAF', 'CRM']);
const NON_STATE_ARMED = new Set(['REB', 'INS', 'SEP', 'RAD', 'UAF', 'CRM']);

/**
 * CAMEO distinguishes acts by who does them: force used by protesters, workers or civilians is
 * violent protest (145; blocking or occupying a place 144); conventional force used by unidentified
 * gunmen, terrorists or criminals is unconventional violence (18); a state or its government
 * protesting or boycotting acts diplomatically (114, 163); missiles or rockets fired at an actor are an
 * attack (194/195), not a weapons test.
 */
function byActors(code: string, sources: Actor[], targets: Actor[], tokens: EnToken[], c: EnCandidate): string {
  const agent = sources[0]?.agent ?? null;
  const three = code.slice(0, 3);
  const word = tokens[c.verb]!.word;
  const generic = sources.every((a) => a.generic);
  const official = sources.length > 0 && sources.every((a) => !a.generic && (a.agent === null || a.agent === 'GOV'));
  if (agent !== null && DISSENT_AGENTS.has(agent) && generic) {
    if (three === '190' || three === '193' || three === '194') return '145';
    if (three === '191' || three === '192') return '144';
  }
  const targetAgent = targets[0]?.agent ?? null;
  if (agent !== null && NON_STATE_ARMED.has(agent) && targetAgent !== null && (targetAgent === 'CVL' || targetAgent === 'REF') && code.startsWith('19')) return '180';
  if (agent !== null && IRREGULAR_AGENTS.has(agent) && code.startsWith('19')) return /bomb/.test(tokens.slice(sources[0]!.s, sources[0]!.e + 1).map((t) => t.word).join(' ')) ? '183' : '180';
  if (official && three === '141' && /^protest/.test(word)) return '114';
  if (official && three === '143' && /^boycott/.test(word)) return '163';
  // Killing hundreds or thousands is a mass killing (202).
  if ((three === '190' || three === '180' || code === '1823') && /^kill/.test(word)) {
    const after = tokens.slice(c.last + 1, c.last + 6);
    const count = after.find((t) => t.number);
    if ((count && Number(count.word.replace(/,/g, '')) >= 100) || after.some((t) => /^(hundreds|thousands|tens)$/.test(t.word))) return '202';
  }
  if (code === '1561' && targets.length > 0 && (!targets[0]!.generic || targets[0]!.agent !== null)) {
    let p = targets[0]!.s - 1;
    while (p >= 0 && isWord(tokens[p]) && EN_DETERMINERS.has(tokens[p]!.word)) p--;
    if (['at', 'on', 'against', 'into', 'upon'].includes(tokens[p]?.word ?? '')) {
      const span = tokens.slice(c.verb, c.last + 1).map((t) => t.word).join(' ');
      return /rocket|mortar|shell|artillery/.test(span) ? '194' : '195';
    }
  }
  return code;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** The subject of the sentence's first clause (for pronouns and coordinated verbs). */
function mainSubject(tokens: EnToken[], actors: Actor[]): Actor[] {
  for (const a of actors) {
    const before = tokens[a.s - 1];
    if (before && !before.punct && (EN_PREPOSITIONS.has(before.word) || KNOWN_VERBS.has(before.word))) continue;
    return [a];
  }
  return [];
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'along', 'off', 'throughout', 'within', 'during', 'through', 'via', 'by', 'of', 'than', 'like', 'as', 'including', 'despite', 'amid', 'under', 'since', 'after', 'before', 'until', 'about', 'over', 'behind', 'beyond', 'between', 'among']);

function targetAfter(tokens: EnToken[], actors: Actor[], c: EnCandidate, sources: Actor[]): Actor[] {
  const end = clauseEnd(tokens, c.after);
  for (const a of actors) {
    if (a.s < c.after - (c.rule.parts.length > 1 ? c.after - c.verb - 1 : 0) || a.s <= c.verb || a.s >= end) continue;
    if (sources.includes(a)) continue;
    // One's own troops sent, deployed or withdrawn are no target (sent 15,000 troops to Russia).
    if (a.generic && (a.agent === 'MIL' || a.agent === 'COP') && /^(15|07|087|074|0356|0334|0332)/.test(c.rule.code)) continue;
    let p = a.s - 1;
    while (p >= 0 && isWord(tokens[p]) && EN_DETERMINERS.has(tokens[p]!.word)) p--;
    const prep = tokens[p];
    // A preposition of the trigger itself (arrived in, fired on) introduces the target.
    if (prep && p > c.last && !prep.punct && LOCATIVE.has(prep.word) && !(prep.word === 'between' || prep.word === 'among')) continue;
    // A verb between the trigger and the actor starts another predicate (met X and said Y...).
    if (tokens.slice(c.last + 1, a.s).some((t) => t.word === 'and' || t.word === 'that' || SPEECH_VERBS.has(t.word))) break;
    return [a];
  }
  return [];
}

/** The words a trigger's refinements look at: its clause, up to ten words past the trigger. */
function clauseWordsAround(tokens: EnToken[], c: EnCandidate): string[] {
  const end = Math.min(clauseEnd(tokens, c.last + 1), c.last + 11);
  let s = c.verb;
  while (s > 0 && !tokens[s - 1]!.punct) s--;
  return tokens.slice(s, end).filter((t) => !t.punct).map((t) => t.word);
}

/** The code a trigger gives: refinements look at the words of its clause (./lexicon.ts `refine`). */
function codeOf(c: EnCandidate, tokens: EnToken[], norm: string): string | undefined {
  const clauseWords = clauseWordsAround(tokens, c);
  return refine(c.rule, clauseWords.join(' '), clauseWords, norm.slice(c.start, c.end));
}

/** The code of an act named as the content of a speech act (the infinitive, gerund or object). */
function contentCodeOf(c: EnCandidate, tokens: EnToken[], norm: string): string | undefined {
  const code = codeOf(c, tokens, norm) ?? c.rule.code;
  return c.reversed ? reversalCode(code) : code;
}

/** A speech act's code given its content's code. */
function contentCode(owner: Draft, content: string | undefined): string | undefined {
  if (content === undefined) return undefined;
  const root = owner.code.slice(0, 2);
  let code: string | undefined;
  if (root === '02' || root === '10') code = requestCode(root, content);
  else if (root === '03') {
    // Promising or preparing force is a threat (CAMEO's future rule): vowed to fight = 13.
    const f = futureCode(content);
    code = f.startsWith('03') || f.startsWith('13') ? f : undefined;
  } else if (root === '12') code = Number(content.slice(0, 2)) >= 3 && Number(content.slice(0, 2)) <= 8 ? rejectionCode(content) : undefined;
  else if (root === '13') {
    const f = futureCode(content);
    code = f.startsWith('13') ? f : undefined;
  } else if (root === '11') code = owner.code.startsWith('112') ? accusationCode(content) : undefined;
  return code && cameoCode(code) ? code : undefined;
}

/** The coder's view of a sentence (actors, triggers and their verb forms), for tests and debugging. */
export function explainEnglishSentence(input: EnglishSentence): { actors: { text: string; refs: string[]; agent: string | null }[]; triggers: { text: string; code: string; form: Form }[] } {
  const tokens = tokenizeWithPunctuation(input.norm, input.sentence.start, input.sentence.end);
  const actors = findActors(tokens, buildUnits(tokens, input.mentions), input.text);
  return {
    actors: actors.map((a) => ({ text: input.text.slice(tokens[a.s]!.start, tokens[a.e]!.end), refs: a.refs, agent: a.agent })),
    triggers: resolveOverlaps(candidates(tokens)).map((c) => ({ text: input.text.slice(c.start, c.end), code: c.rule.code, form: verbGroup(tokens, c).form })),
  };
}
