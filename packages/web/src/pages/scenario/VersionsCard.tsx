/**
 * The stored versions of the scenario: list, compare two (values with their grades and citations,
 * elements, other fields), restore an earlier one (it becomes the newest; nothing is deleted).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiffValue } from '@brink/engine/scenario';
import { Card, ErrorBox } from '../../components/common';
import { CiteLink } from '../../components/Citation';
import { GradeBadge } from '../../components/Grade';
import { useI18n } from '../../i18n/context';
import { useScenarioText } from '../../lib/scenario-text';
import { formatValue } from '../../lib/values';
import { diffVersions, listVersions, restoreVersion, type ScenarioVersion, type VersionDiff } from '../../lib/scenario-api';
import { PathText } from './ValuesCard';

export function VersionsCard({ scenarioId, offline }: { scenarioId: string; offline: boolean }) {
  const { t } = useI18n();
  const [versions, setVersions] = useState<ScenarioVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => {
    listVersions(scenarioId).then(
      (list) => {
        setVersions(list);
        const latest = list[list.length - 1]?.version ?? null;
        setTo(latest);
        setFrom(list.length > 1 ? list[list.length - 2]!.version : latest);
      },
      (e: unknown) => setError(e),
    );
  }, [scenarioId]);
  useEffect(() => {
    if (!offline) refresh();
  }, [offline, refresh]);
  useEffect(() => {
    if (from === null || to === null || from === to) {
      setDiff(null);
      return;
    }
    let live = true;
    diffVersions(scenarioId, from, to).then(
      (d) => live && setDiff(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [scenarioId, from, to]);

  const restore = async (v: number) => {
    if (!window.confirm(t('versions.restoreConfirm', { v }))) return;
    try {
      const r = await restoreVersion(scenarioId, v);
      setMessage(t('versions.restored', { v, n: r.version }));
      refresh();
    } catch (e) {
      setError(e);
    }
  };

  if (offline) {
    return (
      <Card title={t('versions.title')} testId="card-versions">
        <p className="hint">{t('versions.offline')}</p>
      </Card>
    );
  }
  const latest = versions?.[versions.length - 1]?.version;
  return (
    <Card title={t('versions.title')} testId="card-versions">
      <p className="hint">{t('versions.hint')}</p>
      {error ? <ErrorBox error={error} /> : null}
      {message ? (
        <p className="notice" data-testid="versions-message">
          {message}{' '}
          <a href={window.location.pathname + window.location.search} onClick={() => window.location.reload()}>
            ↻
          </a>
        </p>
      ) : null}
      {versions ? (
        <table className="scenario-table versions-table" data-testid="versions-table">
          <thead>
            <tr>
              <th>{t('versions.version')}</th>
              <th>{t('versions.created')}</th>
              <th>{t('versions.hash')}</th>
              <th>{t('versions.from')}</th>
              <th>{t('versions.to')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td>
                  v{v.version} {v.version === latest ? <span className="tag">{t('versions.latest')}</span> : null}
                  {v.restoredFrom !== null ? <div className="muted">{t('versions.restores', { v: v.restoredFrom })}</div> : null}
                </td>
                <td className="num">{new Date(v.createdAt).toLocaleString()}</td>
                <td>
                  <code title={v.hash}>{v.hash.replace(/^sha256:/, '').slice(0, 12)}</code>
                </td>
                <td>
                  <input type="radio" name="diff-from" checked={from === v.version} onChange={() => setFrom(v.version)} aria-label={`${t('versions.from')} v${v.version}`} />
                </td>
                <td>
                  <input type="radio" name="diff-to" checked={to === v.version} onChange={() => setTo(v.version)} aria-label={`${t('versions.to')} v${v.version}`} />
                </td>
                <td>
                  {v.version !== latest ? (
                    <button className="secondary" onClick={() => void restore(v.version)} data-testid={`restore-${v.version}`}>
                      {t('versions.restore')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {diff ? <DiffView diff={diff} /> : null}
    </Card>
  );
}

function Side({ v }: { v: DiffValue | undefined }) {
  if (!v) return <span className="muted">—</span>;
  return (
    <span>
      {formatValue(v.value)}
      {v.range ? <span className="muted"> [{formatValue(v.range[0])}, {formatValue(v.range[1])}]</span> : null} <GradeBadge grade={v.grade} derived={v.derived !== undefined} />
    </span>
  );
}

function DiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useI18n();
  const text = useScenarioText();
  const empty = diff.values.length === 0 && diff.elements.length === 0 && diff.other.length === 0;
  return (
    <div className="diff" data-testid="version-diff">
      <h3>
        v{diff.from} → v{diff.to}
      </h3>
      {empty ? <p>{t('versions.noChange')}</p> : <p>{t('versions.changes', { values: diff.values.length, elements: diff.elements.length, other: diff.other.length + diff.truncated })}</p>}
      {diff.values.length ? (
        <table className="scenario-table">
          <thead>
            <tr>
              <th>{t('versions.what')}</th>
              <th>{t('versions.before')}</th>
              <th>{t('versions.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.values.map((v) => {
              const side = v.after ?? v.before!;
              return (
                <tr key={v.where} data-change={v.change}>
                  <td>
                    <PathText path={v.where} />
                    {side.cite ? <CiteLink cite={side.cite} short={28} /> : null}
                    {side.cite && text.quote(side.cite) ? <div className="translation">“{text.quote(side.cite)}”</div> : null}
                    {side.note || side.assumption ? <div className="muted">{text.prose(side.note ?? side.assumption)}</div> : null}
                  </td>
                  <td>
                    <Side v={v.before} />
                  </td>
                  <td>
                    <Side v={v.after} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {diff.elements.length ? (
        <ul>
          {diff.elements.map((e) => (
            <li key={`${e.list}-${e.id}`}>
              {e.change === 'added' ? t('versions.added') : t('versions.removed')}: <code>{`${e.list}[id=${e.id}]`}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {diff.other.length ? (
        <table className="scenario-table">
          <tbody>
            {diff.other.slice(0, 60).map((o) => (
              <tr key={o.where}>
                <td>
                  <PathText path={o.where} />
                </td>
                <td className="val">{formatValue(o.before)}</td>
                <td className="val">{formatValue(o.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
