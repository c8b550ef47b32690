/**
 * Negotiation: each actor's position per round on the issue's scale (with its labelled anchors),
 * the forecast of the spatial model of politics (SMP) and of the expected-utility model (EUM) led by
 * its interval over the inputs' ranges (the point second, with the inputs it turns on), cautions
 * (veto players, ruled-out stretches), SMP and EUM side by side with why they differ, and the
 * forecasts of the scenario's variants. All numbers come from the engine's `analyseIssue`, the same
 * entry point as `brink forecast`.
 */
import { useMemo, useState } from 'react';
import type { Scenario } from '@brink/engine/scenario';
import { useEngineText, useI18n } from '../i18n/context';
import { useScenarioState, actorIndex } from '../lib/scenario-context';
import { Card, ErrorBox, Loading, ProgressBar, VariantSelect } from '../components/common';
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
import type { IssueForecast, IssueAnalysis } from '@brink/engine/bargaining';
import type { ChartOption } from '../lib/echarts';
import { palette } from '../components/simulation-charts';

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');

type Issue = Scenario['issues'][number];

function positionsOption(issue: Issue, run: IssueForecast, actorName: (id: string) => string, anchorLabel: (a: Issue['scale']['anchors'][number]) => string, labels: { round: string; forecast: string }): ChartOption {
  const rounds = run.positions.map((_, t) => t);
  // Anchor labels sit in the right margin; wide enough for the longest label (CJK counts double), wrapped.
  const longest = Math.max(...issue.scale.anchors.map((a) => [...`${a.value}: ${anchorLabel(a)}`].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const labelWidth = Math.min(220, Math.max(90, longest * 6));
  return {
    grid: { left: 50, right: labelWidth + 16, top: 16 + 22 * Math.ceil(run.actors.length / 4), bottom: 40 },
    // A plain (wrapping) legend: a scrolling legend pages and hides series.
    legend: { top: 0, type: 'plain', itemGap: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'category', data: rounds, name: labels.round, nameLocation: 'middle', nameGap: 25, boundaryGap: false },
    yAxis: { type: 'value', min: issue.scale.min, max: issue.scale.max },
    color: palette,
    series: [
      ...run.actors.map((a, i) => ({
        name: actorName(a.id),
        type: 'line',
        data: run.positions.map((p) => p[i]![0]),
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
            ...issue.scale.anchors.map((a) => ({ yAxis: a.value, lineStyle: { color: '#9aa3b5', type: 'dotted' }, label: { formatter: `${a.value}: ${anchorLabel(a)}`, position: 'end', color: '#5b6475', fontSize: 10, width: labelWidth, overflow: 'break', lineHeight: 12 } })),
            { yAxis: run.forecast.value, lineStyle: { color: '#1d2433', type: 'dashed', width: 2.5 }, label: { formatter: `${labels.forecast} ${fmt(run.forecast.value)}`, position: 'insideStartTop', color: '#1d2433', fontWeight: 'bold' } },
          ],
        },
      },
    ],
  } as ChartOption;
}

function variantsOption(issue: Issue, outcome: BargainingOutcome, variantName: (id: string) => string, baselineLabel: string, anchorLabel: (a: Issue['scale']['anchors'][number]) => string): ChartOption {
  const pick = (a?: IssueAnalysis): Partial<Record<BargainingModel, number>> => (a ? { smp: a.smp.forecast.value, eum: a.eum.forecast.value } : {});
  const rows = [{ id: '', name: baselineLabel, forecast: pick(outcome.baseline) }, ...outcome.variants.map((v) => ({ id: v.id, name: variantName(v.id), forecast: pick(v.analysis) }))];
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
  const runPayload = useMemo(() => (scenario && issue ? { scenario, issue: issue.id } : null), [scenario, issue]);
  const run = useWorkerRequest('bargaining.run', runPayload, { lane: 'bargaining' });
  const actors = useMemo(() => (scenario ? actorIndex(scenario) : new Map()), [scenario]);
  const actorName = useMemo(() => (id: string) => (actors.get(id) ? name(actors.get(id)!.names) : id), [actors, name]);
  const anchorLabel = useMemo(() => (a: Issue['scale']['anchors'][number]) => name(a.label), [name]);
  const variantName = useMemo(() => (id: string) => name(scenario?.variants.find((v) => v.id === id)?.title) || id, [scenario, name]);
  const shownRuns: IssueAnalysis | undefined = (variantId && run.data?.variants.find((v) => v.id === variantId)?.analysis) || run.data?.baseline;
  const lineChart = useMemo(
    () => (shownRuns && issue ? positionsOption(issue, shownRuns[model], actorName, anchorLabel, { round: t('negotiation.round'), forecast: t('negotiation.forecast') }) : null),
    [shownRuns, issue, model, actorName, anchorLabel, t],
  );
  const variantChart = useMemo(() => (run.data && issue ? variantsOption(issue, run.data, variantName, t('common.baseline'), anchorLabel) : null), [run.data, issue, variantName, anchorLabel, t]);
  if (!scenario || state.status !== 'ready') return null;
  if (!issue) return <p className="muted">{t('common.none')}</p>;
  const current = shownRuns?.[model];
  const nearest = current ? issue.scale.anchors.reduce((b, a) => (Math.abs(a.value - current.forecast.value) < Math.abs(b.value - current.forecast.value) ? a : b)) : null;
  const u = current?.uncertainty;
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
        <VariantSelect label={t('common.variant')} baseLabel={t('common.baseline')} variants={scenario.variants} value={variantId} onChange={setVariantId} testId="variant-select" />
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
              <div className="hint">{u ? t('negotiation.interval') : t('negotiation.forecast')}</div>
              <div className="forecast" data-testid="forecast-interval">
                {u ? `${fmt(u.low)}–${fmt(u.high)}` : fmt(current.forecast.value)} <small>/ {issue.scale.min}–{issue.scale.max}</small>
              </div>
              <p data-testid="forecast-point">
                {t('negotiation.point', { x: fmt(current.forecast.value) })} ≈ <b>{name(nearest.label)}</b> ({nearest.value})
              </p>
              {u ? (
                <p className="hint" data-testid="forecast-hangs-on">
                  {u.hangsOn.length ? `${t('negotiation.hangsOn')}: ${u.hangsOn.map((h) => `${actorName(h.actor)} · ${t(`negotiation.${h.field}` as 'negotiation.position')} (${fmt(h.low)}–${fmt(h.high)} → ${fmt(h.forecastAtLow)}–${fmt(h.forecastAtHigh)})`).join('; ')}` : t('negotiation.noRanges')}
                </p>
              ) : null}
              {current.warnings.map((w, k) => (
                <p key={k} className="warning" role="alert" data-testid="forecast-warning">
                  <b>{w.kind === 'veto-binding' ? t('negotiation.veto') : w.kind.startsWith('ruled-out') ? t('negotiation.ruledOut') : t('negotiation.warning')}:</b> {w.text}
                </p>
              ))}
              <p className="hint">
                {model.toUpperCase()} · {t('negotiation.rounds', { n: current.turns })} · {et.stopReason(current.forecast.stopReason)}
              </p>
              {current.forecast.expectedPosition !== undefined ? <p className="hint">{t('negotiation.smpNote', { x: fmt(current.forecast.expectedPosition) })}</p> : null}
            </div>
          ) : (
            <Loading />
          )}
          {issue.description ? <p className="muted">{issue.description}</p> : null}
        </Card>
      </div>
      {shownRuns ? (
        <Card title={t('negotiation.compare')} testId="card-compare">
          <p data-testid="compare-summary">
            <b>{shownRuns.comparison.summary}</b>
          </p>
          <div className="grid grid-2">
            {shownRuns.comparison.models.map((m) => (
              <div key={m.model} data-testid={`compare-${m.model}`}>
                <h4>
                  {m.model.toUpperCase()} {fmt(m.value)}
                  {shownRuns[m.model].uncertainty ? ` (${fmt(shownRuns[m.model].uncertainty!.low)}–${fmt(shownRuns[m.model].uncertainty!.high)})` : ''}
                </h4>
                <p className="hint">
                  {t('negotiation.reading')}: {m.reading}
                </p>
                <p className="hint">
                  {t('negotiation.turnsOn')}: {m.turnsOn.join('; ')}
                </p>
              </div>
            ))}
          </div>
          <h4>{t('negotiation.why')}</h4>
          <ul data-testid="compare-reasons">
            {shownRuns.comparison.reasons.map((r, k) => (
              <li key={k}>{r}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid grid-2">
        <Card title={t('negotiation.variants')} testId="card-variant-forecasts">
          {variantChart ? <Chart option={variantChart} testId="variants-chart" /> : <Loading />}
        </Card>
        <Card title={t('negotiation.initial')} testId="card-initial">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th style={{ whiteSpace: 'nowrap' }}>{t('common.actor')}</th>
                  <th className="num" style={{ whiteSpace: 'nowrap' }}>{t('negotiation.position')}</th>
                  <th className="num" style={{ whiteSpace: 'nowrap' }}>{t('negotiation.salience')}</th>
                  <th className="num" style={{ whiteSpace: 'nowrap' }}>{t('negotiation.clout')}</th>
                  <th>{t('common.source')}</th>
                </tr>
              </thead>
              <tbody>
                {issue.positions.map((p) => (
                  <tr key={p.actor}>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {actorName(p.actor)}
                      {p.veto ? <span className="tag">{t('negotiation.veto')}</span> : null}
                    </td>
                    <td className="num">{fmt(p.position.value)}</td>
                    <td className="num">{fmt(p.salience.value)}</td>
                    <td className="num">{fmt(p.clout.value)}</td>
                    <td style={{ minWidth: '8em' }}>
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
