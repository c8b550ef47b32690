/**
 * Evidence: paste or upload a news article (Chinese or English), read it with the engine's evidence
 * pipeline in the page (the same code as `brink ingest`), see it highlighted by kind (hover: the CAMEO
 * code, the resolved actor), the timeline of its coded events, what it changes in the scenario (a YAML
 * patch to review, never applied), and the stored articles (through the API when it is there).
 */
import { useEffect, useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import {
  analyseArticle,
  buildPatch,
  compareEvidence,
  evidenceGazetteer,
  parseGazetteerText,
  patchToYaml,
  type ArticleEvidence,
  type EvidenceReport,
  type Gazetteer,
} from '@brink/engine/evidence';
import type { Scenario } from '@brink/engine/scenario';
import defaultGazetteerYaml from '../../../../gazetteers/default.yaml?raw';
import exampleArticle from '../../../../examples/articles/2025-10-24-dprk-parade-missiles.txt?raw';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { useScenarioState } from '../lib/scenario-context';
import { Card, ErrorBox } from '../components/common';
import { Chart } from '../components/Chart';
import type { ChartOption } from '../lib/echarts';
import { getJson, postJson } from '../lib/api';
import { downloadText } from '../lib/download';

type Kind = 'mention' | 'quantity' | 'date' | 'event' | 'claim';
const KINDS: Kind[] = ['mention', 'quantity', 'date', 'event', 'claim'];

interface Mark {
  kind: Kind;
  start: number;
  end: number;
  title: string;
  sub?: string;
}

interface StoredSummary {
  id: string;
  date: string;
  language: string;
  fileName: string | null;
  counts: Record<string, number>;
}

let gazetteerCache: { scenario: Scenario; gazetteer: Gazetteer } | undefined;

function gazetteerFor(scenario: Scenario): Gazetteer {
  if (gazetteerCache?.scenario === scenario) return gazetteerCache.gazetteer;
  const gazetteer = evidenceGazetteer({ defaults: parseGazetteerText(defaultGazetteerYaml, 'gazetteers/default.yaml'), scenario });
  gazetteerCache = { scenario, gazetteer };
  return gazetteer;
}

function marksOf(ev: ArticleEvidence, modality: (m: string) => string): Mark[] {
  const marks: Mark[] = [];
  for (const m of ev.mentions) marks.push({ kind: 'mention', start: m.start, end: m.end, title: `${m.kind}: ${m.name_en ?? m.text}${m.id ? ` [${m.id}]` : ''}`, sub: m.kind });
  for (const q of ev.quantities) marks.push({ kind: 'quantity', start: q.start, end: q.end, title: `${q.approx ? `${q.approx} ` : ''}${q.value} ${q.unit}` });
  for (const d of ev.dates) marks.push({ kind: 'date', start: d.start, end: d.end, title: `${d.value}${d.relative ? ` (${d.range[0]} … ${d.range[1]})` : ''}` });
  for (const e of ev.events) {
    marks.push({
      kind: 'event',
      start: e.trigger.start,
      end: e.trigger.end,
      title: `CAMEO ${e.code} ${e.name} · Goldstein ${e.goldstein}${e.plover ? ` · ${e.plover}` : ''}\n${e.sources.join('+')} → ${e.targets.join('+') || '—'} · ${modality(e.modality)}`,
    });
  }
  for (const c of ev.claims) marks.push({ kind: 'claim', start: c.start, end: c.end, title: `${c.speaker_name_en ?? c.speaker} (${c.verb})` });
  return marks;
}

/** The text cut at every mark boundary; each piece carries the marks covering it. */
function Highlighted({ text, marks, shown }: { text: string; marks: Mark[]; shown: Set<Kind> }) {
  const visible = marks.filter((m) => shown.has(m.kind));
  const cuts = [...new Set([0, text.length, ...visible.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const over = visible.filter((m) => m.start <= a && m.end >= b);
    const piece = text.slice(a, b);
    if (over.length === 0) {
      pieces.push(piece);
      continue;
    }
    const classes = over.map((m) => `ev-${m.kind}${m.sub ? ` ev-${m.kind}-${m.sub}` : ''}`).join(' ');
    const kinds = [...new Set(over.map((m) => m.kind))].join(' ');
    pieces.push(
      <span key={a} className={classes} data-kinds={kinds} data-testid="evidence-mark" title={over.map((m) => m.title).join('\n')}>
        {piece}
      </span>,
    );
  }
  return <div className="evidence-text" data-testid="evidence-text">{pieces}</div>;
}

function eventDate(ev: ArticleEvidence, e: ArticleEvidence['events'][number]): string {
  return ev.dates.find((d) => d.start >= e.start && d.end <= e.end && !/s$/.test(d.value))?.value ?? ev.date;
}

function timelineOption(ev: ArticleEvidence, modality: (m: string) => string): ChartOption {
  const toTime = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y!, (m ?? 7) - 1, day ?? 15);
  };
  const quadColour = ['#2e7d32', '#66bb6a', '#ef6c00', '#c62828'];
  return {
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { data: { label: string } }) => p.data.label },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: -10, max: 10, name: 'Goldstein' },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: ev.events.map((e) => {
          const root = Number(e.root);
          const quad = root <= 5 ? 0 : root <= 8 ? 1 : root <= 13 ? 2 : 3;
          const date = eventDate(ev, e);
          return {
            value: [toTime(date), e.goldstein],
            itemStyle: { color: quadColour[quad], opacity: e.modality === 'past' || e.modality === 'ongoing' ? 0.9 : 0.35 },
            label: `<b>${date}</b> CAMEO ${e.code} ${e.name}<br/>${e.sources.join('+')} → ${e.targets.join('+') || '—'} (${modality(e.modality)})<br/><span style="color:#888">「${e.trigger.text}」</span>`,
          };
        }),
      },
    ],
  };
}

