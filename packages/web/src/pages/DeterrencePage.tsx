/**
 * Deterrence: pick a model and see first how its result spreads over the plausible parameter space
 * (the ranges of the scenario's cited and assumed values) and what it turns on, then the point
 * result at the values on the sliders: the outcome probabilities, the game tree with the
 * equilibrium path, the sweep of one parameter with its thresholds, the two-parameter map and the
 * tornado. Every slider shows where its value comes from (cited, stated, implied or assumed, with
 * the range and the rationale). Everything is solved in the engine worker through the engine's one
 * analysis path, so the numbers are the CLI's.
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
import type { SweepView as SweepResult, TornadoView as TornadoBar, ModelInfo } from '../worker/deterrence';
import type { ChartOption } from '../lib/echarts';
import { DEFAULT_UNCERTAINTY_SAMPLES, getDeterrenceModel, groundsOf, withParameter, type DeterrenceUncertainty, type ParameterSetting } from '@brink/engine/deterrence';
import type { Cite } from '@brink/engine/scenario';
import { ServerRuns } from '../components/ServerRuns';
import type { RunRecord } from '../lib/runs';
import { formatOnStep, mapOption, niceGrid, outcomeBarsOption, roundGroup, sliderGrid, spreadOption } from './deterrence-view';
import './deterrence.css';

/** A stored deterrence run in one line: how many points, or its equilibria. */
function storedDeterrence(run: RunRecord, t: ReturnType<typeof useI18n>['t']): string {
  const r = run.result as { sweep?: { parameter?: string; points?: { failure: number }[] } } | null;
  const points = r?.sweep?.points;
  if (!points?.length) return '';
  const failures = points.map((p) => p.failure).filter(Number.isFinite);
  return t('deterrence.storedSweep', { param: r!.sweep!.parameter ?? '', n: points.length, lo: fmt(Math.min(...failures)), hi: fmt(Math.max(...failures)) });
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : '—');

function sweepOption(sweep: SweepResult, current: number, scenarioValue: number, labels: { worst: string; best: string; scenario: string; current: string; failure: string }): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 30, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'value', name: sweep.param, nameLocation: 'middle', nameGap: 25, min: sweep.xs[0], max: sweep.xs[sweep.xs.length - 1] },
    yAxis: { type: 'value', min: 0, max: 1, name: labels.failure, nameTextStyle: { align: 'left' } },
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

function tornadoOption(base: number, bars: TornadoBar[], failureLabel: string, ends: { low: string; high: string }): ChartOption {
  const shown = bars.slice(0, 12).reverse();
  return {
    grid: { left: 8, right: 24, top: 30, bottom: 30, containLabel: true },
    legend: { top: 0, data: [ends.low, ends.high] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v + base) },
    xAxis: { type: 'value', name: `Δ ${failureLabel}`, nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => fmt(v) } },
    yAxis: { type: 'category', data: shown.map((b) => b.param) },
    series: [
      { name: ends.low, type: 'bar', stack: 'a', data: shown.map((b) => (Number.isFinite(b.atLow) ? b.atLow - base : 0)), itemStyle: { color: '#2f5d9b' } },
      { name: ends.high, type: 'bar', stack: 'b', barGap: '-100%', data: shown.map((b) => (Number.isFinite(b.atHigh) ? b.atHigh - base : 0)), itemStyle: { color: '#b4302a' } },
    ],
  } as ChartOption;
}

type Grounds = ReturnType<typeof groundsOf>;
const GROUNDS_KEYS: Record<Grounds, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  states: 'deterrence.grounds.states',
  implies: 'deterrence.grounds.implies',
  context: 'deterrence.grounds.context',
  cited: 'deterrence.grounds.cited',
  assumed: 'deterrence.grounds.assumed',
  default: 'deterrence.grounds.default',
};

/** Where a slider's value comes from: the grade, the range, the citation or the assumption's rationale. */
function ProvenanceLine({ setting, base, t }: { setting: ParameterSetting; base: number; t: ReturnType<typeof useI18n>['t'] }) {
  const bound = setting.bound;
  const grounds = groundsOf(bound);
  const range = bound?.range ?? setting.variedOver;
  const why = bound?.assumption ?? bound?.note;
  return (
    <div className="provenance" data-testid={`provenance-${setting.name}`}>
      <span className={`tag grounds-${grounds}`} data-testid="grounds">
        {t(GROUNDS_KEYS[grounds])}
      </span>{' '}
      {t('deterrence.scenarioValue')} {fmt(base)} · {t('deterrence.range')} [{fmt(range[0])}, {fmt(range[1])}]
      {bound?.cite ? (
        <>
          {' '}
          <CiteLink cite={bound.cite as Cite} short={18} />
        </>
      ) : null}
      {why ? <div className="rationale">{why}</div> : null}
    </div>
  );
}

