/**
 * Evidence benchmark: the whole pipeline (language, normalisation, sentences, segmentation, gazetteer,
 * dates, quantities, claims, events) on Chinese text, in MB of UTF-8 per CPU-second of this process
 * (target: at least 1 MB per second per core; CPU time, because the machine is shared) and per
 * wall-clock second; plus the measured quality: precision and recall per kind on the annotated
 * articles, and CAMEO root accuracy on Brink's own sentence sets (development and held-out halves,
 * English, English in the codebook's longer style, Chinese). No peer runs here: no other event coder
 * reads Chinese (the baseline is the 1 MB/s target).
 *
 * The CAMEO 1.1b3 codebook's own example sentences are not shipped (CC BY-NC-SA). To measure them,
 * point BRINK_CAMEO_CODEBOOK at a local JSON file `[{ "code": "0211", "example": "..." }, ...]` (for
 * instance made from the ICEWS `cameo-codes.csv`, Harvard Dataverse doi:10.7910/DVN/28075, which
 * carries one example per code); without it the row says it was skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseArticle, evidenceGazetteer, parseGazetteerText, utf8Length } from '@brink/engine/evidence';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { timeIt, type BenchRow } from './harness';
// The quality evaluation and the sentence sets are shared with the tests.
import { ANNOTATED, KINDS, add, precision, readGold, recall, score, type Kind, type Score } from '../packages/engine/test/evidence/quality';
import { percent, rootAccuracy } from '../packages/engine/test/evidence/cameo-accuracy';
import { CAMEO_SENTENCES_EN } from '../packages/engine/test/evidence/cameo-sentences-en';
import { CAMEO_SENTENCES_EN_DEV } from '../packages/engine/test/evidence/cameo-en-dev';
import { CAMEO_SENTENCES_EN_HELDOUT } from '../packages/engine/test/evidence/cameo-en-heldout';
import { CAMEO_SENTENCES_EN_HARD_DEV } from '../packages/engine/test/evidence/cameo-en-hard-dev';
import { CAMEO_SENTENCES_EN_HARD_HELDOUT } from '../packages/engine/test/evidence/cameo-en-hard-heldout';
import { CAMEO_SENTENCES_ZH_DEV } from '../packages/engine/test/evidence/cameo-zh-dev';
import { CAMEO_SENTENCES_ZH_HELDOUT } from '../packages/engine/test/evidence/cameo-zh-heldout';

const root = path.resolve(import.meta.dirname, '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

/** Wall time (median of 3 after a warm-up) and the least CPU time (user + system) of this process over the runs. */
async function timeWithCpu(fn: () => void): Promise<{ ms: number; cpuMs: number }> {
  let cpuMs = Infinity;
  const ms = await timeIt(() => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }, 3);
  return { ms, cpuMs };
}

