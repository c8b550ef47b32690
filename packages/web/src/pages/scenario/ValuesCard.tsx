/**
 * Every number of the scenario with its grade and what it rests on (the citation with the modeller's
 * translation, the reading of an implied value, the rationale of an assumed one, the range), and
 * every cited statement (events, actors, relations...) with its citation.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { GRADES, type Grade, type GradedValue, type Scenario } from '@brink/engine/scenario';
import { Card } from '../../components/common';
import { GradeBadge, ValueProvenance } from '../../components/Grade';
import { Provenance } from '../../components/Citation';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages';
import { useScenarioText } from '../../lib/scenario-text';
import { formatValue, listCitedValues } from '../../lib/values';
import { sectionLabel } from './GradesCard';

/** A JSON path that wraps at its dots and brackets, never inside a word. */
export function PathText({ path }: { path: string }) {
  const parts = path.replace(/^\$\./, '').split(/(?=[.[])/);
  const out: ReactNode[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(<wbr key={`w${i}`} />);
    out.push(p);
  });
  return <code className="path">{out}</code>;
}

export function ValuesCard({ scenario, values }: { scenario: Scenario; values: GradedValue[] }) {
  const { t, lang, name } = useI18n();
  const text = useScenarioText();
  const [tab, setTab] = useState<'numbers' | 'statements'>('numbers');
  const [filter, setFilter] = useState('');
  const [grade, setGrade] = useState<Grade | 'all'>('all');
  const statements = useMemo(() => listCitedValues(scenario).filter((e) => e.statement !== undefined), [scenario]);
  const needle = filter.trim().toLowerCase();
  const shownValues = values.filter(
    (v) =>
      (grade === 'all' || v.grade === grade) &&
      (needle === '' ||
        `${v.where} ${v.value} ${v.cite?.quote ?? ''} ${v.cite ? (text.quote(v.cite) ?? '') : ''} ${v.note ?? ''} ${v.assumption ?? ''} ${text.prose(v.note)} ${text.prose(v.assumption)}`.toLowerCase().includes(needle)),
  );
  const shownStatements = statements.filter((e) => needle === '' || `${e.path} ${e.statement ?? ''} ${e.cite?.quote ?? ''} ${e.assumption ?? ''}`.toLowerCase().includes(needle));
  return (
    <Card
      title={t('scenario.values')}
      testId="card-values"
      actions={
        <>
          <div className="segmented" role="tablist">
            <button role="tab" aria-selected={tab === 'numbers'} className={tab === 'numbers' ? 'active' : ''} onClick={() => setTab('numbers')} data-testid="tab-numbers">
              {t('scenario.numbers')}
            </button>
            <button role="tab" aria-selected={tab === 'statements'} className={tab === 'statements' ? 'active' : ''} onClick={() => setTab('statements')} data-testid="tab-statements">
              {t('scenario.statements')}
            </button>
          </div>
          <input type="search" placeholder={t('scenario.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="values-filter" />
          {tab === 'numbers' ? (
            <select value={grade} onChange={(e) => setGrade(e.target.value as Grade | 'all')} aria-label={t('grade.filter')} data-testid="grade-filter">
              <option value="all">{t('grade.all')}</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`grade.${g}` as MessageKey)}
                </option>
              ))}
            </select>
          ) : null}
          <span className="muted">{t('scenario.count', { n: tab === 'numbers' ? shownValues.length : shownStatements.length })}</span>
        </>
      }
    >
      <div className="table-scroll">
        {tab === 'numbers' ? (
          <table data-testid="values-table" className="scenario-table values-table">
            <thead>
              <tr>
                <th className="col-path">{t('scenario.path')}</th>
                <th className="col-num">{t('common.value')}</th>
                <th className="col-num">{t('common.range')}</th>
                <th className="col-grade">{t('scenario.grade')}</th>
                <th>{t('scenario.provenance')}</th>
              </tr>
            </thead>
            <tbody>
              {shownValues.map((v) => (
                <tr key={v.where} data-grade={v.grade}>
                  <td>
                    <span className="section-tag">{sectionLabel(String(v.path[0]), lang)}</span>
                    <PathText path={v.where} />
                  </td>
                  <td className="num">
                    {formatValue(v.value)} {v.unit ? <span className="muted">{v.unit}</span> : null}
                  </td>
                  <td className="num">{v.range ? `[${formatValue(v.range[0])}, ${formatValue(v.range[1])}]` : ''}</td>
                  <td>
                    <GradeBadge grade={v.grade} derived={v.derived !== undefined} />
                  </td>
                  <td>
                    <ValueProvenance value={v} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table data-testid="statements-table" className="scenario-table statements-table">
            <thead>
              <tr>
                <th className="col-path">{t('scenario.path')}</th>
                <th>{t('common.value')}</th>
                <th>{t('scenario.provenance')}</th>
              </tr>
            </thead>
            <tbody>
              {shownStatements.map((e) => (
                <tr key={e.path}>
                  <td>
                    <PathText path={e.path} />
                  </td>
                  <td>{statementText(scenario, e.path, e.statement ?? '', name, text.prose)}</td>
                  <td>
                    <Provenance item={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}

/** A statement in the interface language: the element's multilingual title or name, else its prose. */
function statementText(scenario: Scenario, path: string, fallback: string, name: (m: { en: string }) => string, prose: (x: string) => string): string {
  const m = /^\$\.(\w+)\[id=([^\]]+)\]$/.exec(path);
  if (m) {
    const list = (scenario as unknown as Record<string, { id: string; title?: { en: string }; names?: { en: string }; cause?: string; effect?: string }[]>)[m[1]!];
    const el = Array.isArray(list) ? list.find((x) => x.id === m[2]) : undefined;
    if (el?.title) return name(el.title);
    if (el?.names) return name(el.names);
    if (el?.cause !== undefined && el.effect !== undefined) return `${prose(el.cause)} → ${prose(el.effect)}`;
  }
  return prose(fallback);
}
