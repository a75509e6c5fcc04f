import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  PERSON_ROLES,
  SOURCES,
  type ClassificationAxis,
  type PersonRole,
  type SectionKey,
  type Source,
} from '../../src-shared/cards/card';
import {
  CARD_FIELDS,
  PERSON_FIELDS,
  PERSON_ROLE_LABELS,
  SECTION_LABELS_EN,
  SECTION_LABELS_ZH,
  SOURCE_LABELS,
  type CardField,
} from '../../src-shared/cards/card-fields';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { SessionDto } from '../../src-shared/contracts';
import type { Language } from '../../src-shared/errors';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';

type Scalar = string | number | boolean | null;

export interface Rep {
  username: string;
  displayName: string;
}

/** Labels for everything a card shows: fields, sections, dictionary codes, reps, in the current language. */
export interface CardLabels {
  language: Language;
  dictionaries: DictionaryEntry[];
  /** Users with the rep role; empty for readers who may not list them (they see user names). */
  reps: Rep[];
  field: (path: string) => string;
  section: (key: SectionKey) => string;
  source: (source: Source) => string;
  role: (role: PersonRole) => string;
  /** A dictionary code as its label; an unknown code is shown as it is stored. */
  dictionary: (axis: ClassificationAxis, code: string) => string;
  /** The active entries of an axis (plus `keep`, the value a card already holds), as select options. */
  options: (axis: ClassificationAxis, keep?: string) => { value: string; label: string }[];
  rep: (username: string) => string;
  /** The rep's display name only (list cells); the user name when the rep is not known here. */
  repName: (username: string) => string;
  /** Any field value as a reader should see it (dictionary labels, 是/否, sources, roles). */
  value: (path: string, value: Scalar) => string;
}

const FIELD_BY_PATH = new Map<string, CardField>(CARD_FIELDS.map((f) => [f.path, f]));
const PERSON_FIELD_BY_KEY = new Map(PERSON_FIELDS.map((f) => [f.key as string, f]));

const LabelsContext = createContext<CardLabels | null>(null);

/** Loads the dictionaries (and, for readers of all cards, the reps) once for all card screens. */
export function CardLabelsProvider({ session, children }: { session: SessionDto; children: ReactNode }) {
  const { language, t } = useI18n();
  const [dictionaries, setDictionaries] = useState<DictionaryEntry[]>([]);
  const [reps, setReps] = useState<Rep[]>([]);
  const mayListReps = session.permissions.includes('cards.read');

  useEffect(() => {
    let live = true;
    void call('classification.dictionaries', {}).then((result) => {
      if (live && result.ok) setDictionaries(result.value);
    });
    if (mayListReps) {
      void call('cards.reps', {}).then((result) => {
        if (live && result.ok) setReps(result.value);
      });
    }
    return () => {
      live = false;
    };
  }, [mayListReps]);

  // A rep sees only their own cards (and may not list reps), so the one rep to name is themselves.
  const ownName = session.displayName;
  const ownUsername = session.username;
  const knownReps = useMemo<Rep[]>(
    () => (mayListReps ? reps : [{ username: ownUsername, displayName: ownName }]),
    [mayListReps, reps, ownUsername, ownName],
  );

  const labels = useMemo<CardLabels>(() => {
    const zh = language === 'zh';
    const byAxis = new Map<string, DictionaryEntry>(dictionaries.map((d) => [`${d.axis}\u0000${d.code}`, d]));
    const dictionary = (axis: ClassificationAxis, code: string) => {
      if (code === '') return '';
      const entry = byAxis.get(`${axis}\u0000${code}`);
      return entry ? (zh ? entry.label : entry.labelEn || entry.label) : code;
    };
    const rep = (username: string) => {
      if (username === '') return '';
      const found = knownReps.find((r) => r.username === username);
      return found ? t('cards.repLabel', { name: found.displayName, username: found.username }) : username;
    };
    const field = (path: string): string => {
      const known = FIELD_BY_PATH.get(path);
      if (known) return zh ? known.zh : known.en;
      const person = /^people\.(\d+)\.(\w+)$/.exec(path);
      if (person) {
        const f = PERSON_FIELD_BY_KEY.get(person[2]!);
        const name = f ? (zh ? f.zh : f.en) : person[2]!;
        return `${zh ? SECTION_LABELS_ZH.people : SECTION_LABELS_EN.people} ${Number(person[1]) + 1}·${name}`;
      }
      return path;
    };
    const value = (path: string, v: Scalar): string => {
      if (v === null || v === '') return '';
      const known = FIELD_BY_PATH.get(path);
      if (typeof v === 'boolean')
        return known?.kind === 'verified'
          ? t(v ? 'cards.verified' : 'cards.unverified')
          : t(v ? 'cards.yes' : 'cards.no');
      if (known?.kind === 'dictionary' && known.axis) return dictionary(known.axis, String(v));
      if (known?.kind === 'source' && (SOURCES as readonly string[]).includes(String(v)))
        return SOURCE_LABELS[v as Source][language];
      if (known?.kind === 'rep') return rep(String(v));
      if (/^people\.\d+\.role$/.test(path) && (PERSON_ROLES as readonly string[]).includes(String(v)))
        return PERSON_ROLE_LABELS[v as PersonRole][language];
      if (typeof v === 'number') return v.toLocaleString(zh ? 'zh-CN' : 'en');
      return String(v);
    };
    return {
      language,
      dictionaries,
      reps: knownReps,
      field,
      section: (key) => (zh ? SECTION_LABELS_ZH[key] : SECTION_LABELS_EN[key]),
      source: (source) => SOURCE_LABELS[source][language],
      role: (role) => PERSON_ROLE_LABELS[role][language],
      dictionary,
      options: (axis, keep) => {
        const entries = dictionaries
          .filter((d) => d.axis === axis && (d.active || d.code === keep))
          .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
        const list = entries.map((d) => ({ value: d.code, label: zh ? d.label : d.labelEn || d.label }));
        if (keep && !list.some((o) => o.value === keep)) list.push({ value: keep, label: keep });
        return list;
      },
      rep,
      repName: (username) => knownReps.find((r) => r.username === username)?.displayName ?? username,
      value,
    };
  }, [dictionaries, knownReps, language, t]);

  return <LabelsContext.Provider value={labels}>{children}</LabelsContext.Provider>;
}

export function useCardLabels(): CardLabels {
  const labels = useContext(LabelsContext);
  if (!labels) throw new Error('useCardLabels outside CardLabelsProvider');
  return labels;
}
