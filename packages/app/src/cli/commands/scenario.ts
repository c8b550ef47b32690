/**
 * `brink scenario`: validate a scenario file, show a readable summary of it, print its JSON Schema.
 *
 *   brink scenario validate [FILE]                    checks shapes, references, quotes and every variant
 *   brink scenario show [FILE] [--variant V] [--json] actors, relations, issues, timeline, coverage
 *   brink scenario schema                             the scenario JSON Schema (for editors)
 *
 * FILE defaults to the default scenario (scenarios/korean-peninsula-2025-09.yaml).
 * Bad input: exit 2, message on stderr, nothing on stdout.
 */
import path from 'node:path';
import type { Command } from 'commander';
import {
  citationCoverage,
  collectCites,
  listVariants,
  scenarioJsonSchema,
  type CitedNumber,
  type Scenario,
  type SourceCoverage,
} from '@brink/engine/scenario';
import { action } from '../run';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile, type LoadedScenario } from '../../scenario-files';

export function registerScenarioCommand(program: Command): void {
  const scenario = program
    .command('scenario')
    .description('Validate, summarise and describe scenario files')
    .addHelpText('after', `\nFILE defaults to ${DEFAULT_SCENARIO_PATH}.\nExit codes: 0 ok, 2 bad input, 1 internal error.`);

  scenario
    .command('validate')
    .description('Check a scenario file: YAML syntax, schema, references, verbatim quotes, and every variant')
    .argument('[file]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO_PATH)
    .action(
      action(async (file: string) => {
        const loaded = await loadScenarioFile(file);
        const variants = listVariants(loaded.scenario);
        for (const v of variants) await loadScenarioFile(file, { variant: v.id });
        const stats = citationStats(loaded);
        const s = loaded.scenario;
        process.stdout.write(
          `ok ${displayPath(loaded.path)}\n` +
            `  ${s.actors.length} actors, ${s.relations.length} relations, ${s.doctrines.length} doctrines, ${s.issues.length} issues, ` +
            `${s.events.length} events, ${s.mechanisms.length} mechanisms, ${s.assessments.length} assessments, ${s.calibration.length} calibration targets\n` +
            `  ${stats.cites} citations: ${stats.quotes} quotes verified in ${stats.files} stored source file(s), ${stats.locators} locators of URL-only sources; ${stats.assumptions} assumptions\n` +
            `  ${variants.length} variant(s) valid${variants.length ? `: ${variants.map((v) => v.id).join(', ')}` : ''}\n` +
            `  hash ${loaded.hash}\n`,
        );
      }),
    );

  scenario
    .command('show')
    .description('Print a readable summary: actors, relations, doctrines, issues, a timeline of events, citation coverage')
    .argument('[file]', 'scenario file (YAML or JSON)', DEFAULT_SCENARIO_PATH)
    .option('--variant <id>', 'apply a variant first')
    .option('--json', 'print { file, hash, variant, scenario, coverage } as JSON instead')
    .action(
      action(async (file: string, opts: { variant?: string; json?: boolean }) => {
        const loaded = await loadScenarioFile(file, { variant: opts.variant });
        const coverage = Object.entries(loaded.sourceTexts).map(([id, text]) => citationCoverage(loaded.scenario, id, text));
        if (opts.json) {
          const out = { file: displayPath(loaded.path), hash: loaded.hash, variant: loaded.variant ?? null, scenario: loaded.scenario, coverage };
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

function num(n: number): string {
  return Math.abs(n) >= 10000 ? n.toLocaleString('en-US') : String(n);
}

function cited(c: CitedNumber | undefined): string {
  if (!c) return '-';
  const range = c.range ? ` [${num(c.range[0])}, ${num(c.range[1])}]` : '';
  const mark = c.cite ? '' : '*';
  return `${num(c.value)}${c.unit ? ` ${c.unit}` : ''}${range}${mark}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The readable summary `brink scenario show` prints. */
export function formatSummary(loaded: LoadedScenario, coverage: SourceCoverage[]): string {
  const s: Scenario = loaded.scenario;
  const out: string[] = [];
  out.push(`${s.title.en}${s.title['zh-Hant'] ? ` / ${s.title['zh-Hant']}` : ''}`);
  out.push(`id ${s.id}, as of ${s.asOf}, variant ${loaded.variant ?? '(none)'}, hash ${loaded.hash}`);
  const stats = citationStats(loaded);
  out.push(
    `${s.sources.length} sources (${s.sources.filter((x) => x.file).length} stored), ${stats.cites} citations ` +
      `(${stats.quotes} verified quotes, ${stats.locators} locators), ${stats.assumptions} assumptions (marked *)`,
  );

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
      for (const c of a.capabilities ?? []) out.push(`      + ${c.kind}: ${c.description}${c.amount ? ` = ${cited(c.amount)}` : ''}`);
    }
  }

  out.push('', `RELATIONS (${s.relations.length})`);
  for (const r of s.relations) {
    out.push(`  ${pad(`${r.from} -> ${r.to}`, 30)} ${pad(r.type, 12)} ${r.strength ? `strength ${cited(r.strength)}  ` : ''}${r.since ? `since ${r.since}  ` : ''}${(r.description ?? '').trim()}`);
    for (const [k, v] of Object.entries(r.amounts ?? {})) out.push(`      ${k} = ${cited(v)}`);
    for (const f of r.flows ?? []) out.push(`      -> ${f.what}${f.amount ? ` = ${cited(f.amount)}` : ''}`);
  }

  out.push('', `DOCTRINES (${s.doctrines.length})`);
  for (const d of s.doctrines) out.push(`  ${pad(d.actor, 16)} ${d.adopted ? `${d.adopted} ` : ''}${d.title.en}${d.title['zh-Hant'] ? ` / ${d.title['zh-Hant']}` : ''}`);

  out.push('', `ISSUES (${s.issues.length}; position / salience / clout, * = assumed)`);
  for (const issue of s.issues) {
    const anchors = issue.scale.anchors.map((a) => `${a.value} ${a.label.en}`).join(' | ');
    out.push(`  ${issue.id}: ${issue.title.en}  [${anchors}]`);
    for (const p of issue.positions) {
      out.push(`    ${pad(p.actor, 10)} position ${pad(cited(p.position), 18)} salience ${pad(cited(p.salience), 18)} clout ${cited(p.clout)}`);
    }
  }

  const events = [...s.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  out.push('', `TIMELINE (${events.length} events)`);
  for (const e of events) {
    const when = e.endDate ? `${e.date}..${e.endDate}` : e.date;
    out.push(`  ${pad(when, 22)} ${e.status === 'expected' ? '(expected) ' : ''}${pad(e.kind ?? '', 16)} ${e.title.en}  [${e.actors.join(', ')}]`);
  }

  out.push('', `MECHANISMS (${s.mechanisms.length}; [+] more cause, more effect; [-] more cause, less effect)`);
  for (const m of s.mechanisms) out.push(`  [${m.sign}] ${m.cause} -> ${m.effect}`);

  out.push('', `VARIANTS (${s.variants.length})`);
  for (const v of s.variants) {
    out.push(`  ${pad(v.id, 18)} ${v.title.en} (${v.changes.length} changes)${loaded.variant === v.id ? '  <- applied' : ''}`);
    for (const c of v.changes) {
      const value = c.value !== null && typeof c.value === 'object' && 'value' in c.value ? (c.value as { value: unknown }).value : c.value;
      const shown = typeof value === 'object' ? JSON.stringify(value).slice(0, 40) : String(value);
      out.push(`      ${c.path} = ${shown}`);
    }
  }

  for (const cov of coverage) {
    const content = cov.blocks.filter((b) => !b.heading);
    const covered = content.filter((b) => b.citedBy.length > 0);
    out.push('', `CITATION COVERAGE of source "${cov.source}": ${covered.length}/${content.length} content blocks cited`);
    for (const b of cov.blocks) {
      const head = `${b.text.slice(0, 18)}${b.text.length > 18 ? '…' : ''}`;
      if (b.heading) out.push(`  block ${pad(String(b.block), 3)} heading    ${head}`);
      else out.push(`  block ${pad(String(b.block), 3)} ${b.citedBy.length ? pad(`${b.citedBy.length} cites`, 10) : 'NOT CITED '} ${head}`);
    }
    if (cov.unplaced.length) out.push(`  quotes spanning blocks: ${cov.unplaced.length}`);
  }
  return `${out.join('\n')}\n`;
}
