/**
 * `brink scenario`: validate a scenario file, show a readable summary of it (with the grade of every
 * value: stated, implied or assumed), print its JSON Schema, and keep its versions in the store.
 *
 *   brink scenario validate [FILE]                    shapes, references, quotes and their grades,
 *                                                     translations, every variant, every model's inputs
 *   brink scenario show [FILE] [--variant V] [--json] actors, relations, issues, values with grades,
 *                                                     quotes with the modeller's translations, coverage
 *   brink scenario schema                             the scenario JSON Schema (for editors)
 *   brink scenario put [FILE]                         store it (validated) as a new version
 *   brink scenario versions ID                        list the stored versions of an id
 *   brink scenario diff A B | FILE --variant V | --id ID [--from N] [--to M]
 *                                                     what changed: values with their citations
 *   brink scenario restore ID VERSION                 make an earlier version the newest
 *
 * FILE defaults to the default scenario (scenarios/korean-peninsula-2025-09.yaml); the store is the
 * one `--data DIR` (or BRINK_DATA / BRINK_DATABASE_URL) names. Bad input: exit 2, message on stderr,
 * nothing on stdout.
 */
import path from 'node:path';
import type { Command } from 'commander';
import {
  citationCoverage,
  collectCites,
  countGrades,
  diffScenarios,
  listGradedValues,
  listVariants,
  quoteTranslation,
  scenarioJsonSchema,
  sectionOf,
  translationReport,
  type Cite,
  type CitedNumber,
  type DiffValue,
  type GradedValue,
  type Scenario,
  type ScenarioDiff,
  type SourceCoverage,
} from '@brink/engine/scenario';
import { checkModelInputs } from '@brink/engine/model-inputs';
import { InputError, isInputError } from '@brink/engine/errors';
import { action } from '../run';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile, type LoadedScenario } from '../../scenario-files';
import { openStore, type SourceInput, type Store } from '../../store';