export default async function (): Promise<BenchRow[]> {
  const scenario = validateScenario(parseScenarioText(read('scenarios/korean-peninsula-2025-09.yaml'), 'scenario.yaml'), { fileName: 'scenario.yaml' });
  const gazetteer = evidenceGazetteer({ defaults: parseGazetteerText(read('gazetteers/default.yaml'), 'default.yaml'), scenario });
  const articles = [read('sources/000_8d664b9cd5e9c824.txt'), read('packages/engine/test/evidence/articles/zh-hant-2025-12-03.txt'), read('packages/engine/test/evidence/articles/zh-hans-2025-11-20.txt'), read('examples/articles/2025-10-24-dprk-parade-missiles.txt')];
  // About 1.2 MB of Chinese news: the articles repeated, as separate articles.
  const corpus: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1.2e6; i++) {
    const a = articles[i % articles.length]!;
    corpus.push(a);
    bytes += utf8Length(a);
  }
  const rows: BenchRow[] = [];
  const mb = bytes / 1e6;
  const t = await timeWithCpu(() => {
    for (const a of corpus) analyseArticle(a, gazetteer);
  });
  rows.push({
    area: 'evidence',
    workload: `pipeline, ${corpus.length} Chinese articles (${mb.toFixed(2)} MB)`,
    ms: t.ms,
    baseline: { name: 'target 1 MB/s', ms: mb * 1000, note: 'the target' },
    detail: `${(mb / (t.cpuMs / 1000)).toFixed(2)} MB per CPU-second (best run ${t.cpuMs.toFixed(0)} ms CPU, ${(t.cpuMs / mb).toFixed(0)} ms CPU per MB); ${(mb / (t.ms / 1000)).toFixed(2)} MB/s wall`,
  });
  // One long article (about 1 MB in one text: sentence-local steps must stay linear).
  const long = ` date 2025-09-01 ${Array.from({ length: 180 }, () => read('sources/000_8d664b9cd5e9c824.txt').replace(/^\s*date\s+\S+\s+/, '')).join('\n')}`;
  const longMb = utf8Length(long) / 1e6;
  const tl = await timeWithCpu(() => analyseArticle(long, gazetteer));
  rows.push({
    area: 'evidence',
    workload: `pipeline, one ${longMb.toFixed(2)} MB Chinese article`,
    ms: tl.ms,
    baseline: { name: 'target 1 MB/s', ms: longMb * 1000, note: 'the target' },
    detail: `${(longMb / (tl.cpuMs / 1000)).toFixed(2)} MB per CPU-second (${(tl.cpuMs / longMb).toFixed(0)} ms CPU per MB); ${(longMb / (tl.ms / 1000)).toFixed(2)} MB/s wall`,
  });

  // Quality: the annotated articles.
  let total: Record<Kind, Score> | undefined;
  for (const a of ANNOTATED) {
    const s = score(analyseArticle(readFileSync(a.file, 'utf8'), gazetteer), readGold(a.gold));
    total = total ? add(total, s) : s;
    rows.push({ area: 'evidence', workload: `quality: ${a.name}`, ms: 0, detail: KINDS.map((k) => `${k} P ${precision(s[k]).toFixed(2)} R ${recall(s[k]).toFixed(2)}`).join('; ') });
  }
  rows.push({ area: 'evidence', workload: 'quality: all annotated articles', ms: 0, detail: KINDS.map((k) => `${k} P ${precision(total![k]).toFixed(2)} R ${recall(total![k]).toFixed(2)}`).join('; ') });

  // Quality: CAMEO root accuracy on single sentences.
  const analyse = (sentence: string) => analyseArticle(sentence, gazetteer, { date: '2025-01-01' });
  const sets: [string, readonly (readonly [string, string | null])[]][] = [
    ['English, development half', CAMEO_SENTENCES_EN_DEV],
    ['English, held-out half', CAMEO_SENTENCES_EN_HELDOUT],
    ['English in the codebook style, development half', CAMEO_SENTENCES_EN_HARD_DEV],
    ['English in the codebook style, held-out half', CAMEO_SENTENCES_EN_HARD_HELDOUT],
    ['Chinese, development half', CAMEO_SENTENCES_ZH_DEV],
    ['Chinese, held-out half', CAMEO_SENTENCES_ZH_HELDOUT],
    ['English, first set', CAMEO_SENTENCES_EN],
  ];
  for (const [name, sentences] of sets) {
    rows.push({ area: 'evidence', workload: `quality: CAMEO root accuracy, ${name} (${sentences.length} sentences)`, ms: 0, detail: percent(rootAccuracy(sentences, analyse)) });
  }
  const codebook = process.env.BRINK_CAMEO_CODEBOOK;
  if (codebook && existsSync(codebook)) {
    const examples = JSON.parse(readFileSync(codebook, 'utf8')) as { code: string; example: string }[];
    const acc = rootAccuracy(
      examples.map((e) => [e.example, e.code.slice(0, 2)] as const),
      (s) => analyseArticle(s, gazetteer, { date: '2000-01-01', lang: 'en' }),
    );
    const perRoot = Object.entries(acc.perRoot).sort().map(([r, [a, b]]) => `${r} ${a}/${b}`).join(', ');
    rows.push({ area: 'evidence', workload: `quality: CAMEO root accuracy, CAMEO 1.1b3 codebook examples (${examples.length}, local file)`, ms: 0, detail: `${percent(acc)}; ${perRoot}` });
  } else {
    rows.push({ area: 'evidence', workload: 'quality: CAMEO root accuracy, CAMEO 1.1b3 codebook examples', ms: 0, detail: 'skipped: set BRINK_CAMEO_CODEBOOK to a local JSON copy (not shipped: the codebook is CC BY-NC-SA); see docs/evidence.md' });
  }
  return rows;
}
