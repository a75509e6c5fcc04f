import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../src-shared/errors';
import { call, setCallLanguage } from '../api/call';
import type { Dictionary, StringKey } from './dictionary';
import { en } from './en';
import { zh } from './zh';

const DICTIONARIES: Record<Language, Dictionary> = { zh, en };
/** Remembered per machine so the next start (and the login screen) opens in the chosen language. */
const STORAGE_KEY = 'kedang.language';

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Label tables (roles, log actions, ...) of the current language. */
  labels: Dictionary;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Replaces `{name}` placeholders; a missing variable stays visible rather than silently vanishing. */
function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  // Main translates error messages for this window: tell it at start and on every switch.
  useEffect(() => {
    setCallLanguage(language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    void call('app.setLanguage', { language });
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable; the switch still works for this run.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const labels = DICTIONARIES[language];
    return { language, setLanguage, labels, t: (key, vars) => interpolate(labels.strings[key], vars) };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
