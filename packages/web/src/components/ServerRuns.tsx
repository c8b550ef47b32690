/**
 * Runs an analysis on the server, where it is stored with its provenance: a button, a progress bar
 * fed by server-sent events, a cancel button, the result's summary, and the last stored runs.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { followRun, listRuns, submitRun, type RunRecord } from '../lib/runs';
import { ErrorBox, ProgressBar } from './common';

export function ServerRuns({
  kind,
  scenarioId,
  variant,
  options,
  summarize,
}: {
  kind: string;
  scenarioId: string;
  variant?: string;
  options: Record<string, unknown>;
  summarize: (run: RunRecord) => ReactNode;
}) {
  const { t } = useI18n();
  const [running, setRunning] = useState<AbortController | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [last, setLast] = useState<RunRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stored, setStored] = useState<RunRecord[]>([]);
  const refresh = useCallback(() => {
    listRuns(kind, scenarioId).then(setStored, () => setStored([]));
  }, [kind, scenarioId]);
  useEffect(refresh, [refresh]);

  const run = async () => {
    const controller = new AbortController();
    setRunning(controller);
    setError(null);
    setProgress(0);
    try {
      const { id } = await submitRun({ kind, scenarioId, ...(variant ? { variant } : {}), options });
      const record = await followRun(id, setProgress, controller.signal);
      setLast(record);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(e);
    } finally {
      setRunning(null);
      setProgress(null);
      refresh();
    }
  };

  return (
    <div data-testid={`server-runs-${kind}`}>
      <div className="toolbar">
        <button className="primary" onClick={() => void run()} disabled={running !== null} data-testid="server-run">
          {t('runs.run')}
        </button>
        {running ? (
          <button className="secondary" onClick={() => running.abort()}>
            {t('runs.cancel')}
          </button>
        ) : null}
        <span className="hint">{t('runs.hint')}</span>
      </div>
      {running ? <ProgressBar value={progress} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {last ? (
        <div className="stored-run" data-testid="server-run-result">
          <b>{t('runs.stored')}</b> <a href={`/api/runs/${last.id}`}>{last.id.slice(0, 8)}</a> · {t(`runs.state.${last.status}`)} · {summarize(last)}
        </div>
      ) : null}
      {stored.length ? (
        <table>
          <thead>
            <tr>
              <th>{t('runs.id')}</th>
              <th style={{ whiteSpace: 'nowrap' }}>{t('runs.status')}</th>
              <th>{t('runs.options')}</th>
              <th>{t('runs.created')}</th>
            </tr>
          </thead>
          <tbody>
            {stored.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/api/runs/${r.id}`}>{r.id.slice(0, 8)}</a>
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>{t(`runs.state.${r.status}`)}</td>
                <td>
                  {Object.entries(r.provenance.options ?? {}).map(([key, value]) => (
                    <span key={key} className="tag">
                      {key}: {typeof value === 'object' ? JSON.stringify(value) : String(value)}
                    </span>
                  ))}
                  {r.provenance.variant ? <span className="tag">{r.provenance.variant}</span> : null}
                </td>
                <td>{r.createdAt.replace('T', ' ').slice(0, 19)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
