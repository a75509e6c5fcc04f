import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FilePurpose } from '../../src-shared/contracts';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A path the user may type, or pick with the host's file dialog. Where no
 * dialog exists (NOT_AVAILABLE) or the user cancels, the text field stays as is.
 */
export function PathField({
  label,
  value,
  onChange,
  purpose,
  mode,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  purpose: FilePurpose;
  mode: 'save' | 'open';
  error?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [choosing, setChoosing] = useState(false);
  const [chooseError, setChooseError] = useState<string | undefined>();

  async function choose() {
    setChoosing(true);
    setChooseError(undefined);
    const result = await call('app.chooseFile', { purpose, mode });
    setChoosing(false);
    if (result.ok) onChange(result.value.path);
    else if (result.error.code !== 'NOT_AVAILABLE' && result.error.code !== 'CANCELLED')
      setChooseError(result.error.message);
  }

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error ?? chooseError}
        classNames={{ input: 'kd-mono' }}
        style={{ flex: 1 }}
        data-testid={testId}
      />
      <Button variant="default" onClick={() => void choose()} loading={choosing} disabled={choosing}>
        {t('path.choose')}
      </Button>
    </Group>
  );
}
