/**
 * The default scenario and `brink scenario`: it validates, every quote is verbatim in the seed, all
 * 16 content blocks of the seed are cited (the coverage is printed), the system the article
 * describes is there, variants apply; bad files give exit 2 with file:line:col or the JSON path.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  citationCoverage,
  collectCites,
  countGrades,
  listGradedValues,
  normaliseWhitespace,
  quoteStatesValue,
  quoteTranslation,
  scenarioHash,
  scenarioJsonSchema,
  translationReport,
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
    // The stored copy equals the project's seed, where the seed is beside the repository (../shared is
    // not part of a user's clone: there this comparison is skipped).
    const shared = path.join(REPO_ROOT, '..', 'shared', 'seed', '000_8d664b9cd5e9c824.txt');
    if (existsSync(shared)) expect(readFileSync(shared, 'utf8')).toBe(seedText);
    else console.warn('scenario test: ../shared/seed is absent, so the stored seed is not compared with it');
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

describe('honest numbers', () => {
  const value = (where: string) => listGradedValues(loaded.scenario).find((v) => v.where === where)!;
  const aeg = '$.models.deterrence.aeg.parameters.';

  it('grades every value, and no value is "stated" unless its quote contains it', () => {
    const values = listGradedValues(loaded.scenario);
    const counts = countGrades(values);
    console.log(`Grades of the default scenario's ${counts.total} values: ${counts.stated} stated, ${counts.implied} implied, ${counts.assumed} assumed (${counts.context} citing context), ${counts.derived} derived`);
    expect(counts.stated + counts.implied + counts.assumed).toBe(counts.total);
    for (const v of values) {
      if (v.cite) expect(v.cite.support, v.where).toBeDefined();
      if (v.grade === 'stated' && v.cite?.quote !== undefined) {
        const anchors = v.where.includes('.positions[') && v.where.endsWith('.position')
          ? loaded.scenario.issues.find((i) => v.where.startsWith(`$.issues[id=${i.id}]`))!.scale.anchors.filter((a) => a.value === v.value).flatMap((a) => [a.label.en, a.label['zh-Hant'] ?? '', a.cite?.quote ?? ''].filter(Boolean))
          : [];
        expect(quoteStatesValue(v.cite.quote, v.value, anchors), `${v.where} = ${v.value}: 「${v.cite.quote}」`).toBe(true);
      }
      if (v.grade !== 'stated') expect(v.range, `${v.where} needs a range`).toBeDefined();
    }
    // The model inputs are overwhelmingly the modeller's readings and assumptions, and say so.
    const models = countGrades(values.filter((v) => v.where.startsWith('$.models.')));
    expect(models.stated).toBe(0);
  });

  it("fixes or argues each value a read against the article found unsupported", () => {
    const s = loaded.scenario;
    // Japan's position does not rest on a quote about US attention to Japan.
    const japan = value('$.issues[id=dprk-nuclear-status].positions[actor=japan].position');
    expect(japan.grade).toBe('assumed');
    expect(japan.support).toBe('context');
    // p_SS: the quote argues standing aside costs credibility; p_HS: Park names only two options.
    expect(value(`${aeg}p_SS`).grade).toBe('assumed');
    expect(value(`${aeg}p_SS`).assumption).toMatch(/less likely/);
    expect(value(`${aeg}p_HS`).grade).toBe('assumed');
    expect(value(`${aeg}p_HS`).assumption).toMatch(/names only massive retaliation or standing aside/);
    expect(s.models.deterrence.aeg!.notes).toMatch(/middle rung, a response in kind, is the model's, not the article's/);
    // extended.p_Def, udg.p_Def, gmdg.p_B, radg.p_B: derived from the AEG's tactical credibility.
    for (const where of ['extended.parameters.p_Def', 'udg.parameters.p_Def', 'gmdg.parameters.p_B', 'radg.parameters.p_B']) {
      const v = value(`$.models.deterrence.${where}`);
      expect(v.derived?.sources, where).toEqual([`${aeg}p_HH`, `${aeg}p_HS`]);
      expect(v.cite).toBeUndefined();
    }
    // extended.e_DP: no Yoon-era quote in the Lee-era base case.
    expect(value('$.models.deterrence.extended.parameters.e_DP').cite!.quote).not.toMatch(/尹錫悅|對北韓更強硬/);
    // The ROK variants: no 2018-agreement quote for the exercises, no change of US resolve.
    const lee = s.variants.find((v) => v.id === 'lee-engagement')!;
    const leeExercises = lee.changes.find((c) => c.path === '$.issues[id=us-rok-exercises].positions[actor=rok].position')!.value as { cite: { quote: string } };
    expect(leeExercises.cite.quote).not.toMatch(/軍事協議/);
    for (const v of s.variants.filter((x) => x.id !== 'us-freeze-offer')) {
      for (const c of v.changes) expect(c.path, `${v.id} changes US resolve`).not.toMatch(/p_HH|p_HS|p_SH|p_SS|p_B|p_Def/);
    }
    // 大規模殺傷武器 is "weapons of mass destruction", not "at scale".
    const wmd = s.actors.find((a) => a.id === 'dprk')!.capabilities!.find((c) => c.cite?.quote?.includes('大規模殺傷武器'))!;
    expect(wmd.description).toMatch(/^Weapons of mass destruction/);
    expect(JSON.stringify(s)).not.toMatch(/WMD (developed )?at scale|built WMD at scale/);
    // Mechanisms: no effect reported (sign 0); an aim is an aim.
    expect(s.mechanisms.find((m) => m.id === 'dprk-rejects-engagement')!.sign).toBe('0');
    expect(s.mechanisms.find((m) => m.id === 'engagement-eases-border-tension')!.basis).toBe('aim');
    // 近9成: states 0.9, its range holds the 2022 calibration figure and the alternative reading.
    const share = value('$.relations[id=china-dprk-trade].amounts.chinaShareOfDprkTrade');
    const kotra = s.calibration.find((c) => c.id === 'china-share-dprk-trade-2022')!.target.value;
    expect(share.value).toBe(0.9);
    expect(share.range![0] <= kotra && kotra <= share.range![1]).toBe(true);
    expect(share.note).toMatch(/exports/);
  });

  it('records the DPRK as a veto player on its nuclear status, and the rollback of its arsenal as ruled out', () => {
    const issue = loaded.scenario.issues.find((i) => i.id === 'dprk-nuclear-status')!;
    const dprk = issue.positions.find((p) => p.actor === 'dprk')!;
    expect(dprk.veto).toBe(true);
    expect(dprk.clout.value).toBeGreaterThanOrEqual(issue.positions.find((p) => p.actor === 'usa')!.clout.value);
    expect(issue.ruledOut).toEqual([expect.objectContaining({ range: [0, 49], cite: expect.objectContaining({ quote: expect.stringContaining('不可逆轉'), support: 'states' }) })]);
    const russia = issue.positions.find((p) => p.actor === 'russia')!;
    expect(russia.position.value).toBeGreaterThan(50);
    expect(russia.position.cite!.quote).toContain('加速北韓核飛彈打擊能力的成長');
  });

  it("gives every cited Chinese quote the modeller's English rendering, and the scenario's prose in Traditional Chinese", () => {
    const report = translationReport(loaded.scenario, ['zh-Hant']);
    expect(loaded.scenario.translations!.by).toMatch(/modeller/);
    expect(report.untranslatedQuotes).toEqual([]);
    expect(report.staleQuotes).toEqual([]);
    expect(report.prose['zh-Hant']!.missing).toEqual([]);
    expect(report.prose['zh-Hant']!.stale).toEqual([]);
    for (const { cite } of collectCites(loaded.scenario).filter((c) => c.cite.source === 'seed')) expect(quoteTranslation(loaded.scenario, cite), cite.quote).toMatch(/[A-Za-z]/);
  });

  it('keeps scenario-specific readings in the scenario, in both languages', () => {
    for (const id of ['aeg', 'radg']) {
      const reading = loaded.scenario.models.deterrence[id]!.reading!;
      expect(reading.question.en).toMatch(/^Block 4/);
      expect(reading.question['zh-Hant']).toMatch(/^第4段/);
      expect(reading.conclusion!.fails['zh-Hant']).toBeTruthy();
    }
    expect(Object.keys(loaded.scenario.models.deterrence.aeg!.reading!.outcomes!)).toEqual(['SQ', 'DC', 'DD', 'DE', 'ED', 'EE']);
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

describe('brink scenario: grades, model checks and versions (CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'brink-scenario-versions-'));
  const text = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8');
  const P_HH = 'p_HH: { value: 0.25, range: [0.05, 0.6]';

  it('show prints the three grades with their counts, and each value with its quote and translation', async () => {
    const r = await brinkInProcess('scenario', 'show', 'scenarios/korean-peninsula-2025-09.yaml');
    expect(r.code).toBe(0);
    const c = countGrades(listGradedValues(loaded.scenario));
    expect(r.stdout).toMatch(new RegExp(`GRADES of the ${c.total} values`));
    expect(r.stdout).toMatch(new RegExp(`\\n  stated +${c.stated} `));
    expect(r.stdout).toMatch(new RegExp(`\\n  implied +${c.implied} `));
    expect(r.stdout).toMatch(new RegExp(`\\n  assumed +${c.assumed} `));
    expect(r.stdout).toContain('VALUES (');
    expect(r.stdout).toMatch(/implied {2}models\.deterrence\.aeg\.parameters\.p_HH = 0\.25 \[0\.05, 0\.6\]\n +\[seed, implies\] 「明顯增加美韓聯盟執行懲罰性嚇阻的風險」\n + {2}= ".+" \(the modeller's translation\)/);
    expect(r.stdout).toMatch(/dprk +V position 100 \[95, 100\] S/);
    const j = JSON.parse((await brinkInProcess('scenario', 'show', '--json')).stdout) as { grades: { stated: number }; values: { where: string; grade: string; translation?: string | null }[] };
    expect(j.grades.stated).toBe(c.stated);
    expect(j.values.find((v) => v.where.endsWith('aeg.parameters.p_HH'))).toMatchObject({ grade: 'implied', translation: expect.any(String) });
  });

  it('validate runs the models\' checks: AEG types summing to 1.25 exit 2 at their line, with the JSON path', async () => {
    const file = path.join(dir, 'types.yaml');
    writeFileSync(file, text.replace(P_HH, 'p_HH: { value: 0.5, range: [0.05, 0.6]'));
    const r = await brinkInProcess('scenario', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = text.split('\n').findIndex((l) => l.includes('        p_HH:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`types\\.yaml:\\d+:\\d+: \\$\\.models\\.deterrence\\.aeg\\.parameters \\(p_HH\\+p_HS\\+p_SH\\+p_SS\\): probabilities .* sum to 1\\.25`));
    expect(line).toBeGreaterThan(0);
    const ok = await brinkInProcess('scenario', 'validate');
    expect(ok.stdout).toMatch(/values: \d+ stated, \d+ implied, \d+ assumed/);
    expect(ok.stdout).toMatch(/models' inputs valid for the base and every variant: deterrence \(aeg, radg/);
  });

  it('a "states" grade on a quote without the number: exit 2, the quote and the value named', async () => {
    const file = path.join(dir, 'states.yaml');
    const original = 'cite: { source: seed, quote: 明顯增加美韓聯盟執行懲罰性嚇阻的風險, support: implies }';
    expect(text).toContain(original);
    writeFileSync(file, text.replace(original, 'cite: { source: seed, quote: 明顯增加美韓聯盟執行懲罰性嚇阻的風險, support: states }'));
    const r = await brinkInProcess('scenario', 'validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/「明顯增加美韓聯盟執行懲罰性嚇阻的風險」 is graded "states" but does not contain the value 0.25/);
  });

  it('put, versions, diff and restore: a restore becomes the newest version and deletes nothing', async () => {
    const data = path.join(dir, 'data');
    const v2file = path.join(dir, 'v2.yaml');
    writeFileSync(v2file, text.replace(P_HH, 'p_HH: { value: 0.3, range: [0.05, 0.6]').replace('          value: 0.3\n          range: [0.05, 0.5]', '          value: 0.25\n          range: [0.05, 0.5]'));
    const put1 = await brinkInProcess('--data', data, 'scenario', 'put');
    expect(put1.stdout).toMatch(/^stored korean-peninsula-2025-09 version 1 /);
    const put2 = await brinkInProcess('--data', data, 'scenario', 'put', v2file);
    expect(put2.stdout).toMatch(/^stored korean-peninsula-2025-09 version 2 /);
    expect((await brinkInProcess('--data', data, 'scenario', 'put')).stdout).toMatch(/^already stored: korean-peninsula-2025-09 version 1 /);

    const diff = await brinkInProcess('--data', data, 'scenario', 'diff', '--id', 'korean-peninsula-2025-09');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^korean-peninsula-2025-09 v1 -> v2: \d+ value\(s\) changed/);
    expect(diff.stdout).toContain('~ $.models.deterrence.aeg.parameters.p_HH: 0.25 [0.05, 0.6] implied -> 0.3 [0.05, 0.6] implied  (value)');
    expect(diff.stdout).toContain('~ $.models.deterrence.radg.parameters.p_B: 0.6');
    const files = await brinkInProcess('scenario', 'diff', 'scenarios/korean-peninsula-2025-09.yaml', v2file, '--json');
    expect((JSON.parse(files.stdout) as { values: unknown[] }).values.length).toBeGreaterThan(2);

    const restore = await brinkInProcess('--data', data, 'scenario', 'restore', 'korean-peninsula-2025-09', '1');
    expect(restore.stdout).toMatch(/^restored korean-peninsula-2025-09 v1 as the newest version, v3 /);
    const versions = await brinkInProcess('--data', data, 'scenario', 'versions', 'korean-peninsula-2025-09');
    expect(versions.stdout).toMatch(/3 version\(s\)/);
    expect(versions.stdout).toMatch(/v3 .*\(restores v1\) {2}<- latest/);
    const json = JSON.parse((await brinkInProcess('--data', data, 'scenario', 'versions', 'korean-peninsula-2025-09', '--json')).stdout) as { versions: { version: number; hash: string }[] };
    expect(json.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(json.versions[2]!.hash).toBe(json.versions[0]!.hash);
    const same = await brinkInProcess('--data', data, 'scenario', 'diff', '--id', 'korean-peninsula-2025-09', '--from', '1', '--to', '3');
    expect(same.stdout).toMatch(/0 value\(s\) changed, 0 added, 0 removed/);

    const missing = await brinkInProcess('--data', data, 'scenario', 'restore', 'korean-peninsula-2025-09', '9');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no version 9 of scenario "korean-peninsula-2025-09"/);
    const badVersion = await brinkInProcess('--data', data, 'scenario', 'restore', 'korean-peninsula-2025-09', 'x');
    expect(badVersion.code).toBe(2);
    expect((await brinkInProcess('--data', data, 'scenario', 'versions', 'nope')).code).toBe(2);
  });

  it('YAML errors at their own line: an unknown key, an unterminated quote, deep nesting', async () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  - id: dprk')) + 2;
    const withKey = [...lines.slice(0, at), '    titel: x', ...lines.slice(at)].join('\n');
    const f1 = path.join(dir, 'titel.yaml');
    writeFileSync(f1, withKey);
    const r1 = await brinkInProcess('scenario', 'validate', f1);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`titel.yaml:${at + 1}:5: invalid scenario: $.actors[id=dprk].titel: unknown property "titel"`);
    const f2 = path.join(dir, 'quote.yaml');
    writeFileSync(f2, `id: x\ntitle: "open\n${text}`);
    const r2 = await brinkInProcess('scenario', 'validate', f2);
    expect(r2.stderr).toMatch(/quote\.yaml:2:8: YAML syntax error: Missing closing "quote/);
    const f3 = path.join(dir, 'deep.yaml');
    writeFileSync(f3, `id: x\ndeep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const r3 = await brinkInProcess('scenario', 'validate', f3);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toBe(`brink: ${path.relative(process.cwd(), f3).startsWith('..') ? f3 : path.relative(process.cwd(), f3)}:2:70: nesting deeper than 64 levels\n`);
  });

  it('diff of a variant shows what it changes, derived values included', async () => {
    const r = await brinkInProcess('scenario', 'diff', 'scenarios/korean-peninsula-2025-09.yaml', '--variant', 'yoon-hardline');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ $.models.deterrence.aeg.parameters.c_SQ: 0.75 [0.65, 0.9] implied -> 0.7 [0.65, 0.75] implied');
    expect(r.stdout).toContain('~ $.issues[id=us-rok-exercises].positions[actor=rok].position: 50 [40, 65] stated -> 95 [85, 100] implied');
  });
});
