/**
 * Deterrence: pick a model, move its parameters (re-solved in the engine worker at once), and see
 * the game tree with the equilibrium path, the outcome probabilities, the sweep of one parameter
 * with the thresholds and the scenario's position, the two-parameter map and the tornado.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEngineText, useI18n } from '../i18n/context';
import { translateTree, type EngineText } from '../i18n/engine-text';
import { useScenarioState } from '../lib/scenario-context';
import { Card, ErrorBox, Loading, ProgressBar } from '../components/common';
import { Chart } from '../components/Chart';
import { GameTree } from '../components/GameTree';
import { CiteLink } from '../components/Citation';
import { useWorkerRequest } from '../lib/useWorker';
import type { DeterrenceSolvedView as DeterrenceSolved, SweepView as SweepResult, MapView as MapResult, TornadoView as TornadoBar } from '../worker/deterrence';
import type { ChartOption } from '../lib/echarts';
import { getDeterrenceModel, withParameter } from '@brink/engine/deterrence';
import { ServerRuns } from '../components/ServerRuns';
import type { RunRecord } from '../lib/runs';

/** A stored deterrence run in one line: how many points, or its equilibria. */
function storedDeterrence(run: RunRecord, t: ReturnType<typeof useI18n>['t']): string {
  const r = run.result as { sweep?: { parameter?: string; points?: { failure: number }[] } } | null;
  const points = r?.sweep?.points;
  if (!points?.length) return '';
  const failures = points.map((p) => p.failure).filter(Number.isFinite);
  return t('deterrence.storedSweep', { param: r!.sweep!.parameter ?? '', n: points.length, lo: fmt(Math.min(...failures)), hi: fmt(Math.max(...failures)) });
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');

/** Bars coloured by outcome: deterrence successes green, failures red; equilibria by shade. */
function outcomesOption(solved: DeterrenceSolved, outcomes: string[], successes: string[], probabilityLabel: string, et: EngineText, modelId: string): ChartOption {
  const shades = [1, 0.6, 0.35, 0.2];
  return {
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'category', data: outcomes, axisLabel: { formatter: (code: string) => { const name = et.outcome(modelId, code); return name ? `${code}\n${name}` : code; } } },
    yAxis: { type: 'value', min: 0, max: 1, name: probabilityLabel },
    series: solved.result.equilibria.map((eq, k) => ({
      name: `${k + 1}. ${et.kind(eq.kind)}`,
      type: 'bar',
      itemStyle: { color: '#5b6475', opacity: shades[k % shades.length] },
      data: outcomes.map((o) => ({ value: eq.outcomes[o] ?? 0, itemStyle: { color: successes.includes(o) ? '#3c8d5a' : '#b4302a', opacity: shades[k % shades.length] } })),
      label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: number }) => (p.value > 0.005 ? fmt(p.value) : '') },
    })),
    animationDuration: 200,
  } as ChartOption;
}

function sweepOption(sweep: SweepResult, current: number, scenarioValue: number, labels: { worst: string; best: string; scenario: string; current: string; failure: string }): ChartOption {
  return {
    grid: { left: 55, right: 30, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'value', name: sweep.param, nameLocation: 'middle', nameGap: 25, min: sweep.xs[0], max: sweep.xs[sweep.xs.length - 1] },
    yAxis: { type: 'value', min: 0, max: 1, name: labels.failure },
    series: [
      {
        name: labels.worst,
        type: 'line',
        showSymbol: false,
        step: false,
        data: sweep.xs.map((x, i) => [x, Number.isFinite(sweep.worst[i]!) ? sweep.worst[i] : null]),
        lineStyle: { width: 2.5, color: '#b4302a' },
        itemStyle: { color: '#b4302a' },
        markLine: {
          symbol: 'none',
          data: [
            { xAxis: current, name: labels.current, lineStyle: { color: '#1d2433', width: 2 }, label: { formatter: `${labels.current} ${fmt(current)}`, position: 'end' } },
            ...(Math.abs(scenarioValue - current) > 1e-12
              ? [{ xAxis: scenarioValue, name: labels.scenario, lineStyle: { color: '#5b6475', type: 'dotted', width: 2 }, label: { formatter: `${labels.scenario} ${fmt(scenarioValue)}`, position: 'insideEndBottom' } }]
              : []),
            ...sweep.thresholds.map((t) => ({ xAxis: t.value, name: t.name, lineStyle: { color: '#2f5d9b', type: 'dashed' }, label: { formatter: `${t.name} = ${fmt(t.value)}`, position: 'insideEndTop' } })),
          ],
        },
      },
      {
        name: labels.best,
        type: 'line',
        showSymbol: false,
        data: sweep.xs.map((x, i) => [x, Number.isFinite(sweep.best[i]!) ? sweep.best[i] : null]),
        lineStyle: { width: 1.5, type: 'dashed', color: '#d38b1f' },
        itemStyle: { color: '#d38b1f' },
      },
    ],
  } as ChartOption;
}

