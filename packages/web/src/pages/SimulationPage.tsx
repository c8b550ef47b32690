/**
 * Simulation: the crisis model of the scenario over time (docs/simulation.md), run in the engine
 * worker: outcome probabilities with intervals, a variant comparison run for run, the ladder, fan
 * charts, probabilities over time, the tornado and Sobol indices, the causal diagram generated from
 * the mechanisms, and the hindcast of the launch model against its baselines. Larger runs go to the
 * server, where they are stored with their provenance.
 */
import { useCallback, useMemo, useState } from 'react';
import type { SimulateReport } from '@brink/engine/crisis';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { useScenarioState } from '../lib/scenario-context';
import { Card, ErrorBox, ProgressBar, VariantSelect } from '../components/common';
import { Chart } from '../components/Chart';
import { CausalDiagram } from '../components/CausalDiagram';
import { ServerRuns } from '../components/ServerRuns';
import { useWorkerRequest } from '../lib/useWorker';
import type { RunRecord } from '../lib/runs';
import { cumulativeOption, pct, differencesOption, fanOption, hindcastOption, intervalBarsOption, ladderOption, sobolOption, tornadoOption } from '../components/simulation-charts';


export default function SimulationPage() {
  const { t, name, lang } = useI18n();
  const state = useScenarioState();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const crisis = (scenario?.models as { crisis?: { weeks?: number } } | undefined)?.crisis;
  const [variant, setVariant] = useState('');
  const [compareWith, setCompareWith] = useState('');
  const [runs, setRuns] = useState(2000);
  const [weeks, setWeeks] = useState<number | null>(null);
  const [seed, setSeed] = useState(1);
  const [fanVar, setFanVar] = useState('tension-us-dprk');
  const [outcomeId, setOutcomeId] = useState('nuclear-test');
  const [wantSensitivity, setWantSensitivity] = useState(false);
  const horizon = weeks ?? crisis?.weeks ?? 104;
  // A comparison with the variant itself is no comparison (the variant may have changed since).
  const comparedWith = compareWith !== (variant || 'base') ? compareWith : '';
  // Memoised: the worker hook serialises a payload (the whole scenario) once per object.
  const payload = useMemo(
    () => (scenario && crisis ? { scenario, variant: variant || null, compare: comparedWith ? ([variant || 'base', comparedWith] as [string, string]) : null, runs, weeks: horizon, seed, hindcast: true } : null),
    [scenario, crisis, variant, comparedWith, runs, horizon, seed],
  );
  const compare = payload?.compare ?? null;
  const sensitivityPayload = useMemo(() => (wantSensitivity && payload ? { ...payload, compare: null, runs: 200, hindcast: false, sobol: true } : null), [wantSensitivity, payload]);
  const sim = useWorkerRequest('crisis.simulate', payload, { lane: 'crisis', delay: 150 });
  const sens = useWorkerRequest('crisis.simulate', sensitivityPayload, { lane: 'crisis-sensitivity', delay: 150 });
  const r: SimulateReport | null = sim.data;
  const variantName = useCallback((id: string | null) => (id ? name(scenario?.variants.find((v) => v.id === id)?.title) || id : t('simulation.base')), [scenario, name, t]);
  const outcomeName = useCallback((id: string) => {
    const o = r?.outcomes.find((x) => x.id === id);
    return o ? (lang === 'zh-Hant' && o.label_zh ? o.label_zh : o.label) : id;
  }, [r, lang]);
  const labelOf = useCallback((x: { label: string; label_zh?: string }) => (lang === 'zh-Hant' && x.label_zh ? x.label_zh : x.label), [lang]);

  const outcomesChart = useMemo(() => (r ? intervalBarsOption(r.outcomes.map((o) => ({ name: labelOf(o), value: o.p, lo: o.lo, hi: o.hi })), t('simulation.probability')) : null), [r, labelOf, t]);
  const diffChart = useMemo(() => (r?.differences ? differencesOption(r.differences.map((d) => ({ name: outcomeName(d.id), value: d.diff, lo: d.lo, hi: d.hi })), t('simulation.difference')) : null), [r, outcomeName, t]);
  const ladderChart = useMemo(() => (r ? ladderOption(r, labelOf, t('simulation.probability')) : null), [r, labelOf, t]);
  const fanChart = useMemo(() => (r ? fanOption(r, fanVar, { band90: t('simulation.band90'), band50: t('simulation.band50'), median: t('simulation.median') }, 'exercise') : null), [r, fanVar, t]);
  const cumulativeChart = useMemo(() => (r ? cumulativeOption(r, outcomeName) : null), [r, outcomeName]);
  const hindcastChart = useMemo(
    () => (r?.hindcast ? hindcastOption(r, { observed: t('simulation.observed'), model: t('simulation.model'), poisson: t('simulation.poisson'), last12: t('simulation.last12'), band90: t('simulation.band90'), band50: t('simulation.band50') }) : null),
    [r, t],
  );
  const outcomeIndex = sens.data ? Math.max(0, sens.data.outcomes.findIndex((o) => o.id === outcomeId)) : 0;
  const tornadoChart = useMemo(() => (sens.data?.sensitivity ? tornadoOption(sens.data, outcomeIndex, { low: t('simulation.low'), high: t('simulation.high') }) : null), [sens.data, outcomeIndex, t]);
  const sobolChart = useMemo(() => (sens.data?.sensitivity ? sobolOption(sens.data, sens.data.outcomes[outcomeIndex]!.id, { first: t('simulation.first'), total: t('simulation.total') }) : null), [sens.data, outcomeIndex, t]);

  if (!scenario || state.status !== 'ready') return null;
  if (!crisis) return <p className="muted">{t('common.notAvailable')}</p>;
  const h = r?.hindcast;
  const storedSummary = (run: RunRecord) => {
    const res = run.result as { runs?: number; outcomes?: { id: string; p: number }[] } | null;
    return res?.outcomes ? t('simulation.storedRun', { runs: res.runs ?? 0, summary: res.outcomes.slice(0, 3).map((o) => `${outcomeName(o.id)} ${pct(o.p)}`).join(', ') }) : run.status;
  };
  const driving = r?.mechanisms.filter((m) => m.status === 'drives') ?? [];
  return (
    <div className="grid" data-testid="simulation-page">
      <div className="toolbar">
        <VariantSelect label={t('simulation.variant')} baseLabel={t('simulation.base')} variants={scenario.variants} value={variant} onChange={setVariant} testId="sim-variant" />
        <label>
          {t('simulation.compareWith')}{' '}
          <select value={comparedWith} onChange={(e) => setCompareWith(e.target.value)} data-testid="sim-compare">
            <option value="">{t('simulation.noCompare')}</option>
            {[{ id: 'base', title: undefined }, ...scenario.variants]
              .filter((v) => v.id !== (variant || 'base'))
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.id === 'base' ? t('simulation.base') : variantName(v.id)}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('simulation.runs')}{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))} data-testid="sim-runs">
            {[500, 1000, 2000, 5000, 10000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('simulation.weeks')}{' '}
          <select value={horizon} onChange={(e) => setWeeks(Number(e.target.value))} data-testid="sim-weeks">
            {[26, 52, 104, 156, 260].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('simulation.seed')}{' '}
          <input type="number" value={seed} min={0} step={1} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} style={{ width: 70 }} data-testid="sim-seed" />
        </label>
        {sim.ms !== null && r ? <span className="hint">{Math.round(sim.ms)} ms</span> : null}
      </div>
      {sim.running ? <ProgressBar value={sim.progress} label={t('simulation.running')} /> : null}
      {sim.error ? <ErrorBox error={sim.error} /> : null}
      {r ? (
        <>
          <p className="hint" data-testid="sim-summary">
            {t('simulation.summary', { runs: r.runs.toLocaleString(), weeks: r.weeks, start: r.start, seed: String(r.seed) })}{' '}
            {t('simulation.mechanismsChecked', {
              drives: r.mechanisms.filter((m) => m.status !== 'inert').length,
              total: r.mechanisms.length,
              ok: driving.filter((m) => m.checked === (m.sign === '+' ? 1 : m.sign === '-' ? -1 : 0)).length,
              n: driving.length,
            })}
          </p>
          <div className="grid grid-2-even">
            <Card title={r.variants ? `${t('simulation.outcomes')}: ${variantName(r.variants[0]!.variant)}` : t('simulation.outcomes')} testId="sim-outcomes">
              <p className="hint">{t('simulation.outcomesHint')}</p>
              {outcomesChart ? <Chart option={outcomesChart} testId="sim-outcomes-chart" className="chart-tall" /> : null}
              {r.deterrence.reached > 0 ? (
                <p className="hint">
                  {t('simulation.deterrence', {
                    n: r.deterrence.reached,
                    outcomes: Object.entries(r.deterrence.outcomes)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${k} ${n}`)
                      .join(', '),
                  })}
                </p>
              ) : null}
            </Card>
            {r.variants && r.differences && diffChart ? (
              <Card title={t('simulation.comparison')} testId="sim-comparison">
                <p className="hint">{t('simulation.comparisonHint', { first: variantName(r.variants[0]!.variant), second: variantName(r.variants[1]!.variant) })}</p>
                <Chart option={diffChart} testId="sim-differences-chart" className="chart-tall" />
              </Card>
            ) : (
              <Card title={t('simulation.ladder')} testId="sim-ladder">
                <p className="hint">{t('simulation.ladderHint')}</p>
                {ladderChart ? <Chart option={ladderChart} testId="sim-ladder-chart" className="chart-tall" /> : null}
              </Card>
            )}
          </div>
          {r.variants ? (
            <Card title={t('simulation.ladder')} testId="sim-ladder">
              <p className="hint">{t('simulation.ladderHint')}</p>
              {ladderChart ? <Chart option={ladderChart} testId="sim-ladder-chart" /> : null}
            </Card>
          ) : null}
          <div className="grid grid-2-even">
            <Card
              title={t('simulation.fan')}
              testId="sim-fan"
              actions={
                <select value={fanVar} onChange={(e) => setFanVar(e.target.value)} aria-label={t('simulation.variable')} data-testid="sim-fan-variable">
                  {r.variables.map((v) => (
                    <option key={v.id} value={v.id}>
                      {labelOf(v)}
                    </option>
                  ))}
                </select>
              }
            >
              <p className="hint">{t('simulation.fanHint')}</p>
              {fanChart ? <Chart option={fanChart} testId="sim-fan-chart" /> : null}
            </Card>
            <Card title={t('simulation.cumulative')} testId="sim-cumulative">
              <p className="hint">{t('simulation.cumulativeHint')}</p>
              {cumulativeChart ? <Chart option={cumulativeChart} testId="sim-cumulative-chart" /> : null}
            </Card>
          </div>
          {h && hindcastChart ? (
            <Card title={t('simulation.hindcast')} testId="sim-hindcast">
              <p className="hint">{t('simulation.hindcastHint', { trainEnd: h.train_end })}</p>
              <Chart option={hindcastChart} testId="sim-hindcast-chart" />
              <table data-testid="sim-hindcast-scores">
                <thead>
                  <tr>
                    <th />
                    <th>{t('simulation.crps')}</th>
                    <th>{t('simulation.logScore')}</th>
                    <th>{t('simulation.coverage50')}</th>
                    <th>{t('simulation.coverage90')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['model', 'poisson', 'last12'] as const).map((k) => (
                    <tr key={k} className={h.best.crps === k || h.best.log_score === k ? 'best' : ''}>
                      <td>{t(`simulation.${k}` as MessageKey)}</td>
                      <td>{h.scores[k].crps.toFixed(3)}</td>
                      <td>{h.scores[k].log_score.toFixed(3)}</td>
                      <td>{pct(h.scores[k].coverage50)}</td>
                      <td>{pct(h.scores[k].coverage90)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint" data-testid="sim-hindcast-verdict">
                {h.best.crps === 'model' && h.best.log_score === 'model'
                  ? t('simulation.beats')
                  : t('simulation.notBeats', { crps: t(`simulation.${h.best.crps}` as MessageKey), log: t(`simulation.${h.best.log_score}` as MessageKey) })}
              </p>
            </Card>
          ) : null}
          <Card
            title={t('simulation.sensitivity')}
            testId="sim-sensitivity"
            actions={
              sens.data ? (
                <select value={outcomeId} onChange={(e) => setOutcomeId(e.target.value)} aria-label={t('simulation.outcome')} data-testid="sim-sensitivity-outcome">
                  {sens.data.outcomes.map((o) => (
                    <option key={o.id} value={o.id}>
                      {labelOf(o)}
                    </option>
                  ))}
                </select>
              ) : (
                <button className="primary" onClick={() => setWantSensitivity(true)} disabled={wantSensitivity} data-testid="sim-run-sensitivity">
                  {t('simulation.runSensitivity')}
                </button>
              )
            }
          >
            <p className="hint">{t('simulation.sensitivityHint')}</p>
            {sens.running ? <ProgressBar value={sens.progress} /> : null}
            {sens.error ? <ErrorBox error={sens.error} /> : null}
            {tornadoChart && sobolChart ? (
              <div className="grid grid-2-even">
                <Chart option={tornadoChart} testId="sim-tornado-chart" className="chart-tall" />
                <Chart option={sobolChart} testId="sim-sobol-chart" className="chart-tall" />
              </div>
            ) : null}
          </Card>
          <Card title={t('simulation.diagram')} testId="sim-diagram">
            <p className="hint">{t('simulation.diagramHint')}</p>
            <CausalDiagram graph={r.graph} label={labelOf} />
            <h3 className="subhead">{t('simulation.inert')}</h3>
            <ul data-testid="sim-inert">
              {r.mechanisms
                .filter((m) => m.status === 'inert')
                .map((m) => (
                  <li key={m.id}>
                    <b>{m.id}</b>: {m.reason}
                  </li>
                ))}
            </ul>
          </Card>
          <Card title={t('simulation.server')} testId="sim-server">
            <ServerRuns kind="simulate" scenarioId={state.id} variant={compare ? undefined : variant || undefined} options={{ runs: 10000, weeks: horizon, hindcast: true, ...(compare ? { compare } : {}) }} summarize={storedSummary} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
