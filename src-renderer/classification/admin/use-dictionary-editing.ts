import { useEffect, useState } from 'react';
import type { ClassificationAxis } from '../../../src-shared/cards/card';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { useAction, type Action } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { useNotify } from '../../ui/Notifications';

export interface DictionaryEditing {
  /** Every entry of every axis as main last answered; null while loading. */
  entries: DictionaryEntry[] | null;
  setEntries: (entries: DictionaryEntry[]) => void;
  load: Action;
  /** The state of the last change (reorder, deactivate, move): its error is shown above the lists. */
  change: Action;
  reorder: (axis: ClassificationAxis, parentCode: string | null, codes: string[]) => Promise<void>;
  setActive: (entry: DictionaryEntry, active: boolean) => Promise<void>;
  moveUnder: (entry: DictionaryEntry, parentCode: string | null) => Promise<boolean>;
}

/**
 * The dictionaries as the administrator edits them. Every change answers with the whole list,
 * which replaces ours: what is shown is always what main holds, never a local guess.
 */
export function useDictionaryEditing(): DictionaryEditing {
  const { t } = useI18n();
  const notify = useNotify();
  const load = useAction();
  const change = useAction();
  const [entries, setEntries] = useState<DictionaryEntry[] | null>(null);
  const { run: runLoad } = load;

  useEffect(() => {
    void runLoad('classification.dictionaries', {}).then((list) => {
      if (list) setEntries(list);
    });
  }, [runLoad]);

  const save = (entry: DictionaryEntry, patch: Partial<Pick<DictionaryEntry, 'active' | 'parentCode'>>) =>
    change.run('classification.saveEntry', {
      create: false,
      axis: entry.axis,
      code: entry.code,
      label: entry.label,
      labelEn: entry.labelEn,
      parentCode: patch.parentCode !== undefined ? patch.parentCode : entry.parentCode,
      active: patch.active ?? entry.active,
    });

  return {
    entries,
    setEntries,
    load,
    change,
    reorder: async (axis, parentCode, codes) => {
      const list = await change.run('classification.reorderEntries', { axis, parentCode, codes });
      if (list) {
        setEntries(list);
        notify(t('classification.dict.reordered'));
      }
    },
    setActive: async (entry, active) => {
      const list = await save(entry, { active });
      if (list) {
        setEntries(list);
        notify(
          t(active ? 'classification.dict.reactivated' : 'classification.dict.deactivated', { label: entry.label }),
        );
      }
    },
    moveUnder: async (entry, parentCode) => {
      const list = await save(entry, { parentCode });
      if (!list) return false;
      setEntries(list);
      notify(t('classification.regions.moved', { label: entry.label }));
      return true;
    },
  };
}
