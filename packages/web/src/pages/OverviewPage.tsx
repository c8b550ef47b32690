/** Overview: the actors network, the timeline of events, and the scenario's mechanisms. */
import { useMemo, useState } from 'react';
import type { Scenario } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import { useScenarioState, actorIndex } from '../lib/scenario-context';
import { Card } from '../components/common';
import { ActorNetwork } from '../components/ActorNetwork';
import { Chart } from '../components/Chart';
import { Provenance } from '../components/Citation';
import { useScenarioText } from '../lib/scenario-text';
import type { ChartOption } from '../lib/echarts';
import type { MessageKey } from '../i18n/messages';
import { eventKindName, unitName } from '../i18n/scenario-terms';

/** "2024", "2024-06", "2024-06-19" -> a timestamp (first day of the period), UTC. */
export function dateValue(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
}

function timelineOption(scenario: Scenario, name: (m: Scenario['events'][number]['title']) => string, expectedLabel: string, kindName: (kind: string) => string): ChartOption {
  const events = [...scenario.events].sort((a, b) => dateValue(a.date) - dateValue(b.date));
  const kinds = [...new Set(events.map((e) => e.kind))];
  const actors = actorIndex(scenario);
  return {
    grid: { left: 110, right: 30, top: 20, bottom: 50 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { value: [number, string]; title: string; date: string; who: string; expected: boolean } }) =>
        `<b>${p.data.date}</b> ${p.data.expected ? `(${expectedLabel})` : ''}<br/>${p.data.title}<br/><span style="color:#888">${p.data.who}</span>`,
    },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: kinds, axisLabel: { fontSize: 11, formatter: (kind: string) => kindName(kind) } },
    // Open on the last ten years before the scenario's date; the slider shows the whole history.
    dataZoom: [
      { type: 'inside', startValue: dateValue(scenario.asOf) - 10 * 365.25 * 864e5 },
      { type: 'slider', height: 16, bottom: 8, startValue: dateValue(scenario.asOf) - 10 * 365.25 * 864e5 },
    ],
    series: [
      {
        type: 'scatter',
        symbolSize: 13,
        data: events.map((e) => ({
          value: [dateValue(e.date), e.kind],
          title: name(e.title),
          date: e.date + (e.endDate ? ` – ${e.endDate}` : ''),
          who: e.actors.map((a) => (actors.get(a) ? name(actors.get(a)!.names) : a)).join(', '),
          expected: e.status === 'expected',
          itemStyle: e.status === 'expected' ? { color: '#fff', borderColor: '#b4302a', borderWidth: 2 } : { color: '#b4302a' },
        })),
        emphasis: { label: { show: true } },
        label: { show: false, position: 'right', fontSize: 10, formatter: (p: { data: { title: string } }) => p.data.title.slice(0, 22), color: '#5b6475' },
        labelLayout: { hideOverlap: true },
      },
    ],
  } as ChartOption;
}

