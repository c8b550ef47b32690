/**
 * The dictionaries' refinements (../../src/evidence/lexicon.ts): the words of a refinement are
 * alternatives, an underscore joins words into a phrase that matches only as a phrase, and English
 * words and phrases match with their inflections. One matcher (`refine`) serves the Chinese and the
 * English coder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle, evidenceGazetteer, parseGazetteerText } from '../../src/evidence';
import { parseLexicon, refine, type Rule } from '../../src/evidence/lexicon';
import { parseScenarioText, validateScenario } from '../../src/scenario';
import { HERE } from './quality';

const ROOT = path.resolve(HERE, '../../../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const scenario = validateScenario(parseScenarioText(read('scenarios/korean-peninsula-2025-09.yaml'), 'korean-peninsula-2025-09.yaml'), { fileName: 'korean-peninsula-2025-09.yaml' });
const gazetteer = evidenceGazetteer({ defaults: parseGazetteerText(read('gazetteers/default.yaml'), 'gazetteers/default.yaml'), scenario });
const codes = (sentence: string) => analyseArticle(sentence, gazetteer, { date: '2025-01-01' }).events.map((e) => e.code);

/** Refine an English clause the way the English coder does: its words, joined by spaces. */
const refineEn = (rule: Rule, clause: string) => {
  const words = clause.toLowerCase().split(/\s+/);
  return refine(rule, words.join(' '), words);
};

describe('refinements: alternatives and phrases', () => {
  const [urge] = parseLexicon('020 | urge | resign step_down: 0241; weapons arms: 0232; ceasefire truce: 0256', false);

  it('parses an underscore as a phrase, stored with spaces, and precomputes the forms', () => {
    const words = urge!.refinements[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['resign', 'step down']);
    expect(words[1]!.phrase).toBe(true);
    expect(words[1]!.forms).toEqual(expect.arrayContaining(['step down', 'steps down', 'stepped down', 'stepping down']));
    expect(words[0]!.phrase).toBe(false);
    expect(words[0]!.forms).toEqual(expect.arrayContaining(['resign', 'resigns', 'resigned', 'resigning']));
  });

  it('matches a phrase only as the phrase, with inflections, and never by one of its words', () => {
    expect(refineEn(urge!, 'urged the minister to step down')).toBe('0241');
    expect(refineEn(urge!, 'urged him after he stepped down')).toBe('0241');
    expect(refineEn(urge!, 'urged both sides to calm down')).toBe('020');
    expect(refineEn(urge!, 'urged the government to take a step towards peace')).toBe('020');
    expect(refineEn(urge!, 'urged the step down-river')).toBe('020');
  });

  it('keeps the words of a refinement as alternatives, each with its inflections', () => {
    expect(refineEn(urge!, 'urged the minister to resign')).toBe('0241');
    expect(refineEn(urge!, 'urged that the ministers resigned')).toBe('0241');
    expect(refineEn(urge!, 'urged them to send weapons')).toBe('0232');
    expect(refineEn(urge!, 'urged the allies to supply arms')).toBe('0232');
    expect(refineEn(urge!, 'urged a truce')).toBe('0256');
  });

  it('matches Chinese refinements inside the clause text, and `=word` only in the trigger', () => {
    const [zh] = parseLexicon('020 | 呼籲 | 下台 辭職: 0241', true);
    expect(refine(zh!, '呼籲部長下台', undefined)).toBe('0241');
    expect(refine(zh!, '呼籲雙方冷靜', undefined)).toBe('020');
    const [exercise] = parseLexicon('@150 | exercises | =joint: 062', false);
    expect(refine(exercise!, 'held joint exercises', ['held', 'joint', 'exercises'], 'exercises')).toBe('150');
    expect(refine(exercise!, 'held joint exercises', ['held', 'joint', 'exercises'], 'Joint exercises')).toBe('062');
  });
});

describe('refinement phrases in the English dictionary', () => {
  it('codes resignation only for "step down", not for any "down"', () => {
    expect(codes('The United States urged the defence minister to step down.')).toEqual(['0241']);
    expect(codes('The United States urged both sides to calm down.')).not.toContain('0241');
    expect(codes('Japan urged China to tone down its rhetoric.')).not.toContain('0241');
  });

  it('codes military aid and military cooperation apart', () => {
    expect(codes('China pledged military aid to Russia.')).toEqual(['0332']);
    expect(codes('China pledged military cooperation with Russia.')).toEqual(['0312']);
    expect(codes('South Korea and the United States agreed to hold joint exercises.')).toEqual(['0312']);
  });
});
