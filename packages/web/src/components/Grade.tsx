/**
 * Grades of values (stated, implied, assumed; docs/scenario.md "Grades"): a badge, and what a value
 * rests on (its citation with the modeller's translation, its reading or assumption, its range, or
 * the values it is derived from), in the interface language. Pages that show scenario values
 * (parameter tables, sliders) use these beside the value; `gradedValues(scenario)` finds a value by
 * its readable JSON path, e.g. `$.models.deterrence.aeg.parameters.p_HH`.
 */
import type { Grade, GradedValue, Scenario } from '@brink/engine/scenario';
import { listGradedValues } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { useScenarioText } from '../lib/scenario-text';
import { formatValue } from '../lib/values';
import { CiteLink } from './Citation';

const cache = new WeakMap<Scenario, Map<string, GradedValue>>();

/** The scenario's graded values by readable path (computed once per scenario object). */
export function gradedValues(scenario: Scenario): Map<string, GradedValue> {
  let map = cache.get(scenario);
  if (!map) {
    map = new Map(listGradedValues(scenario).map((v) => [v.where, v]));
    cache.set(scenario, map);
  }
  return map;
}

export function GradeBadge({ grade, derived }: { grade: Grade; derived?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`grade grade-${grade}`} title={t(`grade.${grade}.hint` as MessageKey)} data-grade={grade}>
      {t(`grade.${grade}` as MessageKey)}
      {derived ? <span className="grade-derived" title={t('grade.derived.hint')}> · {t('grade.derived')}</span> : null}
    </span>
  );
}

/** What a value rests on: citation (with translation), reading or assumption, range, derivation. */
export function ValueProvenance({ value, showRange = false }: { value: GradedValue; showRange?: boolean }) {
  const { t } = useI18n();
  const text = useScenarioText();
  const english = value.cite ? text.quote(value.cite) : undefined;
  return (
    <div className="value-provenance">
      {value.cite ? (
        <div className="prov-cite">
          <CiteLink cite={value.cite} />
          {value.cite.support ? <span className={`support support-${value.cite.support}`}>{t(`scenario.support.${value.cite.support}` as MessageKey)}</span> : null}
          {english ? (
            <div className="translation" title={t('scenario.translationHint')}>
              “{english}” <span className="muted">({t('scenario.translation')})</span>
            </div>
          ) : null}
        </div>
      ) : null}
      {value.derived ? (
        <div className="prov-derived">
          {t('scenario.derivedFrom', { sources: value.derived.sources.map((s) => s.replace(/^\$\.models\.deterrence\./, '').replace('.parameters.', '.')).join(' + ') })}
          {value.derived.rationale ? <div className="muted">{text.prose(value.derived.rationale)}</div> : null}
        </div>
      ) : null}
      {value.note ? (
        <div className="prov-reading">
          <span className="prov-label">{t('scenario.reading')}:</span> {text.prose(value.note)}
        </div>
      ) : null}
      {value.assumption ? (
        <div className="prov-assumption">
          <span className="prov-label">{t('scenario.rationale')}:</span> {text.prose(value.assumption)}
        </div>
      ) : null}
      {showRange && value.range ? (
        <div className="muted">
          {t('common.range')} [{formatValue(value.range[0])}, {formatValue(value.range[1])}]
        </div>
      ) : null}
    </div>
  );
}
