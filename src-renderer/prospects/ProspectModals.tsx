import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CardDto, ProspectRow } from '../../src-shared/contracts';
import type { ProspectInfo } from '../../src-shared/upkeep/upkeep';
import { useAction } from '../api/useAction';
import { ConfirmModal } from '../cards/ConfirmModal';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ProspectInfoFields } from './ProspectInfoFields';

/** 来源与下一步 of one prospect (prospects.save). */
export function EditProspectModal({
  row,
  onClose,
  onSaved,
}: {
  row: ProspectRow;
  onClose: () => void;
  onSaved: (row: ProspectRow) => void;
}) {
  const { t } = useI18n();
  const save = useAction();
  const [info, setInfo] = useState<ProspectInfo>({
    origin: row.origin,
    originNote: row.originNote,
    nextStep: row.nextStep,
    nextStepOn: row.nextStepOn,
  });

  async function submit() {
    const saved = await save.run('prospects.save', { id: row.id, prospect: info });
    if (saved) onSaved(saved);
  }

  return (
    <Modal opened onClose={onClose} title={t('prospects.editTitle', { name: row.name })} size="lg" centered>
      <Stack gap="sm" data-testid="edit-prospect">
        <ProspectInfoFields value={info} onChange={setInfo} fieldError={save.fieldError} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={save.busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 转为客户, asked first: the card stays the same card, with a 'convert' version. */
export function ConvertProspectModal({
  id,
  name,
  version,
  onClose,
  onConverted,
}: {
  id: number;
  name: string;
  version: number;
  onClose: () => void;
  onConverted: (card: CardDto) => void;
}) {
  const { t } = useI18n();
  const convert = useAction();
  async function confirm() {
    const card = await convert.run('prospects.convert', { id, expectedVersion: version });
    if (card) onConverted(card);
  }
  return (
    <ConfirmModal
      title={t('prospects.convertTitle', { name })}
      confirmLabel={t('prospects.convert')}
      color="green"
      busy={convert.busy}
      error={convert.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Text size="sm">{t('prospects.convertExplain', { name })}</Text>
    </ConfirmModal>
  );
}
