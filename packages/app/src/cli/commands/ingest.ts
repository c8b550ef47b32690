/**
 * `brink ingest FILE... [--lang L] [--date D] [--scenario S] [--gazetteer G]... [--json] [--store]`:
 * read news articles (Traditional or Simplified Chinese, English) and print their actors, quantities,
 * dates, coded events (CAMEO) and attributed claims, each with its offsets and quote. See docs/evidence.md.
 *
 * --json prints one object per file, one per line: { file, date, language, sentences, mentions,
 * quantities, dates, events, claims } with offsets into the file's text as read (UTF-8, header included).
 * Every file is read and analysed before anything is printed or stored: one bad file (binary, not
 * UTF-8, empty, too large, no date) exits 2 naming it, with nothing printed and nothing stored.
 */
import type { Command } from 'commander';
import type { ArticleEvidence } from '@brink/engine/evidence';
import { action } from '../run';
import { EVIDENCE_ENGINE_VERSION, evidenceJson, gazetteerFor, readArticleFile, readGazetteerFiles } from '../../evidence-files';
import { analyseText, type AnalysedArticle } from '../../evidence-service';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile } from '../../scenario-files';
import { openStore } from '../../store';

interface IngestOptions {
  lang?: string;
  date?: string;
  scenario?: string;
  gazetteer: string[];
  json?: boolean;
  store?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function describeEvidence(file: string, text: string, ev: ArticleEvidence): string {
  const lines: string[] = [];
  lines.push(`${file}: ${ev.date}, ${ev.language}, ${ev.sentences.length} sentences`);
  const actors = new Map<string, { name: string; kind: string; n: number; forms: Set<string> }>();
  for (const m of ev.mentions) {
    const key = m.id ?? `"${m.text}"`;
    const a = actors.get(key) ?? { name: m.name_en ?? '(not in the gazetteer)', kind: m.kind, n: 0, forms: new Set<string>() };
    a.n++;
    a.forms.add(m.text);
    actors.set(key, a);
  }
  lines.push('', `Actors (${actors.size}):`);
  for (const [id, a] of [...actors].sort((x, y) => y[1].n - x[1].n)) lines.push(`  ${id.padEnd(24)} ${a.kind.padEnd(12)} ${a.name} ×${a.n} (${[...a.forms].join(', ')})`);
  lines.push('', `Quantities (${ev.quantities.length}):`);
  for (const q of ev.quantities) lines.push(`  ${q.text} = ${q.approx ? `${q.approx} ` : ''}${q.value} ${q.unit}  [${q.start}-${q.end}]`);
  lines.push('', `Dates (${ev.dates.length}):`);
  for (const d of ev.dates) lines.push(`  ${d.text} = ${d.value}${d.relative ? ` (relative; ${d.range[0]}..${d.range[1]})` : ''}`);
  lines.push('', `Events (${ev.events.length}, CAMEO):`);
  for (const e of ev.events) {
    lines.push(`  ${e.code.padEnd(4)} ${e.name} | ${e.sources.join('+')} -> ${e.targets.join('+') || '-'} | ${e.modality} | Goldstein ${e.goldstein}${e.plover ? ` | ${e.plover}` : ''}`);
    lines.push(`       「${e.trigger.text}」 in: ${text.slice(e.start, e.end).replace(/\s+/g, ' ').slice(0, 90)}`);
  }
  lines.push('', `Claims (${ev.claims.length}):`);
  for (const c of ev.claims) lines.push(`  ${c.speaker}${c.speaker_name_en ? ` (${c.speaker_name_en})` : ''} ${c.verb}: 「${c.text.length > 100 ? `${c.text.slice(0, 100)}…` : c.text}」`);
  return lines.join('\n') + '\n';
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Read news articles (Chinese or English): actors, quantities, dates, CAMEO-coded events and attributed claims, with offsets')
    .argument('<files...>', 'article files (UTF-8 text; a first line " date YYYY-MM-DD " or --date)')
    .option('--lang <lang>', 'the language instead of detecting it: zh-Hant, zh-Hans or en')
    .option('--date <YYYY-MM-DD>', 'the article date, for files without a date header (overrides the header)')
    .option('--scenario <file>', 'scenario whose actors resolve names (default: scenarios/korean-peninsula-2025-09.yaml)')
    .option('--gazetteer <file>', 'extra gazetteer file (YAML; repeatable): names added without code', collect, [])
    .option('--json', 'print one JSON object per file, one per line (see docs/evidence.md)')
    .option('--store', 'store the articles and their evidence (data directory: --data, BRINK_DATA or ./data)')
    .addHelpText(
      'after',
      `
Limits: one article at most 2 MiB of UTF-8 text. Exit codes: 0 ok; 2 bad input (binary or non-UTF-8 file,
empty file, no date, unknown --lang, too large; the message names the file); 1 internal error.
Examples:
  brink ingest sources/000_8d664b9cd5e9c824.txt
  brink ingest sources/000_8d664b9cd5e9c824.txt --json
  brink ingest article.txt --date 2025-10-24 --lang zh-Hans --store`,
    )
    .action(
      action(async (files: string[], opts: IngestOptions, cmd: Command) => {
        const scenario = (await loadScenarioFile(opts.scenario ?? DEFAULT_SCENARIO_PATH)).scenario;
        const gazetteer = gazetteerFor(scenario, await readGazetteerFiles(opts.gazetteer));
        const done: AnalysedArticle[] = [];
        for (const file of files) {
          const text = await readArticleFile(file);
          done.push(analyseText(text, gazetteer, { file, fileName: file, ...(opts.date !== undefined ? { date: opts.date } : {}), ...(opts.lang !== undefined ? { lang: opts.lang } : {}) }));
        }
        if (opts.store) {
          const globals = cmd.optsWithGlobals<{ data?: string }>();
          const store = await openStore({ ...(globals.data !== undefined ? { dataDir: globals.data } : {}) });
          try {
            for (const a of done) {
              const { record, created } = await store.putArticle({ id: a.id, fileName: a.file, date: a.evidence.date, language: a.evidence.language, text: a.text, evidence: a.evidence, engineVersion: EVIDENCE_ENGINE_VERSION });
              if (!opts.json) process.stderr.write(`brink: ${created ? 'stored' : 'already stored'} ${a.file} as ${record.id} (${store.location})\n`);
            }
          } finally {
            await store.close();
          }
        }
        for (const a of done) {
          process.stdout.write(opts.json ? `${JSON.stringify(evidenceJson(a.file!, a.evidence))}\n` : `${describeEvidence(a.file!, a.text, a.evidence)}\n`);
        }
      }),
    );
}
