/**
 * Scenario: how much each number rests on the sources (stated, implied, assumed), every value with
 * its grade and provenance (click a citation to read the quote in its source, with the modeller's
 * translation), the variants side by side, the stored versions (compare, restore) and the upload
 * of a new version, checked as the command line checks it.
 */
import { useEffect, useMemo, useState } from 'react';
import { listGradedValues, type Scenario } from '@brink/engine/scenario';
import { loadSourceText } from '../lib/api';
import { useWorkerRequest } from '../lib/useWorker';
import { useOpenCite } from '../components/Citation';
import { useI18n } from '../i18n/context';
import { useScenarioState } from '../lib/scenario-context';
import { Card } from '../components/common';
import { Chart } from '../components/Chart';
import type { ChartOption } from '../lib/echarts';
import type { MessageKey } from '../i18n/messages';
import { GRADE_COLOURS } from './scenario/GradesCard';
import { GradesCard, orderBySection } from './scenario/GradesCard';
import { ValuesCard } from './scenario/ValuesCard';
import { VariantsCard } from './scenario/VariantsCard';
import { VersionsCard } from './scenario/VersionsCard';
import { UploadCard } from './scenario/UploadCard';
import './scenario/scenario.css';

const SUPPORT_SERIES = ['states', 'implies', 'context', 'facts'] as const;
const SUPPORT_COLOURS = { states: GRADE_COLOURS.stated, implies: GRADE_COLOURS.implied, context: GRADE_COLOURS.assumed, facts: '#9aa3b5' } as const;

/** How many citations each block (non-empty line) of a source gives, by grade of support: click a bar to read it. */
function SourceCoverage({ scenario, scenarioId }: { scenario: Scenario; scenarioId: string }) {
  const { t } = useI18n();
  const openCite = useOpenCite();
  const source = scenario.sources.find((s) => s.file);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!source) return;
    let live = true;
    loadSourceText(scenarioId, source.id, source.file).then((x) => live && setText(x), () => undefined);
    return () => {
      live = false;
    };
  }, [scenarioId, source]);
  const coveragePayload = useMemo(() => (source && text !== null ? { scenario, source: source.id, text } : null), [scenario, source, text]);
  const coverage = useWorkerRequest('scenario.coverage', coveragePayload, { lane: 'coverage' });
  const blocks = coverage.data?.blocks;
  const option = useMemo(
    () =>
      blocks
        ? ({
            grid: { left: 40, right: 20, top: 34, bottom: 40 },
            tooltip: {
              trigger: 'item',
              formatter: (p: { dataIndex: number }) => {
                const b = blocks[p.dataIndex]!;
                const counts = SUPPORT_SERIES.map((k) => `${t(`coverage.${k}` as MessageKey)} ${b.support[k]}`).join(' · ');
                return `<b>${t('scenario.block')} ${b.block}</b> (${b.citedBy.length})<br/>${counts}<br/><span style="display:inline-block;max-width:360px;white-space:normal">${b.text.slice(0, 120)}…</span>`;
              },
            },
            legend: { top: 0, data: SUPPORT_SERIES.map((k) => t(`coverage.${k}` as MessageKey)) },
            xAxis: { type: 'category', data: blocks.map((b) => String(b.block)), name: t('scenario.block'), nameLocation: 'middle', nameGap: 26 },
            yAxis: { type: 'value', minInterval: 1 },
            // Per block, its citations by how much they support a number (stated, implied, context) or cite a fact.
            series: SUPPORT_SERIES.map((k) => ({
              name: t(`coverage.${k}` as MessageKey),
              type: 'bar',
              stack: 'support',
              data: blocks.map((b) => ({ value: b.heading ? 0 : b.support[k], itemStyle: { color: SUPPORT_COLOURS[k] } })),
            })),
          } as ChartOption)
        : null,
    [blocks, t],
  );
  if (!source) return null;
  return (
    <Card title={`${t('scenario.coverage')} — ${source.id}`} testId="card-coverage">
      <p className="hint">{t('scenario.coverageHint')}</p>
      {option ? (
        <Chart
          option={option}
          testId="coverage-chart"
          onClick={(p) => {
            const b = blocks?.[Number(p.name) - 1];
            if (b) openCite({ source: source.id, quote: b.text });
          }}
        />
      ) : null}
    </Card>
  );
}

export default function ScenarioPage() {
  const state = useScenarioState();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const values = useMemo(() => (scenario ? orderBySection(listGradedValues(scenario)) : []), [scenario]);
  if (!scenario || state.status !== 'ready') return null;
  return (
    <div className="grid scenario-page">
      <div className="grid grid-2-even">
        <GradesCard values={values} />
        <SourceCoverage scenario={scenario} scenarioId={state.id} />
      </div>
      <ValuesCard scenario={scenario} values={values} />
      <VariantsCard scenario={scenario} />
      <div className="grid grid-2">
        <VersionsCard scenarioId={state.id} offline={state.offline} />
        <UploadCard scenarioId={state.id} offline={state.offline} />
      </div>
    </div>
  );
}
