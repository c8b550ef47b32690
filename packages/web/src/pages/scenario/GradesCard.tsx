/** How much each number rests on the sources: counts of the three grades, per part of the scenario. */
import { useMemo } from 'react';
import { countGrades, GRADES, sectionOf, type GradedValue } from '@brink/engine/scenario';
import { Card } from '../../components/common';
import { Chart } from '../../components/Chart';
import { GradeBadge } from '../../components/Grade';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages';
import type { ChartOption } from '../../lib/echarts';

export const GRADE_COLOURS = { stated: '#2e7d4f', implied: '#2f5d9b', assumed: '#d08a00' } as const;

const SECTION_LABELS: Record<string, { en: string; 'zh-Hant': string }> = {
  actors: { en: 'Actors', 'zh-Hant': '行為者' },
  relations: { en: 'Relations', 'zh-Hant': '關係' },
  issues: { en: 'Issues', 'zh-Hant': '議題' },
  calibration: { en: 'Calibration', 'zh-Hant': '校準目標' },
  models: { en: 'Models', 'zh-Hant': '模型' },
  mechanisms: { en: 'Mechanisms', 'zh-Hant': '機制' },
  events: { en: 'Events', 'zh-Hant': '事件' },
};

/** The parts of a scenario in reading order: the model inputs first. */
const SECTION_ORDER = ['models', 'issues', 'relations', 'actors', 'calibration', 'mechanisms', 'events'];

/** Values ordered by part of the scenario (model inputs first), document order within a part. */
export function orderBySection<T extends { path: readonly (string | number)[] }>(values: readonly T[]): T[] {
  const rank = (v: T) => {
    const i = SECTION_ORDER.indexOf(String(v.path[0]));
    return i < 0 ? SECTION_ORDER.length : i;
  };
  return values.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((x) => x.v);
}

export function sectionLabel(section: string, lang: string): string {
  const l = SECTION_LABELS[section];
  return l ? (lang === 'zh-Hant' ? l['zh-Hant'] : l.en) : section;
}

export function GradesCard({ values }: { values: GradedValue[] }) {
  const { t, lang } = useI18n();
  const counts = countGrades(values);
  const option = useMemo(() => {
    const sections = [...new Set(values.map(sectionOf))];
    const per = sections.map((s) => countGrades(values.filter((v) => sectionOf(v) === s)));
    return {
      grid: { left: 90, right: 24, top: 34, bottom: 24 },
      legend: { top: 0, data: GRADES.map((g) => t(`grade.${g}` as MessageKey)) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: sections.map((s) => sectionLabel(s, lang)), inverse: true },
      series: GRADES.map((g) => ({
        name: t(`grade.${g}` as MessageKey),
        type: 'bar',
        stack: 'grades',
        data: per.map((c) => c[g]),
        itemStyle: { color: GRADE_COLOURS[g] },
        label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: '#fff', fontSize: 11 },
      })),
    } as ChartOption;
  }, [values, t, lang]);
  return (
    <Card title={t('grade.title')} testId="card-grades">
      <p data-testid="grade-summary">
        {t('grade.summary', { total: counts.total, stated: counts.stated, implied: counts.implied, assumed: counts.assumed, context: counts.context, derived: counts.derived })}
      </p>
      <ul className="grade-legend">
        {GRADES.map((g) => (
          <li key={g}>
            <GradeBadge grade={g} /> <span className="muted">{t(`grade.${g}.hint` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      <p className="hint">{t('grade.chartHint')}</p>
      <Chart option={option} testId="grades-chart" />
    </Card>
  );
}
