import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { ProspectInfo } from '../../src-shared/upkeep/upkeep';
import { PROSPECT_ORIGINS } from '../../src-shared/upkeep/upkeep';
import { useI18n } from '../i18n/I18nProvider';
import { originOptions } from './prospect-labels';

/** Where the prospect came from and the next step, as the new-prospect and edit forms ask them. */
export function ProspectInfoFields({
  value,
  onChange,
  fieldError,
}: {
  value: ProspectInfo;
  onChange: (next: ProspectInfo) => void;
  /** main's message for a field (INVALID_INPUT), by its path under `prospect.`. */
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('prospects.origin')}
          data={originOptions(t)}
          value={value.origin}
          allowDeselect={false}
          onChange={(v) => {
            const origin = PROSPECT_ORIGINS.find((o) => o === v);
            if (origin) onChange({ ...value, origin });
          }}
          error={fieldError('prospect.origin')}
        />
        <TextInput
          label={t('prospects.originNote')}
          value={value.originNote}
          maxLength={500}
          onChange={(e) => onChange({ ...value, originNote: e.currentTarget.value })}
          error={fieldError('prospect.originNote')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <Textarea
          label={t('prospects.nextStep')}
          value={value.nextStep}
          maxLength={500}
          autosize
          minRows={1}
          onChange={(e) => onChange({ ...value, nextStep: e.currentTarget.value })}
          error={fieldError('prospect.nextStep')}
        />
        <TextInput
          type="date"
          label={t('prospects.nextStepOn')}
          value={value.nextStepOn ?? ''}
          onChange={(e) => onChange({ ...value, nextStepOn: e.currentTarget.value || null })}
          error={fieldError('prospect.nextStepOn')}
        />
      </SimpleGrid>
    </>
  );
}