function mapOption(map: MapResult, current: [number, number], failureLabel: string, scenarioLabel: string, regime: (english: string) => string): ChartOption {
  const data: [number, number, number | null][] = [];
  map.ys.forEach((_, j) => map.xs.forEach((_, i) => data.push([i, j, Number.isFinite(map.worst[j]![i]!) ? map.worst[j]![i]! : null])));
  const nearest = (vals: number[], v: number) => vals.reduce((best, x, k) => (Math.abs(x - v) < Math.abs(vals[best]! - v) ? k : best), 0);
  return {
    grid: { left: 70, right: 90, top: 20, bottom: 50 },
    tooltip: {
      formatter: (p: { data: [number, number, number | null] }) =>
        `${map.x} = ${fmt(map.xs[p.data[0]]!)}<br/>${map.y} = ${fmt(map.ys[p.data[1]]!)}<br/>${failureLabel}: ${p.data[2] === null ? '—' : fmt(p.data[2])}<br/>${regime(map.regimes[map.regime[p.data[1]]?.[p.data[0]] ?? -1] ?? '')}`,
    },
    xAxis: { type: 'category', data: map.xs.map(fmt), name: map.x, nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'category', data: map.ys.map(fmt), name: map.y, nameLocation: 'middle', nameGap: 45 },
    visualMap: { min: 0, max: 1, calculable: true, orient: 'vertical', right: 0, top: 'center', text: [failureLabel, '0'], inRange: { color: ['#f7fbff', '#fdd49e', '#ef6548', '#7f0000'] } },
    series: [
      {
        type: 'heatmap',
        data,
        progressive: 0,
        markPoint: {
          symbol: 'circle',
          symbolSize: 14,
          itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#1d2433', borderWidth: 3 },
          label: { show: true, formatter: scenarioLabel, position: 'right', color: '#1d2433', fontWeight: 'bold', textBorderColor: '#fff', textBorderWidth: 3 },
          data: [{ coord: [nearest(map.xs, current[0]), nearest(map.ys, current[1])], name: scenarioLabel }],
        },
      },
    ],
  } as ChartOption;
}

function tornadoOption(base: number, bars: TornadoBar[], failureLabel: string, ends: { low: string; high: string }): ChartOption {
  const shown = bars.slice(0, 12).reverse();
  return {
    grid: { left: 110, right: 30, top: 30, bottom: 30 },
    legend: { top: 0, data: [ends.low, ends.high] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v + base) },
    xAxis: { type: 'value', name: `Δ ${failureLabel}`, axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: { type: 'category', data: shown.map((b) => b.param) },
    series: [
      { name: ends.low, type: 'bar', stack: 'a', data: shown.map((b) => (Number.isFinite(b.atLow) ? b.atLow - base : 0)), itemStyle: { color: '#2f5d9b' } },
      { name: ends.high, type: 'bar', stack: 'b', barGap: '-100%', data: shown.map((b) => (Number.isFinite(b.atHigh) ? b.atHigh - base : 0)), itemStyle: { color: '#b4302a' } },
    ],
  } as ChartOption;
}

