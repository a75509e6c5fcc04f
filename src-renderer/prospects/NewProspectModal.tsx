import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { emptyCard } from '../../src-shared/cards/card';
import type { CardDto, DuplicateCandidate } from '../../src-shared/contracts';
import type { ProspectInfo } from '../../src-shared/upkeep/upkeep';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call, endsSession } from '../api/call';
import { useCardLabels } from '../cards/card-labels';
import { DuplicateList } from '../cards/Duplicates';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ProspectInfoFields } from './ProspectInfoFields';

const EMPTY_INFO: ProspectInfo = { origin: 'rep_visit', originNote: '', nextStep: '', nextStepOn: null };

/**
 * 新建潜在客户: the few facts an office has about a prospect (name, phone, address, a contact,
 * its rep, where it came from, the next step). The card is built from an empty card like any
 * other, so it grows into a full card later. Likely duplicates are shown and must be confirmed.
 */
export function NewProspectModal({ onClose, onCreated }: { onClose: () => void; onCreated: (card: CardDto) => void }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KedangErrorDto | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState('');
  const [rep, setRep] = useState<string | null>(null);
  const [info, setInfo] = useState<ProspectInfo>(EMPTY_INFO);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);

  async function submit(acceptDuplicates: boolean) {
    const content = emptyCard();
    content.basic.name = name.trim();
    content.basic.phone = phone.trim();
    content.basic.address = address.trim();
    if (contact.trim()) {
      content.people.push({
        role: 'contact',
        name: contact.trim(),
        title: '',
        phone: '',
        character: '',
        hobbies: '',
        family: '',
        education: '',
        age: null,
        abilities: '',
      });
    }
    content.classification.assignedRep = rep ?? '';
    setBusy(true);
    setError(null);
    try {
      const result = await call('prospects.create', { content, prospect: info, acceptDuplicates });
      if (result.ok) {
        onCreated(result.value);
        return;
      }
      if (endsSession(result.error)) return;
      setError(result.error);
      // DUPLICATE_SUSPECTED: list the likely duplicates and ask before creating anyway.
      if (result.error.code === 'DUPLICATE_SUSPECTED') {
        const found = await call('cards.findDuplicates', { name: name.trim(), creditCode: '', phone: phone.trim() });
        setDuplicates(found.ok ? found.value : []);
      }
    } finally {
      setBusy(false);
    }
  }

  const clearError = () => {
    setError(null);
    setDuplicates([]);
  };
  const fieldError = (path: string) => error?.fields?.[path];
  const suspected = error?.code === 'DUPLICATE_SUSPECTED';
  const nameProblem = fieldError('content.basic.name');

  return (
    <Modal opened onClose={onClose} title={t('prospects.newTitle')} size="lg" centered>
      <Stack gap="sm" data-testid="new-prospect">
        <TextInput
          label={t('prospects.name')}
          required
          value={name}
          maxLength={200}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clearError();
          }}
          error={nameProblem}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('prospects.phone')}
            value={phone}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
              clearError();
            }}
            error={fieldError('content.basic.phone')}
          />
          <TextInput
            label={t('prospects.contactName')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
          />
        </SimpleGrid>
        <TextInput
          label={t('prospects.address')}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={fieldError('content.basic.address')}
        />
        {labels.reps.length > 0 ? (
          <Select
            label={labels.field('classification.assignedRep')}
            data={labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }))}
            value={rep}
            onChange={setRep}
            clearable
          />
        ) : null}
        <ProspectInfoFields value={info} onChange={setInfo} fieldError={fieldError} />
        {suspected ? (
          <Alert color="orange" variant="light" title={t('prospects.duplicateTitle')} data-testid="prospect-duplicates">
            <Stack gap={6}>
              <Text size="sm">{t('prospects.duplicateExplain')}</Text>
              {duplicates.length > 0 ? <DuplicateList candidates={duplicates} /> : null}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={error?.code === 'INVALID_INPUT' && nameProblem ? null : error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          {suspected ? (
            <Button color="orange" onClick={() => void submit(true)} loading={busy}>
              {t('prospects.createAnyway')}
            </Button>
          ) : (
            <Button onClick={() => void submit(false)} loading={busy} disabled={name.trim() === ''}>
              {t('prospects.create')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
