/**
 * Negotiation: each actor's position per round on the issue's scale (with its labelled anchors),
 * the forecast of the spatial model of politics (SMP) and of the expected-utility model (EUM), and
 * the forecasts of the scenario's variants side by side.
 */
import { useMemo, useState } from 'react';
import type { Scenario } from '@brink/engine/scenario';
import { useEngineText, useI18n } from '../i18n/context';
import { useScenarioState, actorIndex } from '../lib/scenario-context';
import { Card, ErrorBox, Loading, ProgressBar } from '../components/common';
import { Chart } from '../components/Chart';
import { Provenance } from '../components/Citation';
import { useWorkerRequest } from '../lib/useWorker';
import { ServerRuns } from '../components/ServerRuns';
import type { RunRecord } from '../lib/runs';

/** The forecast of a stored `forecast` run (docs/api.md): value and nearest anchor. */
function storedForecast(run: RunRecord): string {
  const issue = (run.result as { issues?: { forecast?: { value?: number; anchor?: string } }[] } | null)?.issues?.[0];
  const f = issue?.forecast;
  return f && typeof f.value === 'number' ? `${Number(f.value.toPrecision(4))}${f.anchor ? ` (${f.anchor})` : ''}` : run.status;
}
import type { BargainingModel, BargainingOutcome } from '../worker/bargaining';
import type { ChartOption } from '../lib/echarts';

const palette = ['#2f5d9b', '#b4302a', '#2e8b57', '#7b4fa0', '#d38b1f', '#1d2433', '#c96f9b', '#4aa3a3', '#8c6d31', '#6c778e'];
const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');

type Issue = Scenario['issues'][number];

function positionsOption(issue: Issue, run: BargainingOutcome['baseline']['smp'], actorName: (id: string) => string, anchorLabel: (a: Issue['scale']['anchors'][number]) => string, labels: { round: string; forecast: string }): ChartOption {
  const rounds = run.positions.map((_, t) => t);
  return {
    grid: { left: 60, right: 190, top: 40, bottom: 40 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'category', data: rounds, name: labels.round, nameLocation: 'middle', nameGap: 25, boundaryGap: false },
    yAxis: { type: 'value', min: issue.scale.min, max: issue.scale.max },
    color: palette,
    series: [
      ...run.actors.map((id, i) => ({
        name: actorName(id),
        type: 'line',
        data: run.positions.map((p) => p[i]),
        symbolSize: 5,
        lineStyle: { width: 2 },
      })),
      {
        name: labels.forecast,
        type: 'line',
        data: [],
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            ...issue.scale.anchors.map((a) => ({ yAxis: a.value, lineStyle: { color: '#9aa3b5', type: 'dotted' }, label: { formatter: `${a.value}: ${anchorLabel(a)}`, position: 'end', color: '#5b6475', fontSize: 10, width: 180, overflow: 'truncate' } })),
            { yAxis: run.forecast, lineStyle: { color: '#1d2433', type: 'dashed', width: 2.5 }, label: { formatter: `${labels.forecast} ${fmt(run.forecast)}`, position: 'insideStartTop', color: '#1d2433', fontWeight: 'bold' } },
          ],
        },
      },
    ],
  } as ChartOption;
}

function variantsOption(issue: Issue, outcome: BargainingOutcome, variantName: (id: string) => string, baselineLabel: string, anchorLabel: (a: Issue['scale']['anchors'][number]) => string): ChartOption {
  const rows = [{ id: '', name: baselineLabel, forecast: { smp: outcome.baseline.smp.forecast, eum: outcome.baseline.eum.forecast } }, ...outcome.variants.map((v) => ({ id: v.id, name: variantName(v.id), forecast: v.forecast }))];
  return {
    grid: { left: 160, right: 30, top: 40, bottom: 60 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v) },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
    xAxis: { type: 'value', min: issue.scale.min, max: issue.scale.max },
    series: (['smp', 'eum'] as const).map((m, k) => ({
      name: m.toUpperCase(),
      type: 'bar',
      data: rows.map((r) => r.forecast[m] ?? null),
      itemStyle: { color: k === 0 ? '#2f5d9b' : '#d38b1f' },
      label: { show: true, position: 'right', formatter: (p: { value: number }) => fmt(p.value), fontSize: 10 },
      ...(k === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              data: issue.scale.anchors.map((a) => ({ xAxis: a.value, lineStyle: { color: '#9aa3b5', type: 'dotted' }, label: { formatter: anchorLabel(a), position: 'start', fontSize: 10, color: '#5b6475' } })),
            },
          }
        : {}),
    })),
  } as ChartOption;
}