export default function DeterrencePage() {
  const { t } = useI18n();
  const et = useEngineText();
  const state = useScenarioState();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const modelsState = useWorkerRequest('deterrence.models', {});
  const models = modelsState.data;
  const bindings = scenario?.models.deterrence ?? {};
  const [modelId, setModelId] = useState<string | null>(null);
  const model = models?.find((m) => m.id === modelId) ?? models?.find((m) => bindings[m.id]) ?? models?.[0] ?? null;
  // The scenario's values for the model, checked by the model (the same setup the CLI and the server use).
  const setupRequest = useMemo(() => (model && scenario ? { scenario, model: model.id } : null), [model, scenario]);
  const setup = useWorkerRequest('deterrence.setup', setupRequest);
  const base = setup.data && setup.data.model === model?.id ? setup.data : null;
  const [params, setParams] = useState<Record<string, number> | null>(null);
  useEffect(() => setParams(base ? { ...base.values } : null), [base]);
  const [selected, setSelected] = useState(0);
  const [sweepParam, setSweepParam] = useState<string | null>(null);
  const [mapAxes, setMapAxes] = useState<[string, string] | null>(null);

  const current = params && model && Object.keys(params).every((k) => model.parameters.some((p) => p.name === k)) ? params : null;
  const solved = useWorkerRequest('deterrence.solve', model && current ? { model: model.id, params: current } : null);
  const solveMs = solved.ms ?? 1;
  const probabilityParams = model?.parameters.filter((p) => p.kind === 'probability').map((p) => p.name) ?? [];
  const sweepName = sweepParam && model?.parameters.some((p) => p.name === sweepParam) ? sweepParam : (probabilityParams[probabilityParams.length - 1] ?? model?.parameters[0]?.name ?? '');
  const axes: [string, string] =
    mapAxes && model?.parameters.some((p) => p.name === mapAxes[0]) && model.parameters.some((p) => p.name === mapAxes[1])
      ? mapAxes
      : [probabilityParams[0] ?? model?.parameters[0]?.name ?? '', probabilityParams[1] ?? model?.parameters[1]?.name ?? ''];
  // Resolution that fits a time budget: first guessed from one solve, then (once per model) from
  // the time a point of the first batch took, as the engine's batch paths are faster than a solve.
  const perPoint = useRef(new Map<string, number>());
  const pointMs = Math.max((model && perPoint.current.get(model.id)) ?? solveMs, 0.05);
  const sweepSteps = Math.max(11, Math.min(61, Math.round(1500 / pointMs)));
  const mapSteps = Math.max(7, Math.min(25, Math.round(Math.sqrt(4000 / pointMs))));
  const ready = model && current && base && solved.data;
  const sweep = useWorkerRequest('deterrence.sweep', ready ? { model: model.id, params: current, param: sweepName, range: base.ranges[sweepName]!, steps: sweepSteps } : null, { lane: 'sweep', delay: 120 });
  const map = useWorkerRequest(
    'deterrence.map',
    ready && axes[0] && axes[1] ? { model: model.id, params: current, x: axes[0], y: axes[1], xRange: base.ranges[axes[0]]!, yRange: base.ranges[axes[1]]!, steps: mapSteps } : null,
    { lane: 'map', delay: 300 },
  );
  const [, setCalibrated] = useState(0);
  useEffect(() => {
    if (!model || !map.data || map.ms === null || perPoint.current.has(model.id)) return;
    perPoint.current.set(model.id, map.ms / (map.data.xs.length * map.data.ys.length));
    setCalibrated((n) => n + 1);
  }, [model, map.data, map.ms]);
  const tornado = useWorkerRequest('deterrence.tornado', ready ? { model: model.id, params: current, ranges: base.ranges } : null, { lane: 'tornado', delay: 300 });

  const labels = { worst: t('deterrence.worstCase'), best: t('deterrence.bestCase'), scenario: t('deterrence.scenarioValue'), current: t('deterrence.current'), failure: t('deterrence.failure') };
  const outcomeChart = useMemo(() => (solved.data && model ? outcomesOption(solved.data, model.outcomes, model.successOutcomes, t('deterrence.probability'), et, model.id) : null), [solved.data, model, t, et]);
  const sweepChart = useMemo(() => (sweep.data && current ? sweepOption(sweep.data, current[sweep.data.param] ?? 0, base?.values[sweep.data.param] ?? 0, labels) : null), [sweep.data, current, base, labels.worst, labels.best, labels.scenario, labels.current, labels.failure]);
  const mapChart = useMemo(() => (map.data && current ? mapOption(map.data, [current[map.data.x]!, current[map.data.y]!], labels.failure, labels.current, et.regime) : null), [map.data, current, labels.failure, labels.current, et]);
  const tornadoChart = useMemo(() => (tornado.data ? tornadoOption(tornado.data.base, tornado.data.bars, labels.failure, { low: t('deterrence.low'), high: t('deterrence.high') }) : null), [tornado.data, labels.failure, t]);
  const tree = useMemo(() => (solved.data ? translateTree(solved.data.game, et) : null), [solved.data, et]);

  if (modelsState.error) return <ErrorBox error={modelsState.error} />;
  if (setup.error) return <ErrorBox error={setup.error} />;
  if (!models || !model || !params || !base) return <Loading />;
  const binding = bindings[model.id];
  const eqIndex = Math.min(selected, Math.max(0, (solved.data?.result.equilibria.length ?? 1) - 1));
  const eq = solved.data?.result.equilibria[eqIndex];

  return (
    <div className="grid">
      <div className="toolbar">
        <label>
          {t('deterrence.model')}{' '}
          <select value={model.id} onChange={(e) => setModelId(e.target.value)} data-testid="deterrence-model">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {et.modelTitle(m.id, m.title)}
                {bindings[m.id] ? ' ★' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{model.source}</span>
        <button className="secondary" onClick={() => setParams({ ...base.values })}>
          {t('deterrence.reset')}
        </button>
        <span className="muted" data-testid="solve-status">
          {solved.running ? t('deterrence.solving') : solved.ms !== null ? t('deterrence.solvedIn', { ms: solved.ms.toFixed(1) }) : ''}
        </span>
      </div>
      <div className="grid" style={{ gridTemplateColumns: 'minmax(260px, 1fr) minmax(0, 3fr)' }}>
        <Card title={t('deterrence.parameters')} testId="card-parameters">
          {!binding ? <p className="hint">{t('deterrence.noBinding')}</p> : null}
          <div className="sliders" data-testid="sliders">
            {model.parameters.map((p) => {
              const [lo, hi] = base.ranges[p.name]!;
              const value = params[p.name] ?? p.default;
              const cite = binding?.parameters?.[p.name]?.cite;
              return (
                <div className="slider" key={p.name} title={et.parameter(model.id, p.name, p.description)}>
                  <label htmlFor={`param-${p.name}`}>
                    <code>{p.name}</code>
                    <span className="value">{fmt(value)}</span>
                  </label>
                  <input
                    id={`param-${p.name}`}
                    data-testid={`slider-${p.name}`}
                    type="range"
                    min={lo}
                    max={hi}
                    step={(hi - lo) / 100 || 0.01}
                    value={value}
                    onChange={(e) => {
                      const v = Number(e.target.value);
                      // Linked probabilities (e.g. AEG's defender types) keep summing to 1.
                      setParams((prev) => withParameter(getDeterrenceModel(model.id), prev ?? {}, p.name, v));
                    }}
                  />
                  <div className="marker">
                    {et.parameter(model.id, p.name, p.description)} · {t('deterrence.scenarioValue')} {fmt(base.values[p.name]!)} {cite ? <CiteLink cite={cite} short={18} /> : null}
                  </div>
                </div>
              );
            })}
          </div>
        </Card>
        <div className="grid">
          {solved.error ? <ErrorBox error={solved.error} /> : null}
          <Card title={t('deterrence.outcomes')} testId="card-outcomes">
            {outcomeChart ? <Chart option={outcomeChart} testId="outcome-chart" /> : <Loading />}
            {solved.data ? (
              <>
                <table data-testid="outcome-table">
                  <thead>
                    <tr>
                      <th>{t('deterrence.equilibria')}</th>
                      {model.outcomes.map((o) => (
                        <th key={o} className="num" title={et.outcome(model.id, o)}>
                          {o}
                          {et.outcome(model.id, o) ? <div className="outcome-name">{et.outcome(model.id, o)}</div> : null}
                        </th>
                      ))}
                      <th className="num">{t('deterrence.failure')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {solved.data.result.equilibria.map((e, k) => (
                      <tr key={k} onClick={() => setSelected(k)} style={{ cursor: 'pointer', background: k === eqIndex ? '#fde2df' : undefined }}>
                        <td>
                          {k + 1}. {et.kind(e.kind)}
                        </td>
                        {model.outcomes.map((o) => (
                          <td key={o} className="num">
                            {fmt(e.outcomes[o] ?? 0)}
                          </td>
                        ))}
                        <td className="num">{fmt(solved.data!.failure[k]!)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="hint" style={{ marginTop: 8 }} data-testid="deterrence-summary">
                  {et.summary(solved.data.result, solved.data.worstFailure)}
                </p>
                <ul className="hint">
                  {solved.data.result.sides.map((s) => (
                    <li key={s.threshold}>
                      <code>{s.compared}</code> = {fmt(s.value)} {s.side === 'above' ? '>' : s.side === 'below' ? '<' : '='} <code>{s.threshold}</code> = {fmt(s.thresholdValue)}: {et.meaning(model.id, s.threshold, s.meaning)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
        </div>
      </div>
      {solved.data && tree ? (
        <Card
          title={t('deterrence.tree')}
          testId="card-tree"
          actions={
            <select value={eqIndex} onChange={(e) => setSelected(Number(e.target.value))} aria-label={t('deterrence.equilibria')}>
              {solved.data.result.equilibria.map((e, k) => (
                <option key={k} value={k}>
                  {k + 1}. {et.kind(e.kind)}
                </option>
              ))}
            </select>
          }
        >
          <p className="hint">{t('deterrence.treeHint')}</p>
          <div className="tree-scroll">
            <GameTree game={tree} profile={solved.data.profiles[eqIndex] ?? undefined} hotOutcomes={solved.data.profiles[eqIndex] ? undefined : eq?.outcomes} chanceName={t('tree.chance')} testId="deterrence-tree" />
          </div>
        </Card>
      ) : null}
      <div className="grid grid-2-even">
        <Card
          title={t('deterrence.sweep')}
          testId="card-sweep"
          actions={
            <select value={sweepName} onChange={(e) => setSweepParam(e.target.value)} aria-label={t('deterrence.sweepParam')}>
              {model.parameters.map((p) => (
                <option key={p.name}>{p.name}</option>
              ))}
            </select>
          }
        >
          {sweep.running ? <ProgressBar value={sweep.progress} /> : null}
          {sweep.error ? <ErrorBox error={sweep.error} /> : null}
          {sweepChart ? <Chart option={sweepChart} testId="sweep-chart" /> : null}
        </Card>
        <Card
          title={t('deterrence.map')}
          testId="card-map"
          actions={
            <>
              <select value={axes[0]} onChange={(e) => setMapAxes([e.target.value, axes[1]])} aria-label={t('deterrence.mapX')}>
                {model.parameters.map((p) => (
                  <option key={p.name}>{p.name}</option>
                ))}
              </select>
              ×
              <select value={axes[1]} onChange={(e) => setMapAxes([axes[0], e.target.value])} aria-label={t('deterrence.mapY')}>
                {model.parameters.map((p) => (
                  <option key={p.name}>{p.name}</option>
                ))}
              </select>
            </>
          }
        >
          {map.running ? <ProgressBar value={map.progress} /> : null}
          {map.error ? <ErrorBox error={map.error} /> : null}
          {mapChart ? <Chart option={mapChart} testId="map-chart" /> : null}
          <p className="hint">{t('deterrence.mapHint')}</p>
        </Card>
      </div>
      <Card title={t('deterrence.tornado')} testId="card-tornado">
        {tornado.running ? <ProgressBar value={tornado.progress} /> : null}
        {tornado.error ? <ErrorBox error={tornado.error} /> : null}
        {tornadoChart ? <Chart option={tornadoChart} className="chart-tall" testId="tornado-chart" /> : null}
      </Card>
      {state.status === 'ready' && !state.offline ? (
        <Card title={t('runs.title')} testId="card-server-runs">
          <ServerRuns
            kind="deterrence"
            scenarioId={state.id}
            options={{ model: model.id, analysis: 'sweep', parameters: params, ranges: { [sweepName]: base.ranges[sweepName]! }, sweep: { parameter: sweepName, steps: 41 } }}
            summarize={(run) => storedDeterrence(run, t)}
          />
        </Card>
      ) : null}
    </div>
  );
}
