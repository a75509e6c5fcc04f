import { Anchor, Badge, Button, Chip, Group, Pagination, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AttentionRow, CardReviewDto, SessionDto } from '../../src-shared/contracts';
import { ATTENTION_REASONS, type AttentionReason } from '../../src-shared/upkeep/upkeep';
import { useAction } from '../api/useAction';
import { useCardLabels } from '../cards/card-labels';
import { ConfirmModal } from '../cards/ConfirmModal';
import { useChannel } from '../home/use-channel';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { ReasonBadges } from './reasons';

const PAGE = 50;

/**
 * 需要关注: active cards past their grade's review cycle, with unverified sections, or not visited
 * for too long, filtered by reason, rep and grade. A custodian marks a card reviewed from here
 * (with an optional note); the row then shows the new review until the list is read again.
 */
export function NeedsAttentionList({ session }: { session: SessionDto }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const navigation = useNavigation();
  const notify = useNotify();
  const canReview = session.permissions.includes('cards.write');
  const [reason, setReason] = useState<AttentionReason | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useChannel('upkeep.needsAttention', {
    ...(reason ? { reason } : {}),
    ...(rep ? { rep } : {}),
    ...(grade ? { grade } : {}),
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  // Reviews recorded here since the list was read: the row shows them at once.
  const [reviewed, setReviewed] = useState<Record<number, CardReviewDto>>({});
  const [reviewing, setReviewing] = useState<AttentionRow | null>(null);
  const [note, setNote] = useState('');
  const mark = useAction();

  const value = list.value;
  const filter = (apply: () => void) => {
    apply();
    setPage(1);
  };

  async function markReviewed() {
    if (!reviewing) return;
    const review = await mark.run('upkeep.markReviewed', { id: reviewing.id, note });
    if (review) {
      setReviewed((old) => ({ ...old, [reviewing.id]: review }));
      notify(t('upkeep.reviewed', { name: reviewing.name }));
      setReviewing(null);
      setNote('');
    }
  }

  return (
    <Stack gap="sm" data-testid="needs-attention">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Chip.Group
          value={reason ?? 'all'}
          onChange={(v) => filter(() => setReason(ATTENTION_REASONS.find((r) => r === v) ?? null))}
        >
          <Group gap={6}>
            <Chip value="all" size="sm" data-chip="all">
              {t('upkeep.allReasons')}
            </Chip>
            {ATTENTION_REASONS.map((r) => (
              <Chip key={r} value={r} size="sm" data-chip={r}>
                {t(`upkeep.reason.${r}`)}
                {value ? ` ${value.counts[r]}` : ''}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {labels.reps.length > 1 ? (
          <Select
            size="xs"
            w={180}
            label={t('upkeep.rep')}
            placeholder={t('upkeep.any')}
            clearable
            data={labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }))}
            value={rep}
            onChange={(v) => filter(() => setRep(v))}
          />
        ) : null}
        <Select
          size="xs"
          w={140}
          label={t('upkeep.grade')}
          placeholder={t('upkeep.any')}
          clearable
          data={labels.options('grade')}
          value={grade}
          onChange={(v) => filter(() => setGrade(v))}
        />
        {value ? (
          <Text size="sm" c="dimmed" data-testid="attention-total">
            {t('upkeep.total', { n: value.total })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {value && value.rows.length === 0 ? (
        <Text c="dimmed" py="lg" data-testid="attention-empty">
          {t('upkeep.empty')}
        </Text>
      ) : null}
      {value && value.rows.length > 0 ? (
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="attention-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('upkeep.col.card')}</Table.Th>
              <Table.Th>{t('upkeep.grade')}</Table.Th>
              <Table.Th>{t('upkeep.rep')}</Table.Th>
              <Table.Th>{t('upkeep.col.reasons')}</Table.Th>
              <Table.Th>{t('upkeep.col.reviewDue')}</Table.Th>
              <Table.Th>{t('upkeep.col.lastReview')}</Table.Th>
              <Table.Th>{t('upkeep.col.lastVisit')}</Table.Th>
              <Table.Th>{t('upkeep.col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.rows.map((row) => {
              const review = reviewed[row.id];
              return (
                <Table.Tr key={row.id} data-card={row.code} data-reviewed={review ? 'true' : 'false'}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => navigation.showCards({ openCardId: row.id })}
                      >
                        <span className="kd-mono">{row.code}</span> {row.name}
                      </Anchor>
                      {row.prospect ? (
                        <Badge size="xs" variant="outline" color="grape" className="kd-badge-whole">
                          {t('home.prospectTag')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{labels.dictionary('grade', row.grade)}</Table.Td>
                  <Table.Td>{labels.repName(row.assignedRep)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <ReasonBadges reasons={row.reasons} size="sm" />
                      <Text size="xs" c="dimmed">
                        {[
                          row.unverifiedSections > 0 ? t('upkeep.unverifiedN', { n: row.unverifiedSections }) : '',
                          row.reasons.includes('noVisit')
                            ? t('upkeep.daysWithoutVisit', { n: row.daysWithoutVisit })
                            : '',
                        ]
                          .filter(Boolean)
                          .join(t('common.listSeparator'))}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td className="kd-mono" c={row.reasons.includes('review') && !review ? 'red' : undefined}>
                    {row.reviewDueOn}
                  </Table.Td>
                  <Table.Td className="kd-mono" data-testid="last-review">
                    {review ? review.reviewedOn : (row.lastReviewedOn ?? t('home.never'))}
                  </Table.Td>
                  <Table.Td className="kd-mono">{row.lastVisitOn ?? t('home.never')}</Table.Td>
                  <Table.Td>
                    {canReview ? (
                      review ? (
                        <Badge color="green" variant="light" className="kd-badge-whole">
                          {t('upkeep.reviewedBadge')}
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="light" onClick={() => setReviewing(row)}>
                          {t('upkeep.markReviewed')}
                        </Button>
                      )
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {value && value.total > PAGE ? (
        <Pagination total={Math.ceil(value.total / PAGE)} value={page} onChange={setPage} size="sm" />
      ) : null}
      {reviewing ? (
        <ConfirmModal
          title={t('upkeep.reviewTitle', { name: reviewing.name })}
          confirmLabel={t('upkeep.markReviewed')}
          color="green"
          busy={mark.busy}
          error={mark.error}
          onConfirm={() => void markReviewed()}
          onClose={() => {
            setReviewing(null);
            mark.clearError();
          }}
        >
          <Text size="sm">{t('upkeep.reviewExplain')}</Text>
          <Textarea
            label={t('upkeep.reviewNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
        </ConfirmModal>
      ) : null}
    </Stack>
  );
}
