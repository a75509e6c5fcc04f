import { Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../../src-shared/cards/card';
import { CARD_FIELDS } from '../../../src-shared/cards/card-fields';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/Notifications';
import { siblingsOf, suggestCode } from '../region-tree';
import { DeleteEntryModal, EntryModal, type EntryDraft } from './EntryModal';
import { EntryTable } from './EntryTable';
import { useDictionaryEditing } from './use-dictionary-editing';

/** The flat axes; regions and routes form a tree and have their own tab. */
const FLAT_AXES = CLASSIFICATION_AXES.filter((a) => a !== 'region' && a !== 'route');

/** An axis's name as the card form calls it (客户性质, 所有制, …). */
export function useAxisName(): (axis: ClassificationAxis) => string {
  const { language } = useI18n();
  return (axis) => {
    const field = CARD_FIELDS.find((f) => f.path === `classification.${axis}`);
    return field ? (language === 'en' ? field.en : field.zh) : axis;
  };
}

/**
 * 分类字典: one list per axis (nature, ownership, business type, location type, grade, credit
 * grade, industry), each entry with its code, labels and state, reordered by drag or 上移/下移.
 * The order set here is the order of every select list and of the classification view.
 */
export function DictionaryAdmin() {
  const { t } = useI18n();
  const notify = useNotify();
  const axisName = useAxisName();
  const editing = useDictionaryEditing();
  const [axis, setAxis] = useState<ClassificationAxis>('nature');
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [deleting, setDeleting] = useState<DictionaryEntry | null>(null);

  if (!editing.entries) {
    return editing.load.error ? <ErrorAlert error={editing.load.error} /> : <Loader size="sm" />;
  }
  const entries = editing.entries;
  const list = siblingsOf(entries, axis, null);

  return (
    <Stack gap="md" data-testid="dictionary-admin">
      <SegmentedControl
        value={axis}
        onChange={(v) => {
          editing.change.clearError();
          setAxis(v as ClassificationAxis);
        }}
        data={FLAT_AXES.map((a) => ({ value: a, label: axisName(a) }))}
        aria-label={t('classification.dict.axis')}
        className="kd-axis-picker"
      />
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={4}>{axisName(axis)}</Title>
          <Text size="xs" c="dimmed">
            {t('classification.dict.dragHint')}
          </Text>
        </Stack>
        <Button
          onClick={() =>
            setDraft({ kind: 'new', axis, parentCode: null, suggestedCode: suggestCode(entries, axis, null) })
          }
        >
          {t('classification.dict.add')}
        </Button>
      </Group>
      <ErrorAlert error={editing.change.error} />
      <EntryTable
        entries={list}
        busy={editing.change.busy}
        testId={`entries-${axis}`}
        onReorder={(codes) => void editing.reorder(axis, null, codes)}
        onEdit={(entry) => setDraft({ kind: 'edit', entry })}
        onToggle={(entry) => void editing.setActive(entry, !entry.active)}
        onDelete={setDeleting}
      />

      {draft ? (
        <EntryModal
          title={
            draft.kind === 'new'
              ? t('classification.dict.addTitle', { axis: axisName(draft.axis) })
              : t('classification.dict.editTitle', { code: draft.entry.code })
          }
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={(next, saved) => {
            editing.setEntries(next);
            notify(t(draft.kind === 'new' ? 'classification.dict.added' : 'classification.dict.saved', saved));
            setDraft(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteEntryModal
          entry={deleting}
          onClose={() => setDeleting(null)}
          onDone={(next, deactivated) => {
            editing.setEntries(next);
            notify(
              deactivated
                ? t('classification.dict.deactivated', { label: deleting.label })
                : t('classification.dict.deleted', { code: deleting.code }),
            );
            setDeleting(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
