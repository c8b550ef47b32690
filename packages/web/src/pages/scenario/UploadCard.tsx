/**
 * Upload a scenario: the file (or pasted text) is checked in the engine worker exactly as
 * `brink scenario validate` checks it (syntax with line:col, schema, quotes and their grades, every
 * variant, what each bound model needs), then the server stores it as a new version after checking
 * it again. Errors name their place; nothing is stored when a check fails.
 */
import { useState } from 'react';
import { parseScenarioText } from '@brink/engine/scenario';
import { Card, ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n/context';
import { loadSourceText } from '../../lib/api';
import { storeScenario } from '../../lib/scenario-api';
import { runInWorker } from '../../worker/client';
import type { ScenarioCheckResult } from '../../worker/scenario';

export function UploadCard({ scenarioId, offline }: { scenarioId: string; offline: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('scenario.yaml');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ScenarioCheckResult | null>(null);
  const [stored, setStored] = useState<{ id: string; version: number; created: boolean } | null>(null);

  /** The texts of the stored sources the text quotes (from the server, else the bundled copies). */
  const sourceTexts = async (): Promise<Record<string, string>> => {
    let data: unknown;
    try {
      data = parseScenarioText(text, fileName);
    } catch {
      return {}; // the worker reports the syntax error with its place
    }
    const sources = (data as { sources?: { id?: unknown; file?: unknown }[] })?.sources;
    const out: Record<string, string> = {};
    for (const s of Array.isArray(sources) ? sources : []) {
      if (typeof s?.id !== 'string' || typeof s.file !== 'string') continue;
      try {
        out[s.id] = await loadSourceText(scenarioId, s.id, s.file);
      } catch {
        throw new Error(t('upload.missingSource', { id: s.id }));
      }
    }
    return out;
  };

  const run = async (store: boolean) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setStored(null);
    try {
      const sources = await sourceTexts();
      const checked = await runInWorker('scenario.check', { text, fileName, sources }, { lane: 'scenario-check' });
      setResult(checked);
      if (store) setStored(await storeScenario(text, sources));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('upload.title')} testId="card-upload">
      <p className="hint">{t('upload.hint')}</p>
      <div className="upload-row">
        <label className="file-button">
          {t('upload.file')}
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            data-testid="upload-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              void file.text().then(setText);
            }}
          />
        </label>
        <span className="muted">{fileName}</span>
      </div>
      <label className="muted" htmlFor="upload-text">
        {t('upload.paste')}
      </label>
      <textarea id="upload-text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="upload-text" />
      <div className="upload-row">
        <button onClick={() => void run(false)} disabled={busy || text.trim() === ''} data-testid="upload-check">
          {t('upload.check')}
        </button>
        {!offline ? (
          <button onClick={() => void run(true)} disabled={busy || text.trim() === ''} data-testid="upload-store">
            {t('upload.store')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {result ? (
        <p className="notice" data-testid="upload-result">
          {t('upload.ok', { values: result.grades.total, stated: result.grades.stated, implied: result.grades.implied, assumed: result.grades.assumed, variants: result.variants })}
        </p>
      ) : null}
      {stored ? (
        <p className="notice" data-testid="upload-stored">
          {t(stored.created ? 'upload.stored' : 'upload.known', { id: stored.id, version: stored.version })}{' '}
          <a href={`?scenario=${encodeURIComponent(stored.id)}`}>{t('upload.open')}</a>
        </p>
      ) : null}
    </Card>
  );
}