/** The headline: the result over the plausible parameter space, in words, with its spread and drivers. */
function SpreadCard({ spread, running, progress, error, model, t, et }: { spread: DeterrenceUncertainty | null; running: boolean; progress: number | null; error: unknown; model: ModelInfo; t: ReturnType<typeof useI18n>['t']; et: EngineText }) {
  const chart = useMemo(() => (spread ? spreadOption(spread.worst.histogram, { worst: t('deterrence.spread.worst'), points: t('deterrence.spread.points') }) : null), [spread, t]);
  return (
    <Card title={t('deterrence.spread.title')} testId="card-spread" className="spread-card">
      {running ? <ProgressBar value={progress} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {spread ? (
        <div className="spread-layout">
          <div>
            <p className="headline" data-testid="spread-headline">
              <strong>{t('deterrence.spread.holds', { share: pct(spread.holds), n: spread.samples, seed: String(spread.seed) })}</strong>{' '}
              {t('deterrence.spread.interval', { lo: fmt(spread.worst.p05), hi: fmt(spread.worst.p95), med: fmt(spread.worst.p50), fails: pct(spread.failsSurely) })}
            </p>
            {spread.drivers.length ? (
              <>
                <p className="hint">{t('deterrence.spread.turnsOn')}</p>
                <ul className="drivers" data-testid="spread-drivers">
                  {spread.drivers.slice(0, 5).map((d) => (
                    <li key={d.parameter} title={et.parameter(model.id, d.parameter, model.parameters.find((p) => p.name === d.parameter)?.description ?? '')}>
                      <code>{d.parameter}</code>
                      <span className="driver-bar" style={{ width: `${Math.max(4, Math.round(d.eta2 * 100))}%` }} />
                      <span className="driver-text">
                        {t('deterrence.spread.driver', { share: pct(d.eta2), direction: t(d.rho < 0 ? 'deterrence.spread.safer' : 'deterrence.spread.riskier') })}{' '}
                        <span className={`tag grounds-${d.grounds}`}>{t(GROUNDS_KEYS[d.grounds])}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="hint">{t('deterrence.spread.none')}</p>
            )}
            <p className="hint" data-testid="spread-point">
              {t('deterrence.spread.point', {
                point: spread.point.holds ? t('deterrence.spread.pointHolds') : t('deterrence.spread.pointFails', { x: fmt(spread.point.worst) }),
              })}
              {spread.rejected > 0 ? ` ${t('deterrence.spread.rejected', { n: spread.rejected })}` : ''}
            </p>
          </div>
          {chart ? <Chart option={chart} className="chart-small" testId="spread-chart" /> : null}
        </div>
      ) : !error ? (
        <Loading />
      ) : null}
    </Card>
  );
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
  // The map on round axis values inside the ranges (no 0.0958 ticks).
  const gridX = base && axes[0] ? niceGrid(base.ranges[axes[0]]![0], base.ranges[axes[0]]![1], mapSteps) : null;
  const gridY = base && axes[1] ? niceGrid(base.ranges[axes[1]]![0], base.ranges[axes[1]]![1], mapSteps) : null;
  // Memoised: the worker hook serialises a payload (here with the whole scenario) once per object.
  const spreadPayload = useMemo(
    () => (ready ? { scenario, model: model.id, params: current, samples: DEFAULT_UNCERTAINTY_SAMPLES, seed: 1 } : null),
    [ready, scenario, model, current],
  );
  const spread = useWorkerRequest('deterrence.uncertainty', spreadPayload, { lane: 'uncertainty', delay: 250 });
  const sweep = useWorkerRequest('deterrence.sweep', ready ? { model: model.id, params: current, param: sweepName, range: base.ranges[sweepName]!, steps: sweepSteps } : null, { lane: 'sweep', delay: 120 });
  const map = useWorkerRequest(
    'deterrence.map',
    ready && axes[0] && axes[1] && gridX && gridY
      ? { model: model.id, params: current, x: axes[0], y: axes[1], xRange: gridX.range, yRange: gridY.range, steps: gridX.values.length, steps2: gridY.values.length }
      : null,
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
  const outcomeChart = useMemo(
    () =>
      solved.data && model
        ? outcomeBarsOption({
            outcomes: model.outcomes,
            names: Object.fromEntries(model.outcomes.map((o) => [o, et.outcome(model.id, o, model.outcomeNames[o])])),
            successes: model.successOutcomes,
            equilibria: solved.data.result.equilibria.map((eq, k) => ({ label: `${k + 1}. ${et.kind(eq.kind)}`, outcomes: eq.outcomes })),
            probabilityLabel: t('deterrence.probability'),
            successLabel: t('deterrence.outcomes.success'),
            failureLabel: t('deterrence.outcomes.failure'),
          })
        : null,
    [solved.data, model, t, et],
  );
  const sweepChart = useMemo(() => (sweep.data && current ? sweepOption(sweep.data, current[sweep.data.param] ?? 0, base?.values[sweep.data.param] ?? 0, labels) : null), [sweep.data, current, base, labels.worst, labels.best, labels.scenario, labels.current, labels.failure]);
  const mapChart = useMemo(
    () =>
      map.data && current && gridX && gridY
        ? mapOption({
            x: map.data.x,
            y: map.data.y,
            xs: map.data.xs,
            ys: map.data.ys,
            xStep: gridX.step,
            yStep: gridY.step,
            worst: map.data.worst,
            regimeAt: (i, j) => et.regime(map.data!.regimes[map.data!.regime[j]?.[i] ?? -1] ?? ''),
            current: [current[map.data.x]!, current[map.data.y]!],
            labels: { failure: labels.failure, current: labels.current, outside: t('deterrence.map.outside'), never: t('deterrence.map.never'), always: t('deterrence.map.always') },
          })
        : null,
    [map.data, current, gridX?.step, gridY?.step, labels.failure, labels.current, et, t],
  );
  const tornadoChart = useMemo(() => (tornado.data ? tornadoOption(tornado.data.base, tornado.data.bars, labels.failure, { low: t('deterrence.low'), high: t('deterrence.high') }) : null), [tornado.data, labels.failure, t]);
  const tree = useMemo(() => (solved.data ? translateTree(solved.data.game, et) : null), [solved.data, et]);

  if (modelsState.error) return <ErrorBox error={modelsState.error} />;
  if (setup.error) return <ErrorBox error={setup.error} />;
  if (!models || !model || !params || !base) return <Loading />;
  const binding = bindings[model.id];
  const eqIndex = Math.min(selected, Math.max(0, (solved.data?.result.equilibria.length ?? 1) - 1));
  const eq = solved.data?.result.equilibria[eqIndex];
  const groups = getDeterrenceModel(model.id).probabilityGroups;

  return (
    <div className="grid deterrence-page">
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
      <SpreadCard spread={spread.data ?? null} running={spread.running} progress={spread.progress} error={spread.error} model={model} t={t} et={et} />
      <div className="deterrence-main">
        <Card title={t('deterrence.parameters')} testId="card-parameters">
          {!binding ? <p className="hint">{t('deterrence.noBinding')}</p> : null}
          <div className="sliders" data-testid="sliders">
            {model.parameters.map((p) => {
              const [lo, hi] = base.ranges[p.name]!;
              const grid = sliderGrid(lo, hi);
              const value = params[p.name] ?? p.default;
              const setting = base.settings.find((s) => s.name === p.name)!;
              return (
                <div className="slider" key={p.name} title={et.parameter(model.id, p.name, p.description)}>
                  <label htmlFor={`param-${p.name}`}>
                    <code>{p.name}</code>
                    <span className="value" data-testid={`value-${p.name}`}>
                      {formatOnStep(value, Math.min(grid.step, 0.001))}
                    </span>
                  </label>
                  <input
                    id={`param-${p.name}`}
                    data-testid={`slider-${p.name}`}
                    type="range"
                    min={grid.min}
                    max={grid.max}
                    step={grid.step}
                    value={value}
                    onChange={(e) => {
                      const v = Number(formatOnStep(Number(e.target.value), grid.step));
                      // Linked probabilities (e.g. AEG's defender types) keep summing to 1, on round values.
                      setParams((prev) => {
                        let next = withParameter(getDeterrenceModel(model.id), prev ?? {}, p.name, v);
                        for (const g of groups) next = roundGroup(next, g, p.name);
                        return next;
                      });
                    }}
                  />
                  <div className="marker">{et.parameter(model.id, p.name, p.description)}</div>
                  <ProvenanceLine setting={setting} base={base.values[p.name]!} t={t} />
                </div>
              );
            })}
          </div>
        </Card>
        <div className="grid">
          {solved.error ? <ErrorBox error={solved.error} /> : null}
          <Card title={t('deterrence.point.title')} testId="card-outcomes">
            {outcomeChart ? <Chart option={outcomeChart} testId="outcome-chart" /> : <Loading />}
            {solved.data ? (
              <>
                <div className="table-scroll">
                  <table data-testid="outcome-table">
                    <thead>
                      <tr>
                        <th>{t('deterrence.equilibria')}</th>
                        {model.outcomes.map((o) => (
                          <th key={o} className="num" title={et.outcome(model.id, o, model.outcomeNames[o])}>
                            {o}
                            <div className="outcome-name">{et.outcome(model.id, o, model.outcomeNames[o])}</div>
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
                </div>
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
      <div className="grid grid-2-even deterrence-pair">
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
          {mapChart ? <Chart option={mapChart} className="chart-map" testId="map-chart" /> : null}
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