export default function OverviewPage() {
  const state = useScenarioState();
  const { t, name, lang } = useI18n();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const [selected, setSelected] = useState<string | null>(null);
  const option = useMemo(() => (scenario ? timelineOption(scenario, name, t('overview.expected'), (kind) => eventKindName(kind, lang)) : null), [scenario, name, t, lang]);
  const text = useScenarioText();
  if (!scenario || !option) return null;
  const actors = actorIndex(scenario);
  return (
    <div className="grid">
      <div className="stats" data-testid="overview-stats">
        <span><b>{scenario.actors.length}</b>{t('overview.actors')}</span>
        <span><b>{scenario.relations.length}</b>{t('overview.relations')}</span>
        <span><b>{scenario.events.length}</b>{t('overview.events')}</span>
        <span><b>{scenario.sources.length}</b>{t('overview.sources')}</span>
      </div>
      <div className="grid grid-2">
        <Card title={t('overview.network')} testId="card-network">
          <p className="hint">{t('overview.networkHint')}</p>
          <ActorNetwork scenario={scenario} onSelect={setSelected} />
          {selected && actors.get(selected) ? <ActorDetails scenario={scenario} actorId={selected} /> : <p className="hint">{t('overview.clickActor')}</p>}
        </Card>
        <Card title={t('overview.timeline')} testId="card-timeline">
          <Chart option={option} className="chart-tall" testId="timeline-chart" />
          <div className="table-scroll events-table">
            <table data-testid="events-table">
              <tbody>
                {[...scenario.events]
                  .sort((a, b) => dateValue(b.date) - dateValue(a.date))
                  .map((e) => (
                    <tr key={e.id}>
                      <td className="num">{e.date}</td>
                      <td>
                        {name(e.title)} {e.status === 'expected' ? <span className="tag">{t('overview.expected')}</span> : null}
                        <div className="muted">{e.actors.map((a) => (actors.get(a) ? name(actors.get(a)!.names) : a)).join(' · ')}</div>
                      </td>
                      <td>
                        <Provenance item={e} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
      <Card title={t('overview.mechanisms')} testId="card-mechanisms">
        <div className="mechanisms">
          {scenario.mechanisms.map((m) => (
            <div className="mechanism" key={m.id} data-testid="mechanism">
              <h3>
                <span className="chain">{text.prose(m.cause)}</span>{' '}
                <span className={m.sign === '+' ? 'sign-plus' : m.sign === '-' ? 'sign-minus' : 'sign-none'} title={m.sign === '0' ? 'no effect reported' : undefined}>
                  {m.sign === '+' ? '→ ↑' : m.sign === '-' ? '→ ↓' : '→ ○'}
                </span>{' '}
                <span className="chain">{text.prose(m.effect)}</span>
              </h3>
              {m.description ? <p>{text.prose(m.description)}</p> : null}
              {m.actors?.length ? <p>{m.actors.map((a) => (actors.get(a) ? name(actors.get(a)!.names) : a)).join(' · ')}</p> : null}
              {m.strength ? <p>{t('overview.strength')} {m.strength.value}{m.strength.range ? ` [${m.strength.range[0]}, ${m.strength.range[1]}]` : ''}</p> : null}
              <Provenance item={m} />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}

/** What the scenario says about one actor: role, description, capabilities, relations, with citations. */
function ActorDetails({ scenario, actorId }: { scenario: Scenario; actorId: string }) {
  const { name, t, lang } = useI18n();
  const actors = actorIndex(scenario);
  const actor = actors.get(actorId)!;
  const label = (id: string) => (actors.get(id) ? name(actors.get(id)!.names) : id);
  const relations = scenario.relations.filter((r) => r.from === actorId || r.to === actorId);
  return (
    <div className="actor-details" data-testid="actor-details">
      <h3>
        {name(actor.names)} <span className="muted">{actor.names.en !== name(actor.names) ? actor.names.en : actor.names['zh-Hant']}</span>
      </h3>
      {actor.role ? <p className="muted">{actor.role}</p> : null}
      {actor.description ? <p>{actor.description}</p> : null}
      <Provenance item={actor} />
      {actor.capabilities?.length ? (
        <ul>
          {actor.capabilities.map((c) => (
            <li key={c.id}>
              {c.description} {c.amount ? <b>({c.amount.value.toLocaleString(lang)}{c.amount.unit ? ` ${unitName(c.amount.unit, lang)}` : ''})</b> : null} <Provenance item={c} />
            </li>
          ))}
        </ul>
      ) : null}
      {relations.length ? (
        <table>
          <tbody>
            {relations.map((r) => (
              <tr key={r.id}>
                <td>{t(`relation.${r.type}` as MessageKey)}</td>
                <td>
                  {label(r.from)} → {label(r.to)}
                  {r.description ? <div className="muted">{r.description}</div> : null}
                </td>
                <td className="num">{r.strength ? r.strength.value : ''}</td>
                <td>
                  <Provenance item={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