function Changes({ report, patchYaml }: { report: EvidenceReport; patchYaml: string }) {
  const { t } = useI18n();
  const empty = report.values.length + report.events.length + report.actors.length + report.mechanisms.length === 0;
  return (
    <div data-testid="evidence-changes">
      {empty ? <p>{t('evidence.noChanges')}</p> : null}
      {report.values.length > 0 ? (
        <>
          <h4>{t('evidence.values')}</h4>
          <ul>
            {report.values.map((v, i) => (
              <li key={i} data-testid="value-finding" data-status={v.status}>
                <span className={`status status-${v.status}`}>{t(`evidence.status.${v.status}` as MessageKey)}</span> <code>{v.path}</code> = {v.scenarioValue}
                {v.unit ? ` ${v.unit}` : ''} ← {v.quantity.text}
                {v.cited ? <div className="muted">「{v.cited}」</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.events.length > 0 ? (
        <>
          <h4>{t('evidence.newEvents')}</h4>
          <ul>
            {report.events.map((e, i) => (
              <li key={i} data-testid="event-finding">
                {e.date} · CAMEO {e.event.code} {e.event.name} · {e.event.sources.join('+')} → {e.event.targets.join('+') || '—'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.actors.length > 0 ? (
        <>
          <h4>{t('evidence.newActors')}</h4>
          <ul>
            {report.actors.map((a, i) => (
              <li key={i}>
                {a.name_en ?? a.text} ({a.kind}) ×{a.mentions}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.mechanisms.length > 0 ? (
        <>
          <h4>{t('evidence.mechanisms')}</h4>
          <ul>
            {report.mechanisms.map((m, i) => (
              <li key={i}>
                {m.sign} {m.cue}: 「{m.sentence.text}」
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('evidence.patch')}</h4>
      <button onClick={() => downloadText('evidence-patch.yaml', patchYaml, 'application/yaml')} data-testid="download-patch">
        {t('evidence.download')}
      </button>
      <pre className="evidence-patch" data-testid="evidence-patch">
        {patchYaml}
      </pre>
    </div>
  );
}

export default function EvidencePage() {
  const { t } = useI18n();
  const state = useScenarioState();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const [text, setText] = useState(exampleArticle);
  const [fileName, setFileName] = useState('2025-10-24-dprk-parade-missiles.txt');
  const [date, setDate] = useState('');
  const [lang, setLang] = useState('');
  const [shown, setShown] = useState<Set<Kind>>(new Set(KINDS));
  const [stored, setStored] = useState<StoredSummary[] | null>(null);
  const [storeMessage, setStoreMessage] = useState<string | null>(null);
  const [storeError, setStoreError] = useState<unknown>(null);
  const modality = (m: string) => t(`evidence.modality.${m}` as MessageKey);

  // Built once per scenario, not on every keystroke.
  const gazetteer = useMemo(() => (scenario ? gazetteerFor(scenario) : null), [scenario]);
  const result = useMemo(() => {
    if (!scenario || !gazetteer) return null;
    try {
      const evidence = analyseArticle(text, gazetteer, { fileName, ...(date ? { date } : {}), ...(lang ? { lang } : {}) });
      const articles = [{ id: 'article', file: fileName, text, evidence }];
      const report = compareEvidence(scenario, articles);
      const patchYaml = patchToYaml(buildPatch(scenario, report, articles), [`scenario: ${scenario.id} (as of ${scenario.asOf})`]);
      return { evidence, report, patchYaml, error: null };
    } catch (error) {
      return { evidence: null, report: null, patchYaml: '', error };
    }
  }, [scenario, gazetteer, text, fileName, date, lang]);

  const refreshStored = () => {
    getJson<{ articles: StoredSummary[] }>('/api/articles').then(
      (r) => setStored(r.articles),
      () => setStored(null),
    );
  };
  useEffect(refreshStored, []);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    void file.arrayBuffer().then((buf) => {
      try {
        setText(new TextDecoder('utf-8', { fatal: true }).decode(buf));
        setStoreError(null);
      } catch {
        setStoreError(new Error(`${file.name}: the file is not UTF-8 text`));
      }
      setFileName(file.name);
    });
  };

  const store = () => {
    setStoreMessage(null);
    setStoreError(null);
    postJson<{ created: boolean; article: { id: string } }>('/api/articles', { text, fileName, ...(date ? { date } : {}), ...(lang ? { lang } : {}), ...(scenario ? { scenarioId: scenario.id } : {}) }).then(
      (r) => {
        setStoreMessage(t(r.created ? 'evidence.stored' : 'evidence.alreadyStored', { id: r.article.id }));
        refreshStored();
      },
      (e: unknown) => setStoreError(e),
    );
  };

  const open = (id: string) => {
    getJson<{ text: string; fileName: string | null; date: string }>(`/api/articles/${encodeURIComponent(id)}`).then(
      (a) => {
        setText(a.text);
        setFileName(a.fileName ?? id);
        setDate('');
      },
      (e: unknown) => setStoreError(e),
    );
  };

  const ev = result?.evidence ?? null;
  const marks = useMemo(() => (ev ? marksOf(ev, modality) : []), [ev, t]);
  const option = useMemo(() => (ev && ev.events.length > 0 ? timelineOption(ev, modality) : null), [ev, t]);
  const counts: Record<Kind, number> = ev
    ? { mention: ev.mentions.length, quantity: ev.quantities.length, date: ev.dates.length, event: ev.events.length, claim: ev.claims.length }
    : { mention: 0, quantity: 0, date: 0, event: 0, claim: 0 };

  return (
    <div className="grid evidence-page">
      <Card title={t('evidence.input')} testId="evidence-input">
        <p className="hint">{t('evidence.inputHint')}</p>
        <div className="controls">
          <label>
            {t('evidence.upload')} <input type="file" accept=".txt,text/plain" onChange={onFile} data-testid="evidence-upload" />
          </label>
          <label>
            {t('evidence.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="evidence-date" />
          </label>
          <label>
            {t('evidence.language')}{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value)} data-testid="evidence-lang">
              <option value="">{t('evidence.auto')}</option>
              <option value="zh-Hant">zh-Hant</option>
              <option value="zh-Hans">zh-Hans</option>
              <option value="en">en</option>
            </select>
          </label>
          <button onClick={store} disabled={!ev} data-testid="evidence-store">
            {t('evidence.store')}
          </button>
        </div>
        <textarea className="evidence-input" rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="evidence-textarea" spellCheck={false} />
        {storeMessage ? <p data-testid="evidence-store-message">{storeMessage}</p> : null}
        {storeError ? <ErrorBox error={storeError} /> : null}
      </Card>
      {result?.error ? <ErrorBox error={result.error} /> : null}
      {ev ? (
        <>
          <Card title={t('evidence.text')} testId="evidence-result">
            <p className="hint" data-testid="evidence-summary">
              {t('evidence.summary', { language: ev.language, date: ev.date, sentences: ev.sentences.length })} · {t('evidence.textHint')}
            </p>
            <div className="evidence-legend">
              {KINDS.map((k) => (
                <label key={k} className={`legend-${k}`} data-testid={`legend-${k}`}>
                  <input
                    type="checkbox"
                    checked={shown.has(k)}
                    onChange={() => {
                      const next = new Set(shown);
                      if (next.has(k)) next.delete(k);
                      else next.add(k);
                      setShown(next);
                    }}
                  />{' '}
                  <span className={`ev-${k} swatch`}>{t(`evidence.kind.${k}` as MessageKey)}</span> {counts[k]}
                </label>
              ))}
            </div>
            <Highlighted text={text} marks={marks} shown={shown} />
          </Card>
          <div className="grid grid-2-even">
            <Card title={t('evidence.timeline')} testId="evidence-timeline">
              <p className="hint">{t('evidence.timelineHint')}</p>
              {option ? <Chart option={option} className="chart" testId="evidence-timeline-chart" /> : null}
              <table className="table" data-testid="evidence-events">
                <thead>
                  <tr>
                    <th>{t('evidence.code')}</th>
                    <th>{t('evidence.who')}</th>
                    <th>{t('evidence.modality')}</th>
                    <th>{t('evidence.quote')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ev.events.map((e, i) => (
                    <tr key={i}>
                      <td title={e.name}>
                        {e.code} <span className="muted">{e.plover ?? ''}</span>
                      </td>
                      <td>
                        {e.sources.join('+')} → {e.targets.join('+') || '—'}
                      </td>
                      <td>{modality(e.modality)}</td>
                      <td>「{e.trigger.text}」</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h4>{t('evidence.claims')}</h4>
              <ul data-testid="evidence-claims">
                {ev.claims.map((c, i) => (
                  <li key={i}>
                    <b>{c.speaker_name_en ?? c.speaker}</b> {c.verb}: 「{c.text}」
                  </li>
                ))}
              </ul>
            </Card>
            <Card title={t('evidence.changes')} testId="evidence-changes-card">
              <p className="hint">{t('evidence.changesHint')}</p>
              {result?.report ? <Changes report={result.report} patchYaml={result.patchYaml} /> : null}
            </Card>
          </div>
        </>
      ) : null}
      <Card title={t('evidence.storedArticles')} testId="evidence-stored">
        {stored === null ? <p className="muted">{t('evidence.offlineStore')}</p> : stored.length === 0 ? <p>{t('evidence.noStored')}</p> : null}
        {stored && stored.length > 0 ? (
          <table className="table" data-testid="stored-articles">
            <tbody>
              {stored.map((a) => (
                <tr key={a.id}>
                  <td>{a.date}</td>
                  <td>{a.language}</td>
                  <td>{a.fileName ?? a.id}</td>
                  <td>{t('evidence.counts', { mentions: a.counts.mentions ?? 0, events: a.counts.events ?? 0, claims: a.counts.claims ?? 0 })}</td>
                  <td>
                    <button onClick={() => open(a.id)}>{t('evidence.open')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Card>
    </div>
  );
}
