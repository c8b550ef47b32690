/**
 * The predicate dictionaries' format and its parser, shared by the Chinese coder (./events.ts) and the
 * English coder (./events-en.ts). The approach is TABARI/PETRARCH's (Schrodt 2012; Norris, Schrodt &
 * Beieler 2017): a predicate pattern selects a CAMEO code, words of the clause refine it.
 *
 * One rule per line: `code | triggers | refinements`.
 * - code: a CAMEO code; `030?` codes only when a refinement matches; `!0` marks a known phrase that is
 *   no event (it blocks a shorter rule); `@141` (English) marks event nouns, coded only as the object
 *   of a light verb (staged a protest, carried out a massacre, called off the strike), see
 *   ./events-en.ts.
 * - triggers: comma-separated; `A…B` is A followed by B after a short gap (`A…+B`: at least one word
 *   between, "want …+ to" is "want X to", not "want to").
 * - refinements: `word word: code; ...`: the first refinement one of whose words occurs in the clause
 *   gives the code; the words of a refinement are alternatives. `=word` looks only inside the
 *   trigger's span. An underscore joins words into a phrase (`step_down`, `martial_law`), matched
 *   as a phrase in the clause (whole words, English inflections of its first and last word).
 */
import { requireCameoCode } from './cameo';
import { inflections } from './english';
import { normaliseKey } from './normalise';

export interface RefinementWord {
  /** The word or phrase (`_` read as a space), lower-cased (en) or normalised (zh); `=word`: the trigger's span only. */
  text: string;
  /** `=word`: looks only inside the trigger's span. */
  inTrigger: boolean;
  /** A phrase of several words, matched as a phrase. */
  phrase: boolean;
  /**
   * The forms matched in an English clause, computed once at parse time: a word's inflections; a
   * phrase with the inflections of its first word (stepped down) or of its last word (joint exercises).
   */
  forms: string[];
}

export interface Refinement {
  /** Alternatives: any one in the clause selects the code. */
  words: RefinementWord[];
  code: string;
}

export interface Rule {
  code: string;
  /** zh: one normalised string per part; en: the words of each part. */
  parts: string[][];
  /** For each part after the first: the least number of words (en) between it and the previous part. */
  minGaps: number[];
  refinements: Refinement[];
  /** Not an event: blocks shorter rules. */
  block: boolean;
  /** An event noun, coded only as the object of a light verb (English). */
  noun: boolean;
  trigger: string;
  /** Codes only when a refinement matches. */
  needsRefinement: boolean;
}

export function parseLexicon(source: string, chinese: boolean): Rule[] {
  const rules: Rule[] = [];
  for (const line of source.split('\n')) {
    if (!line.trim()) continue;
    const [codePart, triggersPart, refinePart] = line.split('|').map((s) => s.trim());
    const block = codePart!.startsWith('!');
    const noun = codePart!.startsWith('@');
    const needsRefinement = codePart!.endsWith('?');
    const code = block ? '000' : codePart!.replace(/[?@]/g, '');
    if (!block) requireCameoCode(code);
    const refinements: Refinement[] = [];
    for (const r of (refinePart ?? '').split(';')) {
      const [words, rcode] = r.split(':').map((s) => s.trim());
      if (!words || !rcode) continue;
      requireCameoCode(rcode);
      refinements.push({ words: words.split(/\s+/).map((w) => refinementWord(w, chinese)), code: rcode });
    }
    for (const trigger of triggersPart!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const raw = trigger.split('…');
      const minGaps: number[] = [];
      const parts = raw.map((p, i) => {
        let part = p.trim();
        if (i > 0) {
          minGaps.push(part.startsWith('+') ? 1 : 0);
          part = part.replace(/^\+\s*/, '');
        }
        return chinese ? [normaliseKey(part)] : part.split(/\s+/);
      });
      rules.push({ code, parts, minGaps, refinements, block, noun, trigger, needsRefinement });
    }
  }
  return rules;
}

function key(word: string, chinese: boolean): string {
  return chinese ? normaliseKey(word) : word.toLowerCase();
}

function refinementWord(raw: string, chinese: boolean): RefinementWord {
  const inTrigger = raw.startsWith('=');
  const parts = (inTrigger ? raw.slice(1) : raw).split('_').filter(Boolean).map((p) => key(p, chinese));
  const text = parts.join(' ');
  const phrase = parts.length > 1;
  let forms = [text];
  if (!chinese && !inTrigger) {
    if (!phrase) forms = inflections(text);
    else {
      const first = parts[0]!;
      const last = parts[parts.length - 1]!;
      const middle = parts.slice(1, -1);
      const all = new Set<string>();
      for (const f of inflections(first)) all.add([f, ...middle, last].join(' '));
      for (const l of inflections(last)) all.add([first, ...middle, l].join(' '));
      forms = [...all];
    }
  }
  return { text, inTrigger, phrase, forms };
}

/**
 * The code a rule gives in a clause: the first refinement with a word in the clause (`=word`: in the
 * trigger's own span), else the rule's code (none for `030?` rules without a matching refinement).
 * English (`clauseWords` given): a word matches a clause word or one of its inflections, a phrase
 * matches as whole words of the clause (`clauseText`, the clause words joined by spaces). Chinese
 * (`clauseWords` undefined): a word matches as a substring of the clause text.
 */
export function refine(rule: Rule, clauseText: string, clauseWords: string[] | undefined, triggerText = ''): string | undefined {
  const padded = clauseWords ? ` ${clauseText.toLowerCase()} ` : '';
  const trigger = clauseWords ? triggerText.toLowerCase() : triggerText;
  for (const r of rule.refinements) {
    for (const w of r.words) {
      if (w.inTrigger) {
        if (trigger.includes(w.text)) return r.code;
      } else if (!clauseWords) {
        if (clauseText.includes(w.text)) return r.code;
      } else if (w.phrase) {
        if (w.forms.some((f) => padded.includes(` ${f} `))) return r.code;
      } else if (clauseWords.some((cw) => w.forms.includes(cw))) return r.code;
    }
  }
  return rule.needsRefinement ? undefined : rule.code;
}

/** A trigger found in a clause. */
export interface Candidate {
  rule: Rule;
  start: number;
  end: number;
  /** Where the first part ends (for A…B, the object lies between). */
  headEnd: number;
}

/** Non-overlapping candidates: longest first, then the one written without gaps (违反停火协议 over 违反…协议), then leftmost. */
export function resolveOverlaps<C extends Candidate>(candidates: C[]): C[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule.parts.length + (a.rule.noun ? 1 : 0) - (b.rule.parts.length + (b.rule.noun ? 1 : 0)) || a.start - b.start);
  const kept: C[] = [];
  for (const c of sorted) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
