/**
 * Citations: `<CiteLink cite={...} />` shows the source and a short quote; clicking it opens the
 * source's stored text in a side drawer with the quote highlighted and scrolled into view.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Cite } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import { loadSourceText } from '../lib/api';
import { findQuote } from '../lib/quote';
import { useScenarioState } from '../lib/scenario-context';
import { useScenarioText } from '../lib/scenario-text';
import { ErrorBox, Loading } from './common';

const OpenCiteContext = createContext<(cite: Cite) => void>(() => undefined);

export function CitationProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<Cite | null>(null);
  const openCite = useCallback((cite: Cite) => setOpen(cite), []);
  return (
    <OpenCiteContext.Provider value={openCite}>
      {children}
      {open ? <SourceDrawer cite={open} onClose={() => setOpen(null)} /> : null}
    </OpenCiteContext.Provider>
  );
}

export function useOpenCite() {
  return useContext(OpenCiteContext);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function CiteLink({ cite, short = 40 }: { cite: Cite; short?: number }) {
  const open = useOpenCite();
  return (
    <button className="cite-button" data-testid="cite-link" onClick={() => open(cite)} title={cite.quote ?? cite.locator}>
      [{cite.source}] {cite.quote ? <span className="quote-preview">「{shorten(cite.quote, short)}」</span> : cite.locator}
    </button>
  );
}

/** Provenance of a cited element: the citation, or the assumption (in the interface language) with its range. */
export function Provenance({ item }: { item: { cite?: Cite; assumption?: string; range?: [number, number] } }) {
  const { t } = useI18n();
  const text = useScenarioText();
  if (item.cite) return <CiteLink cite={item.cite} />;
  if (item.assumption)
    return (
      <span>
        <span className="tag assumption">{t('common.assumption')}</span> <span className="muted">{text.prose(item.assumption)}</span>
      </span>
    );
  return null;
}

function SourceDrawer({ cite, onClose }: { cite: Cite; onClose: () => void }) {
  const { t } = useI18n();
  const state = useScenarioState();
  const scenarioText = useScenarioText();
  const scenario = state.status === 'ready' ? state.scenario : null;
  const source = scenario?.sources.find((s) => s.id === cite.source);
  const english = cite.quote ? scenarioText.quote(cite) : undefined;
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const markRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    setText(null);
    setError(null);
    if (!source?.file) {
      if (!source?.url) setError(new Error(`unknown source "${cite.source}"`));
      return;
    }
    loadSourceText(state.id, cite.source, source.file).then(
      (t) => live && setText(t),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [cite, source, state.id]);

  const range = useMemo(() => (text && cite.quote ? findQuote(text, cite.quote) : null), [text, cite.quote]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [range]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <>
      <div className="drawer-backdrop" onClick={onClose} />
      <aside className="drawer" role="dialog" aria-label={t('scenario.sourceText')} data-testid="source-drawer">
        <header>
          <div>
            <h2>{source?.title ?? cite.source}</h2>
            <div className="muted">
              {[source?.publisher, source?.author, source?.date].filter(Boolean).join(' · ')}
            </div>
            {cite.note ? <div className="muted">{scenarioText.prose(cite.note)}</div> : null}
          </div>
          <button className="secondary" onClick={onClose}>
            {t('common.close')}
          </button>
        </header>
        {english ? (
          <div className="quote-translation" data-testid="quote-translation" title={t('scenario.translationHint')}>
            <span className="muted">{t('scenario.translation')}:</span> “{english}”
          </div>
        ) : null}
        {error ? <ErrorBox error={error} /> : null}
        {source && !source.file && source.url ? (
          <div className="source-text" data-testid="source-link">
            <p>
              {t('scenario.webSource')}{' '}
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.url}
              </a>
            </p>
            {cite.locator ? (
              <p>
                <mark className="quote">{cite.locator}</mark>
              </p>
            ) : null}
          </div>
        ) : null}
        {text === null && !error && source?.file ? <Loading /> : null}
        {text !== null ? (
          <>
            {cite.quote && !range ? <ErrorBox error={new Error(t('scenario.quoteNotFound'))} /> : null}
            <div className="source-text" lang={source?.language}>
              {range ? (
                <>
                  {text.slice(0, range.start)}
                  <mark className="quote" ref={markRef} data-testid="quote-mark">
                    {text.slice(range.start, range.end)}
                  </mark>
                  {text.slice(range.end)}
                </>
              ) : (
                text
              )}
            </div>
          </>
        ) : null}
      </aside>
    </>
  );
}