export default function NegotiationPage() {
  const { t, name } = useI18n();
  const et = useEngineText();
  const state = useScenarioState();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const [issueId, setIssueId] = useState<string | null>(null);
  const [model, setModel] = useState<BargainingModel>('smp');
  const [variantId, setVariantId] = useState('');
  const issue = scenario?.issues.find((i) => i.id === issueId) ?? scenario?.issues[0];
  const run = useWorkerRequest('bargaining.run', scenario && issue ? { scenario, issue: issue.id } : null, { lane: 'bargaining' });
  const actors = useMemo(() => (scenario ? actorIndex(scenario) : new Map()), [scenario]);
  const actorName = useMemo(() => (id: string) => (actors.get(id) ? name(actors.get(id)!.names) : id), [actors, name]);
  const anchorLabel = useMemo(() => (a: Issue['scale']['anchors'][number]) => name(a.label), [name]);
  const variantName = useMemo(() => (id: string) => name(scenario?.variants.find((v) => v.id === id)?.title) || id, [scenario, name]);
  const shownRuns = (variantId && run.data?.variants.find((v) => v.id === variantId)?.runs) || run.data?.baseline;
  const lineChart = useMemo(
    () => (shownRuns && issue ? positionsOption(issue, shownRuns[model], actorName, anchorLabel, { round: t('negotiation.round'), forecast: t('negotiation.forecast') }) : null),
    [shownRuns, issue, model, actorName, anchorLabel, t],
  );
  const variantChart = useMemo(() => (run.data && issue ? variantsOption(issue, run.data, variantName, t('common.baseline'), anchorLabel) : null), [run.data, issue, variantName, anchorLabel, t]);
  if (!scenario || state.status !== 'ready') return null;
  if (!issue) return <p className="muted">{t('common.none')}</p>;
  const current = shownRuns?.[model];
  const nearest = current ? issue.scale.anchors.reduce((b, a) => (Math.abs(a.value - current.forecast) < Math.abs(b.value - current.forecast) ? a : b)) : null;
  return (
    <div className="grid">
      <div className="toolbar">
        <label>
          {t('negotiation.issue')}{' '}
          <select value={issue.id} onChange={(e) => setIssueId(e.target.value)} data-testid="issue-select">
            {scenario.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {name(i.title)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('negotiation.model')}{' '}
          <select value={model} onChange={(e) => setModel(e.target.value as BargainingModel)} data-testid="bargaining-model">
            <option value="smp">SMP (KTAB)</option>
            <option value="eum">EUM (Bueno de Mesquita)</option>
          </select>
        </label>
        <label>
          {t('common.variant')}{' '}
          <select value={variantId} onChange={(e) => setVariantId(e.target.value)} data-testid="variant-select">
            <option value="">{t('common.baseline')}</option>
            {scenario.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {name(v.title)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {run.error ? <ErrorBox error={run.error} /> : null}
      {run.running && !run.data ? <ProgressBar value={run.progress} /> : null}
      <div className="grid grid-2">
        <Card title={`${t('negotiation.positions')} — ${name(issue.title)}${variantId ? ` (${variantName(variantId)})` : ''}`} testId="card-positions">
          {lineChart ? <Chart option={lineChart} className="chart-tall" testId="positions-chart" /> : <Loading />}
        </Card>
        <Card title={t('negotiation.forecast')} testId="card-forecast">
          {current && nearest ? (
            <div data-testid="forecast">
              <div className="forecast">
                {fmt(current.forecast)} <small>/ {issue.scale.min}–{issue.scale.max}</small>
              </div>
              <p>
                ≈ <b>{name(nearest.label)}</b> ({nearest.value})
              </p>
              <p className="hint">
                {model.toUpperCase()} · {t('negotiation.rounds', { n: current.positions.length - 1 })} · {et.stopReason(current.stopReason)}
              </p>
              {current.expectedPosition !== undefined ? <p className="hint">{t('negotiation.smpNote', { x: fmt(current.expectedPosition) })}</p> : null}
              <p className="hint">
                SMP {fmt(shownRuns!.smp.forecast)} · EUM {fmt(shownRuns!.eum.forecast)}
              </p>
            </div>
          ) : (
            <Loading />
          )}
          {issue.description ? <p className="muted">{issue.description}</p> : null}
        </Card>
      </div>
      <div className="grid grid-2">
        <Card title={t('negotiation.variants')} testId="card-variant-forecasts">
          {variantChart ? <Chart option={variantChart} testId="variants-chart" /> : <Loading />}
        </Card>
        <Card title={t('negotiation.initial')} testId="card-initial">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('common.actor')}</th>
                  <th className="num">{t('negotiation.position')}</th>
                  <th className="num">{t('negotiation.salience')}</th>
                  <th className="num">{t('negotiation.clout')}</th>
                  <th>{t('common.source')}</th>
                </tr>
              </thead>
              <tbody>
                {issue.positions.map((p) => (
                  <tr key={p.actor}>
                    <td>{actorName(p.actor)}</td>
                    <td className="num">{fmt(p.position.value)}</td>
                    <td className="num">{fmt(p.salience.value)}</td>
                    <td className="num">{fmt(p.clout.value)}</td>
                    <td>
                      <Provenance item={p.position} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
      {!state.offline ? (
        <Card title={t('runs.title')} testId="card-server-runs">
          <ServerRuns kind="forecast" scenarioId={state.id} variant={variantId || undefined} options={{ model, issue: issue.id }} summarize={storedForecast} />
        </Card>
      ) : null}
    </div>
  );
}
