/**
 * The default scenario and `brink scenario`: it validates, every quote is verbatim in the seed, all
 * 16 content blocks of the seed are cited (the coverage is printed), the system the article
 * describes is there, variants apply; bad files give exit 2 with file:line:col or the JSON path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  citationCoverage,
  collectCites,
  normaliseWhitespace,
  scenarioHash,
  scenarioJsonSchema,
} from '@brink/engine/scenario';
import { brink, brinkInProcess } from './cli-harness';
import { DEFAULT_SCENARIO_PATH, REPO_ROOT, loadScenarioFile, type LoadedScenario } from '../src/scenario-files';

const SEED_FILE = path.join(REPO_ROOT, 'sources', '000_8d664b9cd5e9c824.txt');
const seedText = readFileSync(SEED_FILE, 'utf8');
const STATES = ['dprk', 'usa', 'rok', 'russia', 'china', 'japan'];

afterEach(() => {
  process.exitCode = undefined;
});

let loaded: LoadedScenario;
beforeAll(async () => {
  loaded = await loadScenarioFile(DEFAULT_SCENARIO_PATH);
});

describe('default scenario', () => {
  it('loads, with the seed article as its stored source (unchanged)', () => {
    expect(loaded.scenario.id).toBe('korean-peninsula-2025-09');
    expect(Object.keys(loaded.sourceTexts)).toEqual(['seed']);
    expect(loaded.sourceTexts.seed).toBe(seedText);
    expect(readFileSync(path.join(REPO_ROOT, '..', 'shared', 'seed', '000_8d664b9cd5e9c824.txt'), 'utf8')).toBe(seedText);
    expect(loaded.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(loaded.hash).toBe(scenarioHash(loaded.scenario));
  });

  it('quotes the seed verbatim in every citation of it, and cites URL-only sources by locator', () => {
    const norm = normaliseWhitespace(seedText);
    const cites = collectCites(loaded.scenario);
    const quotes = cites.filter((c) => c.cite.source === 'seed');
    expect(quotes.length).toBeGreaterThan(150);
    for (const { cite } of quotes) expect(norm.includes(normaliseWhitespace(cite.quote!)), cite.quote).toBe(true);
    const web = cites.filter((c) => c.cite.source !== 'seed');
    for (const { cite } of web) {
      expect(cite.quote).toBeUndefined();
      expect(cite.locator).toBeTruthy();
    }
    for (const s of loaded.scenario.sources.filter((x) => !x.file)) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(s.publisher.length).toBeGreaterThan(0);
    }
  });

  it('cites all 16 content blocks of the seed (coverage printed per block)', () => {
    const cov = citationCoverage(loaded.scenario, 'seed', seedText);
    const lines = cov.blocks.map(
      (b) => `block ${String(b.block).padStart(2)} ${b.heading ? 'heading ' : `${String(b.citedBy.length).padStart(3)} cites`}  ${b.citedBy.slice(0, 3).join(', ')}${b.citedBy.length > 3 ? ', ...' : ''}`,
    );
    console.log(`Citation coverage of the seed article:\n${lines.join('\n')}`);
    expect(cov.blocks).toHaveLength(20);
    expect(cov.blocks.filter((b) => b.heading).map((b) => b.block)).toEqual([2, 7, 11, 15]);
    const content = cov.blocks.filter((b) => !b.heading);
    expect(content).toHaveLength(16);
    for (const b of content) expect(b.citedBy.length, `block ${b.block}`).toBeGreaterThan(0);
    expect(cov.unplaced).toEqual([]);
  });

  it('names every actor the article names, as the article writes them', () => {
    const actors = new Map(loaded.scenario.actors.map((a) => [a.id, a]));
    const required = [
      ...STATES,
      'kim-jong-un', 'kim-yo-jong', 'trump', 'karoline-leavitt', 'yoon-suk-yeol', 'lee-jae-myung', 'xi-jinping',
      'victor-cha', 'james-park', 'jenny-town', 'leif-eric-easley', 'hong-min', 'lim-eul-chul',
      'csis', 'quincy-institute', 'stimson-center', 'ewha-womans-university', 'kinu', 'kyungnam-university', 'msmt',
      'us-rok-alliance', 'us-japan-alliance',
    ];
    for (const id of required) expect(actors.has(id), id).toBe(true);
    for (const a of loaded.scenario.actors) {
      if (a.cite?.source !== 'seed') continue;
      // The zh-Hant name is the article's form; Japan appears only as 日 in 日韓 (an alias).
      const forms = [a.names['zh-Hant'], ...(a.aliases ?? [])];
      expect(forms.some((f) => seedText.includes(f)), `${a.id}: ${forms.join(', ')}`).toBe(true);
      if (a.id !== 'japan') expect(seedText.includes(a.names['zh-Hant']), `${a.id}: ${a.names['zh-Hant']}`).toBe(true);
    }
    expect(actors.get('victor-cha')!.names['zh-Hant']).toBe('車維德');
    expect(actors.get('msmt')!.names['zh-Hant']).toBe('聯合國多國制裁監督小組');
  });

  it('models the doctrines, relations, trade figures and issues the article describes', () => {
    const s = loaded.scenario;
    const doctrines = new Set(s.doctrines.map((d) => d.id));
    for (const id of ['dprk-nuclear-forces-law-2022', 'dprk-constitutional-nuclear-status-2023', 'dprk-tactical-first-use']) expect(doctrines.has(id), id).toBe(true);
    const rel = (id: string) => s.relations.find((r) => r.id === id)!;
    expect(rel('us-rok-alliance').type).toBe('alliance');
    expect(rel('us-japan-alliance').type).toBe('alliance');
    expect(rel('russia-dprk-partnership').since).toBe('2024-06-19');
    expect(rel('russia-to-dprk-support').flows!.map((f) => f.id)).toEqual(expect.arrayContaining(['air-defence-missiles', 'electronic-warfare', 'fuel']));
    expect(rel('dprk-to-russia-support').flows!.map((f) => f.id)).toEqual(expect.arrayContaining(['troops', 'artillery-shells']));
    const trade = rel('china-dprk-trade').amounts!;
    expect(trade.dprkExportsToChina2024!.value).toBe(348_000_000);
    expect(trade.dprkExportsToChina2024!.cite!.quote).toContain('3.48億美元');
    expect(trade.chinaShareOfDprkTrade!.cite!.quote).toContain('近9成');
    expect(s.issues.map((i) => i.id)).toEqual(expect.arrayContaining(['dprk-nuclear-status', 'sanctions-relief', 'us-rok-exercises']));
    for (const issue of s.issues) {
      const actors = issue.positions.map((p) => p.actor);
      for (const st of STATES) expect(actors, `${issue.id} lacks ${st}`).toContain(st);
    }
    const status = s.issues.find((i) => i.id === 'dprk-nuclear-status')!;
    expect(status.scale.anchors.map((a) => a.value)).toEqual([0, 50, 100]);
    const nuclearTests = s.events.filter((e) => e.kind === 'nuclear-test').map((e) => e.date);
    expect(nuclearTests).toEqual(['2006-10-09', '2009-05-25', '2013-02-12', '2016-01-06', '2016-09-09', '2017-09-03']);
    expect(s.models).toEqual(expect.objectContaining({ deterrence: expect.any(Object) }));
  });

  it('gives every assumption a rationale, and every assumed value a range', () => {
    let assumptions = 0;
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.assumption === 'string') {
        assumptions++;
        expect(o.assumption.length, where).toBeGreaterThanOrEqual(15);
        if (typeof o.value === 'number') {
          const range = o.range as [number, number];
          expect(range, where).toHaveLength(2);
          expect(range[0] <= o.value && o.value <= range[1], where).toBe(true);
        }
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    };
    walk(loaded.scenario, '$');
    expect(assumptions).toBeGreaterThan(40);
  });

  it('applies each variant: valid, and it changes the scenario', async () => {
    const ids = loaded.scenario.variants.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['yoon-hardline', 'lee-engagement']));
    const rokExercises = (s: LoadedScenario['scenario']) =>
      s.issues.find((i) => i.id === 'us-rok-exercises')!.positions.find((p) => p.actor === 'rok')!.position.value;
    for (const id of ids) {
      const v = await loadScenarioFile(DEFAULT_SCENARIO_PATH, { variant: id });
      expect(v.variant).toBe(id);
      expect(v.hash).toBe(loaded.hash);
      expect(scenarioHash(v.scenario)).not.toBe(loaded.hash);
    }
    const yoon = await loadScenarioFile(DEFAULT_SCENARIO_PATH, { variant: 'yoon-hardline' });
    const lee = await loadScenarioFile(DEFAULT_SCENARIO_PATH, { variant: 'lee-engagement' });
    expect(yoon.scenario.actors.find((a) => a.id === 'rok')!.leader).toBe('yoon-suk-yeol');
    expect(rokExercises(yoon.scenario)).toBeGreaterThan(rokExercises(loaded.scenario));
    expect(rokExercises(lee.scenario)).toBeLessThan(rokExercises(loaded.scenario));
  });
});

describe('brink scenario (CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'brink-scenario-'));
  const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');

  it('validate exits 0 on the default scenario', () => {
    const r = brink('scenario', 'validate', 'scenarios/korean-peninsula-2025-09.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok /);
    expect(r.stdout).toMatch(/3 variant\(s\) valid|variant\(s\) valid/);
  });

  it('a quote changed by one character: exit 2, the quote named, nothing on stdout', () => {
    const original = 'quote: 北韓六度驗證核裝置 }';
    expect(text).toContain(original);
    const file = path.join(dir, 'bad-quote.yaml');
    writeFileSync(file, text.replace(original, 'quote: 北韓七度驗證核裝置 }'));
    const r = brink('scenario', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('「北韓七度驗證核裝置」');
    expect(r.stderr).toContain('source "seed"');
    const line = text.split('\n').findIndex((l) => l.includes(original)) + 1;
    expect(r.stderr).toContain(`bad-quote.yaml:${line}:`);
  });

  it('a YAML syntax error names the line; an invalid value names its JSON path', async () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('asOf:'));
    const broken = [...lines];
    broken[at] = 'asOf: a: b';
    const f1 = path.join(dir, 'syntax.yaml');
    writeFileSync(f1, broken.join('\n'));
    const r1 = await brinkInProcess('scenario', 'show', f1);
    expect(r1.code).toBe(2);
    expect(r1.stdout).toBe('');
    expect(r1.stderr).toMatch(new RegExp(`syntax\\.yaml:${at + 1}:\\d+: YAML syntax error`));

    const f2 = path.join(dir, 'value.yaml');
    writeFileSync(f2, text.replace('type: alliance\n    from: usa\n    to: rok', 'type: friendship\n    from: usa\n    to: rok'));
    const r2 = await brinkInProcess('scenario', 'validate', f2);
    expect(r2.code).toBe(2);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toContain('$.relations[id=us-rok-alliance].type');
    expect(r2.stderr).toMatch(/expected one of "alliance"/);
  });

  it('loads the same scenario from JSON (same hash); a missing source file is named at its line', async () => {
    const json = path.join(dir, 'scenario.json');
    writeFileSync(json, JSON.stringify(loaded.scenario, null, 1));
    const fromJson = await loadScenarioFile(json);
    expect(fromJson.hash).toBe(loaded.hash);
    const missing = path.join(dir, 'missing-source.yaml');
    writeFileSync(missing, text.replace('file: 000_8d664b9cd5e9c824.txt', 'file: nowhere.txt'));
    const r = await brinkInProcess('scenario', 'validate', missing);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = text.split('\n').findIndex((l) => l.includes('file: 000_8d664b9cd5e9c824.txt')) + 1;
    expect(r.stderr).toContain(`missing-source.yaml:${line}:5: source "seed": file nowhere.txt not found`);
  });

  it('show prints the summary, applies variants and prints JSON', async () => {
    const r = await brinkInProcess('scenario', 'show', '--variant', 'yoon-hardline');
    expect(r.code).toBe(0);
    for (const head of ['ACTORS', 'RELATIONS', 'DOCTRINES', 'ISSUES', 'TIMELINE', 'CITATION COVERAGE']) expect(r.stdout).toContain(head);
    expect(r.stdout).toContain('variant yoon-hardline');
    expect(r.stdout).toContain('16/16 content blocks cited');
    const j = await brinkInProcess('scenario', 'show', 'scenarios/korean-peninsula-2025-09.yaml', '--json');
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.stdout) as { hash: string; scenario: { id: string }; coverage: unknown[] };
    expect(parsed.hash).toBe(loaded.hash);
    expect(parsed.scenario.id).toBe('korean-peninsula-2025-09');
    const bad = await brinkInProcess('scenario', 'show', '--variant', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown variant "nope"/);
  });

  it('schema prints JSON Schema; the committed scenarios/scenario.schema.json is current', async () => {
    const r = await brinkInProcess('scenario', 'schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['sources', 'actors', 'relations', 'issues', 'events', 'variants', 'models']));
    expect(schema).toEqual(scenarioJsonSchema());
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, 'scenarios', 'scenario.schema.json'), 'utf8'))).toEqual(schema);
  });
});
