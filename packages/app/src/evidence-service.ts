/**
 * The evidence workflow the CLI and the server share: analyse article texts with the scenario's
 * gazetteer, compare stored and given articles with a scenario, and build the proposed patch.
 */
import path from 'node:path';
import {
  analyseArticle,
  buildPatch,
  compareEvidence,
  patchToYaml,
  type AnalyseOptions,
  type ArticleEvidence,
  type EvidenceArticle,
  type EvidenceReport,
  type Gazetteer,
  type ScenarioPatch,
} from '@brink/engine/evidence';
import type { Scenario } from '@brink/engine/scenario';
import type { ArticleRecord } from './store';
import { articleSourceId, exampleArticleFiles, readArticleFile } from './evidence-files';

export interface AnalysedArticle {
  id: string;
  file: string | null;
  text: string;
  evidence: ArticleEvidence;
}

export function analyseText(text: string, gazetteer: Gazetteer, options: AnalyseOptions & { file?: string | null }): AnalysedArticle {
  const fileName = options.fileName ?? options.file ?? 'article';
  const evidence = analyseArticle(text, gazetteer, { ...options, fileName });
  const file = options.file ?? null;
  return { id: articleSourceId(file ?? 'text', evidence.date), file, text, evidence };
}

export function storedToEvidenceArticle(record: ArticleRecord): EvidenceArticle {
  return { id: record.id, file: record.fileName ? path.basename(record.fileName) : null, ...(record.title ? { title: record.title } : {}), text: record.text, evidence: record.evidence as ArticleEvidence };
}

export interface EvidenceResult {
  report: EvidenceReport;
  patch: ScenarioPatch;
  patchYaml: string;
}

export function evidenceFor(scenario: Scenario, articles: readonly EvidenceArticle[], scenarioLabel: string): EvidenceResult {
  const report = compareEvidence(scenario, articles);
  const patch = buildPatch(scenario, report, articles);
  const patchYaml = patchToYaml(patch, [`scenario: ${scenarioLabel} (as of ${scenario.asOf})`, `articles: ${articles.map((a) => `${a.id} (${a.evidence.date})`).join(', ') || 'none'}`]);
  return { report, patch, patchYaml };
}

/**
 * The example articles (examples/articles) analysed with `gazetteer`: the evidence shown when no
 * article is given or stored. `nameOf` names a file in error messages (default: its base name).
 */
export async function exampleArticles(gazetteer: Gazetteer, nameOf: (file: string) => string = (file) => path.basename(file)): Promise<EvidenceArticle[]> {
  const articles: EvidenceArticle[] = [];
  for (const file of await exampleArticleFiles()) {
    const a = analyseText(await readArticleFile(file), gazetteer, { file: path.basename(file), fileName: nameOf(file) });
    articles.push({ id: a.id, file: a.file, text: a.text, evidence: a.evidence });
  }
  return articles;
}
