import { Alert, Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { BasicData } from '../../src-shared/cards/card';
import type { DuplicateCandidate } from '../../src-shared/contracts';
import { call } from '../api/call';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { STATUS_COLORS, STATUS_KEYS } from './columns';

const REASON_KEYS: Record<DuplicateCandidate['reasons'][number], StringKey> = {
  creditCode: 'cards.duplicate.reason.creditCode',
  phone: 'cards.duplicate.reason.phone',
  name: 'cards.duplicate.reason.name',
};

/**
 * Likely duplicates of the customer being typed, asked of main a moment
 * after typing stops. For an existing card only changed identifiers are
 * checked (its own card is excluded).
 */
export function useDuplicateProbe(
  basic: Pick<BasicData, 'name' | 'creditCode' | 'phone'> | null,
  base: Pick<BasicData, 'name' | 'creditCode' | 'phone'> | null,
  excludeId: number | undefined,
): DuplicateCandidate[] {
  const probe = basic
    ? { name: basic.name.trim(), creditCode: basic.creditCode.trim(), phone: basic.phone.trim() }
    : null;
  const unchanged =
    !probe ||
    (base !== null &&
      probe.name === base.name.trim() &&
      probe.creditCode === base.creditCode.trim() &&
      probe.phone === base.phone.trim());
  const [key] = useDebouncedValue(unchanged ? '' : JSON.stringify(probe), 300);
  const [found, setFound] = useState<{ key: string; list: DuplicateCandidate[] }>({ key: '', list: [] });

  useEffect(() => {
    if (key === '') return;
    let live = true;
    const input = JSON.parse(key) as { name: string; creditCode: string; phone: string };
    void call('cards.findDuplicates', { ...input, ...(excludeId ? { excludeId } : {}) }).then((result) => {
      if (live) setFound({ key, list: result.ok ? result.value : [] });
    });
    return () => {
      live = false;
    };
  }, [key, excludeId]);

  return found.key === key && key !== '' ? found.list : [];
}

/** The candidates as a list; each opens its card. */
export function DuplicateList({
  candidates,
  onOpen,
}: {
  candidates: DuplicateCandidate[];
  onOpen?: (id: number) => void;
}) {
  const { t } = useI18n();
  return (
    <List spacing={4} size="sm" data-testid="duplicate-list">
      {candidates.map((c) => (
        <List.Item key={c.id}>
          <Group gap={8} wrap="wrap">
            {onOpen ? (
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(c.id)}>
                <span className="kd-mono">{c.code}</span> {c.name}
              </Anchor>
            ) : (
              <Text size="sm">
                <span className="kd-mono">{c.code}</span> {c.name}
              </Text>
            )}
            <Badge size="xs" variant="light" color={STATUS_COLORS[c.status]} className="kd-badge-whole">
              {t(STATUS_KEYS[c.status])}
            </Badge>
            <Text size="xs" c="dimmed">
              {c.reasons.map((r) => t(REASON_KEYS[r])).join(t('common.listSeparator'))}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** The warning above the form while likely duplicates exist. */
export function DuplicateWarning({
  candidates,
  onOpen,
}: {
  candidates: DuplicateCandidate[];
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  if (candidates.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('cards.duplicate.title')} data-testid="duplicate-warning">
      <Stack gap={6}>
        <Text size="sm">{t('cards.duplicate.explain')}</Text>
        <DuplicateList candidates={candidates} onOpen={onOpen} />
      </Stack>
    </Alert>
  );
}
