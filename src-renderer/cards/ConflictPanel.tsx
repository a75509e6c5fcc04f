import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { CardContent } from '../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue, setFieldValue } from '../../src-shared/cards/card-fields';
import { diffCards } from '../../src-shared/cards/card-diff';
import type { CardDto, CardVersionDto } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../ui/format';
import { useCardLabels } from './card-labels';

/** Someone saved the card while it was being edited: the newer card and what its versions changed. */
export interface Conflict {
  latest: CardDto;
  newer: CardVersionDto[];
}

const SCALAR_PATHS = new Set(CARD_FIELDS.map((f) => f.path));

/** The fields the user changed in the draft (people count as one change of the list). */
export function changedPaths(base: CardContent, draft: CardContent): string[] {
  const paths = diffCards(base, draft).map((c) => (c.path.startsWith('people.') ? 'people' : c.path));
  return [...new Set(paths)];
}

/**
 * The user's own changes laid over the latest version: each field they
 * changed takes their value, everything else is the other person's save.
 * People are taken from the draft as a whole when the user changed any.
 */
export function reapply(base: CardContent, draft: CardContent, latest: CardContent): CardContent {
  const next = structuredClone(latest);
  for (const path of changedPaths(base, draft)) {
    if (path === 'people') next.people = structuredClone(draft.people);
    else if (SCALAR_PATHS.has(path)) setFieldValue(next, path, fieldValue(draft, path));
  }
  return next;
}

/**
 * CARD_CHANGED on save: the edits stay on screen. The panel names who saved
 * meanwhile and which fields both touched, and offers to lay the edits over
 * the latest version (to check and save again) or to drop them.
 */
export function ConflictPanel({
  conflict,
  base,
  draft,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  base: CardContent;
  draft: CardContent;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const mine = new Set(changedPaths(base, draft));
  const theirs = new Set(
    conflict.newer.flatMap((v) => v.changes.map((c) => (c.path.startsWith('people.') ? 'people' : c.path))),
  );
  const both = [...mine].filter((p) => theirs.has(p));
  const name = (p: string) => (p === 'people' ? labels.section('people') : labels.field(p));

  return (
    <Alert color="orange" variant="light" title={t('cards.conflict.title')} data-testid="card-conflict">
      <Stack gap="xs">
        <Text size="sm">{t('cards.conflict.explain')}</Text>
        <List size="sm" spacing={2}>
          {conflict.newer.map((v) => (
            <List.Item key={`${v.cardId}-${v.version}`}>
              {t('cards.conflict.version', { n: v.version, by: v.by, at: formatDateTime(v.at) })}
              {v.changes.length > 0
                ? `${t('common.colon')}${[
                    ...new Set(v.changes.map((c) => (c.path.startsWith('people.') ? 'people' : c.path))),
                  ]
                    .map(name)
                    .join(t('common.listSeparator'))}`
                : ''}
            </List.Item>
          ))}
        </List>
        {both.length > 0 ? (
          <Text size="sm" fw={600} c="red.8">
            {t('cards.conflict.both', { fields: both.map(name).join(t('common.listSeparator')) })}
          </Text>
        ) : (
          <Text size="sm">{t('cards.conflict.noOverlap')}</Text>
        )}
        <Group gap="sm">
          <Button size="xs" onClick={onReapply}>
            {t('cards.conflict.reapply', { n: conflict.latest.version })}
          </Button>
          <Button size="xs" variant="default" color="red" onClick={onDiscard}>
            {t('cards.conflict.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
