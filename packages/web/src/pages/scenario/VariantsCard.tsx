/**
 * The variants side by side: each change with its baseline and variant value (actor names and
 * lists in the interface language, never cut off), its grade, rationale and citation.
 */
import { gradeOfCited, readablePath, resolvePath, type Scenario } from '@brink/engine/scenario';
import { Card } from '../../components/common';
import { CiteLink } from '../../components/Citation';
import { GradeBadge, gradedValues } from '../../components/Grade';
import { useI18n } from '../../i18n/context';
import { useScenarioText } from '../../lib/scenario-text';
import { formatValue, valueAtPath } from '../../lib/values';
import { PathText } from './ValuesCard';

export function VariantsCard({ scenario }: { scenario: Scenario }) {
  const { t, name } = useI18n();
  const text = useScenarioText();
  const labels = {
    actor: (id: string) => (scenario.actors.some((a) => a.id === id) ? text.actor(id) : undefined),
    items: (n: number) => t('scenario.items', { n }),
    fields: (n: number) => t('scenario.fields', { n }),
    name,
    prose: text.prose,
  };
  const baseGrades = gradedValues(scenario);
  return (
    <Card title={t('scenario.variants')} testId="card-variants">
      <div className="variant-grid">
        {scenario.variants.map((v) => (
          <div className="variant" key={v.id} data-testid="variant">
            <h3>{name(v.title)}</h3>
            {v.description ? <p className="muted">{text.prose(v.description)}</p> : null}
            <table className="scenario-table variant-table">
              <thead>
                <tr>
                  <th>{t('scenario.change')}</th>
                  <th>{t('scenario.from')}</th>
                  <th>{t('scenario.to')}</th>
                </tr>
              </thead>
              <tbody>
                {v.changes.map((c) => {
                  const before = valueAtPath(scenario, c.path);
                  const owner = c.path.replace(/\.value$/, '');
                  const baseGrade = baseGrades.get(readable(scenario, owner));
                  const after = c.value as { cite?: { support?: string }; assumption?: string; note?: string } | undefined;
                  const afterGrade = after && typeof after === 'object' && !Array.isArray(after) && 'value' in after ? gradeOfCited(after) : undefined;
                  return (
                    <tr key={c.path}>
                      <td>
                        <PathText path={c.path} />
                        {c.rationale ? <div className="muted">{text.prose(c.rationale)}</div> : null}
                        {after && typeof after === 'object' && !Array.isArray(after) && (after.note || after.assumption) ? <div className="muted">{text.prose(after.note ?? after.assumption)}</div> : null}
                        {c.cite ? <CiteLink cite={c.cite} short={24} /> : null}
                        {after && typeof after === 'object' && !Array.isArray(after) && 'cite' in after && after.cite ? <CiteLink cite={after.cite as never} short={24} /> : null}
                      </td>
                      <td className="val">
                        {formatValue(before, labels)}
                        {baseGrade ? (
                          <div>
                            <GradeBadge grade={baseGrade.grade} />
                          </div>
                        ) : null}
                      </td>
                      <td className="val">
                        <b>{formatValue(c.value, labels)}</b>
                        {afterGrade ? (
                          <div>
                            <GradeBadge grade={afterGrade} />
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </Card>
  );
}

/** The readable path (with [id=...] selectors) of a variant change's target. */
function readable(scenario: Scenario, path: string): string {
  try {
    return readablePath(scenario, resolvePath(scenario, path));
  } catch {
    return path;
  }
}
