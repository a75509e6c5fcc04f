import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ClassificationAxis } from '../../../src-shared/cards/card';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CODE_PATTERN } from '../region-tree';

/** What the entry dialog edits: a new entry of an axis (maybe under a parent), or an existing one. */
export type EntryDraft =
  | { kind: 'new'; axis: ClassificationAxis; parentCode: string | null; suggestedCode: string }
  | { kind: 'edit'; entry: DictionaryEntry };

/**
 * 新增 / 修改 one dictionary entry: code (fixed once created, cards store it), Chinese and English
 * labels, and the parent where the axis has one (the region picker then offers `parents`).
 * The checks match main's, so a refusal there is rare; it is shown translated when it happens.
 */
export function EntryModal({
  title,
  draft,
  parents,
  parentLabel,
  allowTopLevel,
  onSaved,
  onClose,
}: {
  title: string;
  draft: EntryDraft;
  /** Parent choices (regions), when the parent may be chosen here. */
  parents?: { value: string; label: string }[];
  parentLabel?: string;
  allowTopLevel?: boolean;
  onSaved: (entries: DictionaryEntry[], saved: { code: string; label: string }) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const creating = draft.kind === 'new';
  const axis = creating ? draft.axis : draft.entry.axis;
  const [code, setCode] = useState(creating ? draft.suggestedCode : draft.entry.code);
  const [label, setLabel] = useState(creating ? '' : draft.entry.label);
  const [labelEn, setLabelEn] = useState(creating ? '' : draft.entry.labelEn);
  const [parentCode, setParentCode] = useState<string | null>(creating ? draft.parentCode : draft.entry.parentCode);
  const [attempted, setAttempted] = useState(false);

  const codeProblem = !creating
    ? null
    : code.trim() === ''
      ? t('classification.dict.codeRequired')
      : !CODE_PATTERN.test(code.trim())
        ? t('classification.dict.codeChars')
        : null;
  const labelProblem = label.trim() === '' ? t('classification.dict.labelRequired') : null;
  const parentProblem = parents && !allowTopLevel && !parentCode ? t('form.required') : null;

  async function save() {
    setAttempted(true);
    if (codeProblem || labelProblem || parentProblem) return;
    const entries = await action.run('classification.saveEntry', {
      create: creating,
      axis,
      code: code.trim(),
      label: label.trim(),
      labelEn: labelEn.trim(),
      parentCode: parentCode ?? null,
      active: creating ? true : draft.entry.active,
    });
    if (entries) onSaved(entries, { code: code.trim(), label: label.trim() });
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {creating ? (
            <TextInput
              label={t('classification.dict.code')}
              description={t('classification.dict.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={attempted ? codeProblem : null}
              maxLength={40}
              withAsterisk
              className="kd-mono-input"
            />
          ) : (
            <Text size="sm">
              {t('classification.dict.code')}
              {t('common.colon')}
              <span className="kd-mono">{code}</span>
            </Text>
          )}
          <TextInput
            label={t('classification.dict.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={attempted ? labelProblem : null}
            maxLength={60}
            withAsterisk
            data-autofocus
          />
          <TextInput
            label={t('classification.dict.labelEn')}
            value={labelEn}
            onChange={(e) => setLabelEn(e.currentTarget.value)}
            maxLength={60}
          />
          {parents ? (
            <Select
              label={parentLabel}
              data={parents}
              value={parentCode}
              onChange={setParentCode}
              clearable={allowTopLevel}
              placeholder={allowTopLevel ? t('classification.regions.topLevel') : undefined}
              error={attempted ? parentProblem : null}
              searchable
              withAsterisk={!allowTopLevel}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={action.busy} disabled={action.busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * 删除 one entry. Main refuses an entry still in use (ENTRY_IN_USE, translated); the dialog then
 * offers to deactivate it instead, which keeps every card's value and hides it from new choices.
 */
export function DeleteEntryModal({
  entry,
  onDone,
  onClose,
}: {
  entry: DictionaryEntry;
  onDone: (entries: DictionaryEntry[], deactivated: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const inUse = action.error?.code === 'ENTRY_IN_USE';

  async function remove() {
    const entries = await action.run('classification.deleteEntry', { axis: entry.axis, code: entry.code });
    if (entries) onDone(entries, false);
  }

  async function deactivate() {
    const entries = await action.run('classification.saveEntry', {
      create: false,
      axis: entry.axis,
      code: entry.code,
      label: entry.label,
      labelEn: entry.labelEn,
      parentCode: entry.parentCode,
      active: false,
    });
    if (entries) onDone(entries, true);
  }

  return (
    <Modal opened onClose={onClose} title={t('classification.dict.deleteTitle', { code: entry.code })} centered>
      <Stack gap="md">
        <Text size="sm">{t('classification.dict.deleteExplain', { label: entry.label, code: entry.code })}</Text>
        <ErrorAlert error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={action.busy}>
            {t('common.cancel')}
          </Button>
          {inUse && entry.active ? (
            <Button color="orange" onClick={() => void deactivate()} loading={action.busy}>
              {t('classification.dict.deactivateInstead')}
            </Button>
          ) : (
            <Button color="red" onClick={() => void remove()} loading={action.busy} disabled={action.busy || inUse}>
              {t('classification.dict.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
