/**
 * Scenario: every value with its provenance (click a citation to read the quote in its source),
 * assumptions marked with their range, and the variants side by side.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadSourceText } from '../lib/api';
import { useWorkerRequest } from '../lib/useWorker';
import { useOpenCite } from '../components/Citation';
import type { Scenario } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import { useScenarioState } from '../lib/scenario-context';
import { Card } from '../components/common';
import { CiteLink } from '../components/Citation';
import { Chart } from '../components/Chart';
import { formatValue, listCitedValues, valueAtPath, type CitedEntry } from '../lib/values';
import type { ChartOption } from '../lib/echarts';

function provenanceChart(entries: CitedEntry[], labels: { cited: string; assumed: string }): ChartOption {
  const groups = new Map<string, { cited: number; assumed: number }>();
  for (const e of entries) {
    const top = e.path.split(/[.[]/)[1] ?? '$';
    const g = groups.get(top) ?? { cited: 0, assumed: 0 };
    if (e.cite) g.cited++;
    else g.assumed++;
    groups.set(top, g);
  }
  const keys = [...groups.keys()];
  return {
    grid: { left: 100, right: 20, top: 30, bottom: 20 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: keys },
    series: [
      { name: labels.cited, type: 'bar', data: keys.map((k) => groups.get(k)!.cited), itemStyle: { color: '#3c8d5a' } },
      { name: labels.assumed, type: 'bar', data: keys.map((k) => groups.get(k)!.assumed), itemStyle: { color: '#e0a800' } },
    ],
  } as ChartOption;
}

/** Long texts in the narrow variant columns: the start, the rest in the tooltip. */
function clip(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

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
  const { t, name } = useI18n();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const entries = useMemo(() => (scenario ? listCitedValues(scenario) : []), [scenario]);
  const [filter, setFilter] = useState('');
  const [onlyAssumptions, setOnlyAssumptions] = useState(false);
  const chart = useMemo(() => provenanceChart(entries, { cited: t('common.cited'), assumed: t('common.assumption') }), [entries, t]);
  if (!scenario) return null;
  const shown = entries.filter(
    (e) => (!onlyAssumptions || e.assumption) && (filter === '' || `${e.path} ${e.statement ?? ''} ${formatValue(e.value)} ${e.cite?.quote ?? ''} ${e.assumption ?? ''}`.toLowerCase().includes(filter.toLowerCase())),
  );
  return (
    <div className="grid">
      <div className="grid grid-2">
        <Card
          title={t('scenario.values')}
          testId="card-values"
          actions={
            <>
              <input type="search" placeholder={t('scenario.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="values-filter" />
              <label>
                <input type="checkbox" checked={onlyAssumptions} onChange={(e) => setOnlyAssumptions(e.target.checked)} /> {t('scenario.onlyAssumptions')}
              </label>
              <span className="muted">{t('scenario.count', { n: shown.length })}</span>
            </>
          }
        >
          <div className="table-scroll">
            <table data-testid="values-table" className="values-table">
              <thead>
                <tr>
                  <th>{t('scenario.path')}</th>
                  <th>{t('common.value')}</th>
                  <th>{t('common.range')}</th>
                  <th>{t('scenario.provenance')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.path}>
                    <td>
                      <code>{e.path}</code>
                    </td>
                    <td className={e.statement ? '' : 'num'}>
                      {e.statement ?? (
                        <>
                          {formatValue(e.value)} {e.unit ? <span className="muted">{e.unit}</span> : null}
                        </>
                      )}
                    </td>
                    <td className="num">{e.range ? `[${formatValue(e.range[0])}, ${formatValue(e.range[1])}]` : ''}</td>
                    <td>
                      {e.cite ? <CiteLink cite={e.cite} /> : null}
                      {e.assumption ? (
                        <>
                          <span className="tag assumption">{t('common.assumption')}</span> <span className="muted">{e.assumption}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <div className="grid" style={{ alignContent: 'start' }}>
          <SourceCoverage scenario={scenario} scenarioId={state.id} />
          <Card title={`${t('common.cited')} / ${t('common.assumption')}`} testId="card-provenance-chart">
            <Chart option={chart} testId="provenance-chart" />
          </Card>
        </div>
      </div>
      <Card title={t('scenario.variants')} testId="card-variants">
        <div className="variant-grid">
          {scenario.variants.map((v) => (
            <div className="variant" key={v.id} data-testid="variant">
              <h3>{name(v.title)}</h3>
              {v.description ? <p className="muted">{v.description}</p> : null}
              <table>
                <thead>
                  <tr>
                    <th>{t('scenario.change')}</th>
                    <th>{t('scenario.from')}</th>
                    <th>{t('scenario.to')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.changes.map((c) => (
                    <tr key={c.path}>
                      <td>
                        <code>{c.path.replace(/^\$\./, '')}</code>
                        {c.rationale ? <div className="muted">{c.rationale}</div> : null}
                        {c.cite ? <CiteLink cite={c.cite} short={24} /> : null}
                      </td>
                      <td className="val" title={formatValue(valueAtPath(scenario, c.path))}>
                        {clip(formatValue(valueAtPath(scenario, c.path)))}
                      </td>
                      <td className="val" title={typeof c.value === 'object' ? JSON.stringify(c.value, null, 1) : formatValue(c.value)}>
                        <b>{clip(formatValue(c.value))}</b>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