export function registerScenarioCommand(program: Command): void {
  const scenario = program
    .command('scenario')
    .description('Validate, summarise and describe scenario files; keep their versions')
    .addHelpText(
      'after',
      `\nFILE defaults to ${DEFAULT_SCENARIO_PATH}.\nGrades: a value is stated (its quote contains it), implied (the quote gives its direction; the size is the modeller's reading) or assumed (a rationale and a range).\nExit codes: 0 ok, 2 bad input, 1 internal error.`,
    );

  scenario
    .command('validate')
    .description('Check a scenario file: YAML syntax, schema, references, verbatim quotes and their grades, translations, every variant, and what every bound model needs')
    .argument('[file]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO_PATH)
    .action(
      action(async (file: string) => {
        const loaded = await loadScenarioFile(file);
        const variants = listVariants(loaded.scenario);
        // Applies (and validates) every variant, then runs each bound model's checks on it.
        const checked = checkModels(loaded);
        const stats = citationStats(loaded);
        const s = loaded.scenario;
        const grades = countGrades(listGradedValues(s));
        const report = translationReport(s, ['zh-Hant']);
        const models = checked.cases[0]!.checked;
        process.stdout.write(
          `ok ${displayPath(loaded.path)}\n` +
            `  ${s.actors.length} actors, ${s.relations.length} relations, ${s.doctrines.length} doctrines, ${s.issues.length} issues, ` +
            `${s.events.length} events, ${s.mechanisms.length} mechanisms, ${s.assessments.length} assessments, ${s.calibration.length} calibration targets\n` +
            `  ${stats.cites} citations: ${stats.quotes} quotes verified in ${stats.files} stored source file(s), ${stats.locators} locators of URL-only sources; ${stats.assumptions} assumptions\n` +
            `  ${grades.total} values: ${gradeLine(grades)}\n` +
            `  translations: ${report.counts.quotes} quotes into English (${report.untranslatedQuotes.length} cited quotes without one), ` +
            `${report.counts.prose['zh-Hant'] ?? 0} texts into zh-Hant (${report.prose['zh-Hant']?.missing.length ?? 0} without one, ${report.prose['zh-Hant']?.stale.length ?? 0} stale)\n` +
            `  ${variants.length} variant(s) valid${variants.length ? `: ${variants.map((v) => v.id).join(', ')}` : ''}\n` +
            `  models' inputs valid for the base and every variant: ${Object.entries(models).map(([family, ids]) => `${family} (${ids.length ? ids.join(', ') : 'none bound'})`).join('; ')}\n` +
            `  hash ${loaded.hash}\n`,
        );
      }),
    );

  scenario
    .command('show')
    .description('Print a readable summary: grades, actors, relations, doctrines, issues, every value with its grade, quote and translation, a timeline, citation coverage')
    .argument('[file]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO_PATH)
    .option('--variant <id>', 'apply a variant first')
    .option('--json', 'print { file, hash, variant, grades, values, scenario, coverage } as JSON instead')
    .action(
      action(async (file: string, opts: { variant?: string; json?: boolean }) => {
        const loaded = await loadScenarioFile(file, { variant: opts.variant });
        const coverage = Object.entries(loaded.sourceTexts).map(([id, text]) => citationCoverage(loaded.scenario, id, text));
        if (opts.json) {
          const graded = listGradedValues(loaded.scenario);
          const values = graded.map(({ path: _path, ...v }) => ({ ...v, ...(v.cite ? { translation: quoteTranslation(loaded.scenario, v.cite) ?? null } : {}) }));
          const out = {
            file: displayPath(loaded.path),
            hash: loaded.hash,
            variant: loaded.variant ?? null,
            grades: countGrades(graded),
            values,
            scenario: loaded.scenario,
            coverage,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        process.stdout.write(formatSummary(loaded, coverage));
      }),
    );

  scenario
    .command('schema')
    .description('Print the scenario JSON Schema (draft 2020-12), e.g. for editor validation and completion')
    .action(
      action(() => {
        process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      }),
    );

  scenario
    .command('put')
    .description('Store a scenario file (validated as by `validate`) as a new version in the store; known content answers with its version')
    .argument('[file]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO_PATH)
    .action(
      action(async (file: string, _opts: unknown, cmd: Command) => {
        const loaded = await loadScenarioFile(file);
        checkModels(loaded);
        await withStore(cmd, async (store) => {
          const sources: SourceInput[] = loaded.scenario.sources
            .filter((s) => loaded.sourceTexts[s.id] !== undefined)
            .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date, language: s.language, url: s.url ?? null, text: loaded.sourceTexts[s.id]! }));
          const { record, created } = await store.putScenario({ scenario: loaded.scenario as never, text: loaded.text, sources });
          process.stdout.write(
            created ? `stored ${record.id} version ${record.version} (${record.hash}) in ${store.location}\n` : `already stored: ${record.id} version ${record.version} (${record.hash}) in ${store.location}\n`,
          );
        });
      }),
    );

  scenario
    .command('versions')
    .description('List the stored versions of a scenario id (oldest first)')
    .argument('<id>', 'scenario id')
    .option('--json', 'print the versions as JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        await withStore(cmd, async (store) => {
          const versions = await store.listScenarioVersions(id);
          if (versions.length === 0) throw new InputError(`no scenario "${id}" in ${store.location}`, { place: 'id', expected: (await store.listScenarios()).map((s) => s.id).join(', ') || 'a stored scenario (brink scenario put FILE)' });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ id, versions }, null, 2)}\n`);
            return;
          }
          const latest = versions[versions.length - 1]!.version;
          const lines = versions.map(
            (v) => `  ${pad(`v${v.version}`, 6)} ${v.createdAt}  ${v.hash.slice(0, 19)}…  ${titleOf(v.title)}${v.restoredFrom !== null ? `  (restores v${v.restoredFrom})` : ''}${v.version === latest ? '  <- latest' : ''}`,
          );
          process.stdout.write(`${id}: ${versions.length} version(s) in ${store.location}\n${lines.join('\n')}\n`);
        });
      }),
    );

  scenario
    .command('diff')
    .description('What changed: values (with grades and citations), elements added or removed, other fields')
    .argument('[a]', 'scenario file (the earlier one), or with --variant the base file')
    .argument('[b]', 'scenario file (the later one)')
    .option('--variant <id>', 'compare the base scenario of file A with this variant of it')
    .option('--id <id>', 'compare two stored versions of this scenario id instead of files')
    .option('--from <version>', 'with --id: the earlier version (default: the one before --to)')
    .option('--to <version>', 'with --id: the later version (default: the latest)')
    .option('--json', 'print the diff as JSON')
    .action(
      action(async (a: string | undefined, b: string | undefined, opts: { variant?: string; id?: string; from?: string; to?: string; json?: boolean }, cmd: Command) => {
        let before: Scenario;
        let after: Scenario;
        let label: string;
        if (opts.id !== undefined) {
          if (a !== undefined) throw new InputError('give either files or --id, not both', { place: '--id' });
          const id = opts.id;
          const result = await withStore(cmd, async (store) => {
            const to = opts.to !== undefined ? versionNumber(opts.to, '--to') : undefined;
            const toRecord = await store.getScenario(id, to);
            if (!toRecord) throw new InputError(to === undefined ? `no scenario "${id}" in ${store.location}` : `no version ${to} of scenario "${id}"`, { place: to === undefined ? '--id' : '--to' });
            const from = opts.from !== undefined ? versionNumber(opts.from, '--from') : toRecord.version - 1;
            if (from < 1) throw new InputError(`version ${toRecord.version} is the first version: nothing before it to compare`, { place: '--from' });
            const fromRecord = await store.getScenario(id, from);
            if (!fromRecord) throw new InputError(`no version ${from} of scenario "${id}"`, { place: '--from' });
            return { before: fromRecord.scenario as unknown as Scenario, after: toRecord.scenario as unknown as Scenario, label: `${id} v${fromRecord.version} -> v${toRecord.version}` };
          });
          ({ before, after, label } = result);
        } else if (opts.variant !== undefined) {
          if (a === undefined || b !== undefined) throw new InputError('with --variant give one scenario file', { place: '--variant' });
          const loaded = await loadScenarioFile(a, { variant: opts.variant });
          before = loaded.base;
          after = loaded.scenario;
          label = `${displayPath(loaded.path)}: base -> variant ${opts.variant}`;
        } else {
          if (a === undefined || b === undefined) throw new InputError('give two scenario files, FILE --variant V, or --id ID', { place: 'a' });
          const [la, lb] = [await loadScenarioFile(a), await loadScenarioFile(b)];
          before = la.scenario;
          after = lb.scenario;
          label = `${displayPath(la.path)} -> ${displayPath(lb.path)}`;
        }
        const diff = diffScenarios(before, after);
        if (opts.json) process.stdout.write(`${JSON.stringify({ label, ...diff }, null, 2)}\n`);
        else process.stdout.write(formatDiff(label, diff, after));
      }),
    );

  scenario
    .command('restore')
    .description('Make an earlier stored version the newest: its content is stored again as a new version (nothing is deleted)')
    .argument('<id>', 'scenario id')
    .argument('<version>', 'the version to restore')
    .action(
      action(async (id: string, version: string, _opts: unknown, cmd: Command) => {
        const n = versionNumber(version, 'version');
        await withStore(cmd, async (store) => {
          const result = await store.restoreScenario(id, n);
          if (!result) throw new InputError(`no version ${n} of scenario "${id}" in ${store.location}`, { place: 'version' });
          const { record, created } = result;
          process.stdout.write(
            created ? `restored ${id} v${n} as the newest version, v${record.version} (${record.hash})\n` : `${id} v${n} is already the newest content (v${record.version}); nothing stored\n`,
          );
        });
      }),
    );
}

/** Runs `fn` with the store `--data` (or the environment) names, closing it afterwards. */
async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const globals = cmd.optsWithGlobals<{ data?: string }>();
  const store = await openStore({ dataDir: globals.data });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function versionNumber(text: string, place: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`expected a version number (1, 2, ...), got "${text}"`, { place });
  return n;
}

/** Every bound model's input checks for the base and each variant; errors placed at file:line:col. */
function checkModels(loaded: LoadedScenario) {
  const readSource = (s: { id: string }) => loaded.sourceTexts[s.id];
  try {
    return checkModelInputs(loaded.base, { readSource });
  } catch (error) {
    if (!isInputError(error) || error.place === undefined) throw error;
    const at = loaded.placeOf(error.place);
    throw at ? new InputError(`${error.place}: ${error.reason}`, { place: at, expected: error.expected, cause: error }) : error;
  }
}

function titleOf(title: unknown): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && typeof (title as { en?: unknown }).en === 'string') return (title as { en: string }).en;
  return '';
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') ? relative : absolute;
}

function citationStats(loaded: LoadedScenario) {
  const cites = collectCites(loaded.scenario);
  let assumptions = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'assumption' && typeof v === 'string') assumptions++;
        else walk(v);
      }
    }
  };
  walk(loaded.scenario);
  return {
    cites: cites.length,
    quotes: cites.filter((c) => c.cite.quote !== undefined).length,
    locators: cites.filter((c) => c.cite.quote === undefined).length,
    files: Object.keys(loaded.sourceTexts).length,
    assumptions,
  };
}

function gradeLine(c: { stated: number; implied: number; assumed: number; context: number; derived: number }): string {
  return `${c.stated} stated, ${c.implied} implied, ${c.assumed} assumed (${c.context} of them citing context); ${c.derived} derived from others`;
}

function num(n: number): string {
  if (Math.abs(n) >= 10000) return n.toLocaleString('en-US');
  return String(Number(n.toPrecision(10)));
}

const MARK: Record<string, string> = { stated: 'S', implied: 'I', assumed: 'A' };

/** `0.6 [0.3, 0.9] I`: value, range and grade mark (S stated, I implied, A assumed; D derived). */
function cited(c: CitedNumber | undefined, grade?: string, derived?: boolean): string {
  if (!c) return '-';
  const range = c.range ? ` [${num(c.range[0])}, ${num(c.range[1])}]` : '';
  const mark = grade ? ` ${MARK[grade] ?? '?'}${derived ? 'D' : ''}` : '';
  return `${num(c.value)}${c.unit ? ` ${c.unit}` : ''}${range}${mark}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function quoteLine(scenario: Scenario, cite: Cite): string[] {
  const where = cite.quote !== undefined ? `「${cite.quote}」` : cite.locator ?? '';
  const out = [`[${cite.source}${cite.support ? `, ${cite.support}` : ''}] ${where}`];
  const english = quoteTranslation(scenario, cite);
  if (english) out.push(`  = "${english}" (the modeller's translation)`);
  return out;
}

/** The readable summary `brink scenario show` prints. */
export function formatSummary(loaded: LoadedScenario, coverage: SourceCoverage[]): string {
  const s: Scenario = loaded.scenario;
  const values = listGradedValues(s);
  const grade = new Map(values.map((v) => [v.where, v]));
  const g = (where: string, c: CitedNumber | undefined) => cited(c, grade.get(where)?.grade, grade.get(where)?.derived !== undefined);
  const out: string[] = [];
  out.push(`${s.title.en}${s.title['zh-Hant'] ? ` / ${s.title['zh-Hant']}` : ''}`);
  out.push(`id ${s.id}, as of ${s.asOf}, variant ${loaded.variant ?? '(none)'}, hash ${loaded.hash}`);
  const stats = citationStats(loaded);
  out.push(
    `${s.sources.length} sources (${s.sources.filter((x) => x.file).length} stored), ${stats.cites} citations ` +
      `(${stats.quotes} verified quotes, ${stats.locators} locators), ${stats.assumptions} assumptions`,
  );

  const counts = countGrades(values);
  out.push('', `GRADES of the ${counts.total} values (S stated: the quote contains it; I implied: the quote gives its direction, the size is the modeller's reading; A assumed: a rationale and a range; D derived from others)`);
  out.push(`  stated   ${pad(String(counts.stated), 5)} ${bar(counts.stated, counts.total)}`);
  out.push(`  implied  ${pad(String(counts.implied), 5)} ${bar(counts.implied, counts.total)}`);
  out.push(`  assumed  ${pad(String(counts.assumed), 5)} ${bar(counts.assumed, counts.total)}  (${counts.context} of them cite a source as context)`);
  out.push(`  derived  ${pad(String(counts.derived), 5)} (counted above under the weakest grade of their sources)`);
  const sections = [...new Set(values.map(sectionOf))];
  for (const section of sections) {
    const c = countGrades(values.filter((v) => sectionOf(v) === section));
    out.push(`    ${pad(section, 12)} ${pad(String(c.total), 4)} values: ${c.stated} stated, ${c.implied} implied, ${c.assumed} assumed`);
  }

  out.push('', `ACTORS (${s.actors.length})`);
  for (const kind of ['state', 'person', 'organisation', 'alliance', 'group'] as const) {
    const list = s.actors.filter((a) => a.kind === kind);
    if (!list.length) continue;
    out.push(`  ${kind}s:`);
    for (const a of list) {
      const extra = [a.role, a.leader ? `leader ${a.leader}` : undefined, a.affiliation ? `of ${a.affiliation}` : undefined, a.members ? `members ${a.members.join(', ')}` : undefined]
        .filter(Boolean)
        .join('; ');
      out.push(`    ${pad(a.id, 24)} ${a.names.en} / ${a.names['zh-Hant']}${extra ? ` (${extra})` : ''}`);
      (a.capabilities ?? []).forEach((c, j) => {
        const where = `$.actors[id=${a.id}].capabilities[id=${c.id}].amount`;
        out.push(`      + ${c.kind}: ${c.description}${c.amount ? ` = ${g(where, c.amount)}` : ''}`);
        void j;
      });
    }
  }

  out.push('', `RELATIONS (${s.relations.length})`);
  for (const r of s.relations) {
    const base = `$.relations[id=${r.id}]`;
    out.push(`  ${pad(`${r.from} -> ${r.to}`, 30)} ${pad(r.type, 12)} ${r.strength ? `strength ${g(`${base}.strength`, r.strength)}  ` : ''}${r.since ? `since ${r.since}  ` : ''}${(r.description ?? '').trim()}`);
    for (const [k, v] of Object.entries(r.amounts ?? {})) out.push(`      ${k} = ${g(`${base}.amounts.${k}`, v)}`);
    for (const f of r.flows ?? []) out.push(`      -> ${f.what}${f.amount ? ` = ${g(`${base}.flows[id=${f.id}].amount`, f.amount)}` : ''}`);
  }

  out.push('', `DOCTRINES (${s.doctrines.length})`);
  for (const d of s.doctrines) out.push(`  ${pad(d.actor, 16)} ${d.adopted ? `${d.adopted} ` : ''}${d.title.en}${d.title['zh-Hant'] ? ` / ${d.title['zh-Hant']}` : ''}`);

  out.push('', `ISSUES (${s.issues.length}; position / salience / clout with range and grade; V = veto player)`);
  for (const issue of s.issues) {
    const anchors = issue.scale.anchors.map((a) => `${a.value} ${a.label.en}`).join(' | ');
    out.push(`  ${issue.id}: ${issue.title.en}  [${anchors}]`);
    for (const p of issue.positions) {
      const base = `$.issues[id=${issue.id}].positions[actor=${p.actor}]`;
      out.push(
        `    ${pad(p.actor, 10)}${p.veto ? 'V ' : '  '}position ${pad(g(`${base}.position`, p.position), 20)} salience ${pad(g(`${base}.salience`, p.salience), 18)} clout ${g(`${base}.clout`, p.clout)}`,
      );
    }
    for (const r of issue.ruledOut ?? []) out.push(`    ruled out [${num(r.range[0])}, ${num(r.range[1])}]: ${r.reason.trim()}`);
  }

  out.push('', `VALUES (${values.length}, each with its grade and what it rests on; quotes with the modeller's English)`);
  for (const section of sections) {
    out.push(`  ${section}`);
    for (const v of values.filter((x) => sectionOf(x) === section)) out.push(...formatValue(s, v).map((l) => `    ${l}`));
  }

  const events = [...s.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  out.push('', `TIMELINE (${events.length} events)`);
  for (const e of events) {
    const when = e.endDate ? `${e.date}..${e.endDate}` : e.date;
    out.push(`  ${pad(when, 22)} ${e.status === 'expected' ? '(expected) ' : ''}${pad(e.kind ?? '', 16)} ${e.title.en}  [${e.actors.join(', ')}]`);
  }

  out.push('', `MECHANISMS (${s.mechanisms.length}; [+] more cause, more effect; [-] more cause, less effect; [0] no effect reported; basis: reported, assessed, aim)`);
  for (const m of s.mechanisms) out.push(`  [${m.sign}] ${m.cause} -> ${m.effect}${m.basis && m.basis !== 'reported' ? `  (${m.basis})` : ''}`);

  out.push('', `VARIANTS (${s.variants.length})`);
  for (const v of s.variants) {
    out.push(`  ${pad(v.id, 18)} ${v.title.en} (${v.changes.length} changes)${loaded.variant === v.id ? '  <- applied' : ''}`);
    for (const c of v.changes) {
      const value = c.value !== null && typeof c.value === 'object' && 'value' in c.value ? (c.value as { value: unknown }).value : c.value;
      const shown = Array.isArray(value) ? `${value.length} item(s)` : typeof value === 'object' ? JSON.stringify(value) : String(value);
      out.push(`      ${c.path} = ${shown}`);
    }
  }

  for (const cov of coverage) {
    const content = cov.blocks.filter((b) => !b.heading);
    const covered = content.filter((b) => b.citedBy.length > 0);
    const total = cov.blocks.reduce((t, b) => ({ states: t.states + b.support.states, implies: t.implies + b.support.implies, context: t.context + b.support.context, facts: t.facts + b.support.facts }), { states: 0, implies: 0, context: 0, facts: 0 });
    out.push('', `CITATION COVERAGE of source "${cov.source}": ${covered.length}/${content.length} content blocks cited; its citations of numbers: ${total.states} state, ${total.implies} imply, ${total.context} context; ${total.facts} cite facts`);
    for (const b of cov.blocks) {
      const head = `${b.text.slice(0, 18)}${b.text.length > 18 ? '…' : ''}`;
      const s = b.support;
      const grades = `S${s.states} I${s.implies} C${s.context} F${s.facts}`;
      if (b.heading) out.push(`  block ${pad(String(b.block), 3)} heading    ${pad('', 18)} ${head}`);
      else out.push(`  block ${pad(String(b.block), 3)} ${b.citedBy.length ? pad(`${b.citedBy.length} cites`, 10) : 'NOT CITED '} ${pad(grades, 18)} ${head}`);
    }
    if (cov.unplaced.length) out.push(`  quotes spanning blocks: ${cov.unplaced.length}`);
  }
  return `${out.join('\n')}\n`;
}

function bar(n: number, total: number): string {
  const width = total > 0 ? Math.round((40 * n) / total) : 0;
  return `${'#'.repeat(width)}${total > 0 ? ` ${Math.round((100 * n) / total)}%` : ''}`;
}

function formatValue(s: Scenario, v: GradedValue): string[] {
  const c = { value: v.value, unit: v.unit, range: v.range } as CitedNumber;
  const lines = [`${pad(v.grade, 8)} ${v.where.replace(/^\$\./, '')} = ${cited(c)}`];
  if (v.derived) lines.push(`         derived: ${v.derived.sources.map((p) => p.replace(/^\$\./, '')).join(' + ')} (${v.derived.rationale.trim()})`);
  if (v.cite) lines.push(...quoteLine(s, v.cite).map((l) => `         ${l}`));
  if (v.note) lines.push(`         reading: ${v.note.trim()}`);
  if (v.assumption) lines.push(`         assumption: ${v.assumption.trim()}`);
  return lines;
}

function diffSide(v: DiffValue | undefined): string {
  if (!v) return '-';
  return `${num(v.value)}${v.range ? ` [${num(v.range[0])}, ${num(v.range[1])}]` : ''} ${v.grade}`;
}

/** The readable diff `brink scenario diff` prints. */
export function formatDiff(label: string, d: ScenarioDiff, after: Scenario): string {
  const out: string[] = [];
  const n = (change: string) => d.values.filter((v) => v.change === change).length;
  out.push(`${label}: ${n('changed')} value(s) changed, ${n('added')} added, ${n('removed')} removed; ${d.elements.length} element(s) added or removed; ${d.other.length + d.truncated} other field(s) changed`);
  if (d.values.length) out.push('', 'VALUES');
  for (const v of d.values) {
    const mark = v.change === 'changed' ? '~' : v.change === 'added' ? '+' : '-';
    out.push(`  ${mark} ${v.where}: ${diffSide(v.before)} -> ${diffSide(v.after)}${v.fields.length ? `  (${v.fields.join(', ')})` : ''}`);
    const side = v.after ?? v.before!;
    if (side.cite) out.push(...quoteLine(after, side.cite).map((l) => `      ${l}`));
    if (side.derived) out.push(`      derived: ${side.derived.sources.join(' + ')}`);
    if (v.before?.cite && v.after?.cite && JSON.stringify(v.before.cite) !== JSON.stringify(v.after.cite)) out.push(`      was: ${quoteLine(after, v.before.cite)[0]}`);
    if (side.note) out.push(`      reading: ${side.note.trim()}`);
    if (side.assumption) out.push(`      assumption: ${side.assumption.trim()}`);
  }
  if (d.elements.length) out.push('', 'ELEMENTS');
  for (const e of d.elements) out.push(`  ${e.change === 'added' ? '+' : '-'} ${e.list}[id=${e.id}]`);
  if (d.other.length) out.push('', 'OTHER FIELDS');
  const show = (x: unknown) => (x === undefined ? '(none)' : JSON.stringify(x).slice(0, 100));
  for (const o of d.other) out.push(`  ${o.where}: ${show(o.before)} -> ${show(o.after)}`);
  if (d.truncated) out.push(`  ... and ${d.truncated} more`);
  return `${out.join('\n')}\n`;
}
