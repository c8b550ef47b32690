/** The language context: `useI18n()` gives `t(key)`, the language, and `name(multilingual)`. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { languages, translate, type Language, type MessageKey } from './messages';
import { engineText, type EngineText } from './engine-text';

export interface Multilingual {
  en: string;
  'zh-Hant'?: string;
  [lang: string]: string | undefined;
}

export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The text in the current language, English when missing. */
  name: (text: Multilingual | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl && (languages as readonly string[]).includes(fromUrl)) return fromUrl as Language;
  try {
    const stored = window.localStorage.getItem('brink.lang');
    if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    /* storage may be disabled */
  }
  return 'en';
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? initialLanguage());
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem('brink.lang', next);
    } catch {
      /* ignore */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      name: (text) => (text ? (text[lang] ?? text.en) : ''),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The engine's text (model titles, equilibrium kinds, ...) in the current language. */
export function useEngineText(): EngineText {
  const { lang } = useI18n();
  return useMemo(() => engineText(lang), [lang]);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
