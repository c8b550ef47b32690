/**
 * Scenario: every value with its provenance (click a citation to read the quote in its source),
 * assumptions marked with their range, and the variants side by side.
 */
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/context';
import { useScenarioState } from '../lib/scenario-context';
import { Card } from '../components/common';
import { CiteLink } from '../components/Citation';
import { Chart } from '../components/Chart';
import { formatValue, listCitedValues, resolvePath, type CitedEntry } from '../lib/values';
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
        <Card title={`${t('common.cited')} / ${t('common.assumption')}`} testId="card-provenance-chart">
          <Chart option={chart} testId="provenance-chart" />
        </Card>
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
                      <td className="val">{formatValue(resolvePath(scenario, c.path))}</td>
                      <td className="val" title={typeof c.value === 'object' ? JSON.stringify(c.value, null, 1) : undefined}>
                        <b>{formatValue(c.value)}</b>
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
