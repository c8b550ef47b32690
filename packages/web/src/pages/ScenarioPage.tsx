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
import { GradesCard, orderBySection } from './scenario/GradesCard';
import { ValuesCard } from './scenario/ValuesCard';
import { VariantsCard } from './scenario/VariantsCard';
import { VersionsCard } from './scenario/VersionsCard';
import { UploadCard } from './scenario/UploadCard';
import './scenario/scenario.css';

/** How many scenario elements cite each block (non-empty line) of a source: click a bar to read it. */
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
  const coverage = useWorkerRequest('scenario.coverage', source && text !== null ? { scenario, source: source.id, text } : null, { lane: 'coverage' });
  const blocks = coverage.data?.blocks;
  const option = useMemo(
    () =>
      blocks
        ? ({
            grid: { left: 40, right: 20, top: 20, bottom: 40 },
            tooltip: {
              trigger: 'item',
              formatter: (p: { dataIndex: number }) => {
                const b = blocks[p.dataIndex]!;
                return `<b>${t('scenario.block')} ${b.block}</b> (${b.citedBy.length})<br/><span style="display:inline-block;max-width:360px;white-space:normal">${b.text.slice(0, 120)}…</span>`;
              },
            },
            xAxis: { type: 'category', data: blocks.map((b) => String(b.block)), name: t('scenario.block'), nameLocation: 'middle', nameGap: 26 },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                type: 'bar',
                data: blocks.map((b) => ({ value: b.citedBy.length, itemStyle: { color: b.heading ? '#9aa3b5' : '#2f5d9b' } })),
              },
            ],
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
