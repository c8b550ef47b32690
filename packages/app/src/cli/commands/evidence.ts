/**
 * `brink evidence SCENARIO [ARTICLE...] [--stored] [--json] [--out PATCH.yaml]`: what news articles say
 * about a scenario: values whose cited quote they support, contradict or update, coded events newer
 * than the scenario's date, actors and mechanisms it lacks, claims it does not record, and a proposed
 * patch (YAML) to review. Nothing is applied to the scenario. See docs/evidence.md.
 *
 * Articles: the files given, plus the stored articles (`--stored`, or always when no file is given);
 * with neither, the example articles shipped in examples/articles/ (dated after the default scenario).
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { EvidenceArticle, EvidenceReport } from '@brink/engine/evidence';
import { action } from '../run';
import { gazetteerFor, readArticleFile, readGazetteerFiles } from '../../evidence-files';
import { analyseText, evidenceFor, exampleArticles, storedToEvidenceArticle } from '../../evidence-service';
import { writeTextFile } from '../../input-files';
import { loadScenarioFile } from '../../scenario-files';
import { openStore } from '../../store';

interface EvidenceOptions {
  stored?: boolean;
  json?: boolean;
  out?: string;
  lang?: string;
  date?: string;
  gazetteer: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function describeReport(report: EvidenceReport): string {
  const lines: string[] = [];
  lines.push(`Scenario ${report.scenario.id} (as of ${report.scenario.asOf}); ${report.articles.length} article(s):`);
  for (const a of report.articles) lines.push(`  ${a.id}  ${a.date}${a.newer ? ' (newer)' : ''}  ${a.language}  ${Object.entries(a.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  lines.push('', `Values (${report.values.length}):`);
  for (const v of report.values) {
    lines.push(`  ${v.status.toUpperCase().padEnd(11)} ${v.path} = ${v.scenarioValue}${v.unit ? ` ${v.unit}` : ''}${v.cited ? `  (cites 「${v.cited}」)` : ''}`);
    lines.push(`              ${v.why}: 「${v.sentence.text.replace(/\s+/g, ' ').slice(0, 100)}」 [${v.article}]`);
  }
  lines.push('', `Events after ${report.scenario.asOf} (${report.events.length}):`);
  for (const e of report.events) lines.push(`  ${e.date}  ${e.event.code} ${e.event.name} | ${e.event.sources.join('+')} -> ${e.event.targets.join('+') || '-'} | ${e.event.modality} | 「${e.event.trigger.text}」 [${e.article}; date from the ${e.dateFrom}]`);
  lines.push('', `Actors the scenario lacks (${report.actors.length}):`);
  for (const a of report.actors) lines.push(`  ${a.id ?? '(new)'}  ${a.kind}  ${a.name_en ?? a.text} ×${a.mentions}  [${a.article}]`);
  lines.push('', `Mechanisms the scenario lacks (${report.mechanisms.length}):`);
  for (const m of report.mechanisms) lines.push(`  ${m.sign} ${m.cue}: ${m.cause.slice(0, 50)} -> ${m.effect.slice(0, 50)}  (${m.actors.join(', ')}) [${m.article}]`);
  lines.push('', `Claims not yet recorded (${report.claims.length}):`);
  for (const c of report.claims) lines.push(`  ${c.speaker} ${c.claim.verb}: 「${c.claim.text.slice(0, 90)}」 [${c.article}]`);
  return lines.join('\n') + '\n';
}

export function registerEvidenceCommand(program: Command): void {
  program
    .command('evidence')
    .description('What articles say about a scenario: supported, contradicted and updated values, new events, actors, mechanisms, and a proposed patch')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .argument('[articles...]', 'article files (default: the stored articles, else the example articles)')
    .option('--stored', 'also use every stored article (data directory: --data, BRINK_DATA or ./data)')
    .option('--json', 'print { report, patch } as JSON')
    .option('--out <file>', 'write the proposed patch (YAML) to this file')
    .option('--lang <lang>', 'language of the article files (default: detected)')
    .option('--date <YYYY-MM-DD>', 'date of article files without a date header')
    .option('--gazetteer <file>', 'extra gazetteer file (YAML; repeatable)', collect, [])
    .addHelpText(
      'after',
      `
The patch is a proposal: review it, edit it, then apply it yourself (it cites each article by a
verbatim quote; put the article files beside the scenario or in sources/). Nothing is changed.
Examples:
  brink evidence scenarios/korean-peninsula-2025-09.yaml
  brink evidence scenarios/korean-peninsula-2025-09.yaml examples/articles/*.txt --out patch.yaml`,
    )
    .action(
      action(async (scenarioFile: string, files: string[], opts: EvidenceOptions, cmd: Command) => {
        const loaded = await loadScenarioFile(scenarioFile);
        const gazetteer = gazetteerFor(loaded.scenario, await readGazetteerFiles(opts.gazetteer));
        const articles: EvidenceArticle[] = [];
        for (const file of files) {
          const text = await readArticleFile(file);
          const a = analyseText(text, gazetteer, { file, fileName: file, ...(opts.date !== undefined ? { date: opts.date } : {}), ...(opts.lang !== undefined ? { lang: opts.lang } : {}) });
          articles.push({ id: a.id, file: path.basename(file), text: a.text, evidence: a.evidence });
        }
        let note = '';
        if (opts.stored || files.length === 0) {
          const globals = cmd.optsWithGlobals<{ data?: string }>();
          const store = await openStore({ ...(globals.data !== undefined ? { dataDir: globals.data } : {}) });
          try {
            for (const record of await store.allArticles()) if (!articles.some((a) => a.id === record.id)) articles.push(storedToEvidenceArticle(record));
          } finally {
            await store.close();
          }
        }
        if (articles.length === 0) {
          articles.push(...(await exampleArticles(gazetteer, (file) => path.relative(process.cwd(), file) || file)));
          note = `No article given or stored: using the example articles in examples/articles/ (${articles.length}).\n\n`;
        }
        const label = path.relative(process.cwd(), loaded.path) || loaded.path;
        const result = evidenceFor(loaded.scenario, articles, label);
        if (opts.out !== undefined) await writeTextFile(opts.out, result.patchYaml, 'patch file');
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ report: result.report, patch: result.patch })}\n`);
          return;
        }
        process.stdout.write(note + describeReport(result.report));
        process.stdout.write(`\nProposed patch (${result.patch.changes.length} changes; review before applying; nothing was changed):\n\n${result.patchYaml}`);
        if (opts.out !== undefined) process.stdout.write(`\n(written to ${opts.out})\n`);
      }),
    );
}
