/** Small shared pieces: error box (with the place), progress bar, section card. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { translateReason } from '../i18n/error-text';

export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const { t, lang } = useI18n();
  const e = error as { message?: string; reason?: string; place?: string; expected?: string };
  // An input error's reason in the interface language (its place is shown below), else the message.
  const translated = typeof e?.reason === 'string' ? translateReason(e.reason, lang) : null;
  return (
    <div className="error-box" role="alert">
      <strong>{title ?? t('common.error')}</strong>
      <div className="error-message">{translated ?? e?.message ?? String(error)}</div>
      {translated && lang !== 'en' ? <div className="muted error-original">{e.reason}</div> : null}
      {e?.place ? (
        <div className="error-place">
          {t('common.place')}: <code>{e.place}</code>
        </div>
      ) : null}
      {e?.expected ? <div className="error-expected">{e.expected}</div> : null}
    </div>
  );
}

export function ProgressBar({ value, label }: { value: number | null; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value === null ? undefined : Math.round(value * 100)}>
      <div className={value === null ? 'progress-bar indeterminate' : 'progress-bar'} style={value === null ? undefined : { width: `${Math.round(value * 100)}%` }} />
      <span className="progress-label">{label ?? t('progress.running')}</span>
    </div>
  );
}

export function Card({ title, children, className, actions, testId }: { title: ReactNode; children: ReactNode; className?: string; actions?: ReactNode; testId?: string }) {
  return (
    <section className={`card ${className ?? ''}`} data-testid={testId}>
      <header className="card-header">
        <h2>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <div className="loading">{t('common.loading')}</div>;
}

/**
 * A labelled choice of the scenario's variants, with the base scenario as the empty value (`''`);
 * `baseLabel` names that first option.
 */
export function VariantSelect({
  label,
  baseLabel,
  variants,
  value,
  onChange,
  testId,
}: {
  label: string;
  baseLabel: string;
  variants: readonly { id: string; title: Parameters<ReturnType<typeof useI18n>['name']>[0] }[];
  value: string;
  onChange: (id: string) => void;
  testId?: string;
}) {
  const { name } = useI18n();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{baseLabel}</option>
        {variants.map((v) => (
          <option key={v.id} value={v.id}>
            {name(v.title)}
          </option>
        ))}
      </select>
    </label>
  );
}
