import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VisitReportDto } from '../../src-shared/contracts/visits';
import { fieldProblemText } from '../../src-shared/cards/card-schema';
import type { ProposedValue } from '../../src-shared/visits/visit-report';
import { FieldInput } from '../cards/FieldInputs';
import { useCardLabels } from '../cards/card-labels';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { proposableField, sameValue, valueProblem } from './proposed-values';
import { ShownValue } from './ShownValue';
import { useLeaveGuard } from '../cards/leave-guard';

type Choice = 'accept' | 'edit' | 'reject';

interface Decision {
  choice: Choice | null;
  /** The value to write when accepted with an edit; starts as the proposal. */
  value: ProposedValue;
  reason: string;
}

/**
 * The custodian decides every proposed change of a pending report at once:
 * 采纳, 修改后采纳 (with the value to write) or 不采纳 (with the reason). The
 * card's value now stands beside the value the rep saw; when someone changed
 * the card meanwhile the cell is highlighted, so nothing is overwritten unseen.
 */
export function ReviewForm({
  report,
  onReviewed,
}: {
  report: VisitReportDto;
  onReviewed: (r: VisitReportDto) => void;
}) {
  const { t, language } = useI18n();
  const labels = useCardLabels();
  const review = useAction();
  const pending = report.changes.filter((c) => c.decision === 'pending');
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() =>
    Object.fromEntries(pending.map((c) => [c.path, { choice: null, value: c.proposed, reason: '' }])),
  );
  const [verify, setVerify] = useState(false);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  // Decisions made but not sent are lost when the reviewer leaves: ask first.
  const leaveDialog = useLeaveGuard(
    !review.busy && (note.trim() !== '' || Object.values(decisions).some((d) => d.choice !== null)),
    'visits.review.leaveExplain',
  );

  const decide = (path: string, patch: Partial<Decision>) => {
    setDecisions((all) => ({ ...all, [path]: { ...all[path]!, ...patch } }));
    // The row's complaint goes once the reviewer acts on it; the next submit checks again.
    setProblems(({ [path]: _gone, ...rest }) => rest);
  };

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const c of pending) {
      const d = decisions[c.path]!;
      if (d.choice === null) found[c.path] = t('visits.review.undecided');
      else if (d.choice === 'reject' && d.reason.trim() === '') found[c.path] = t('visits.review.reasonRequired');
      else if (d.choice === 'edit') {
        const problem = valueProblem(c.path, d.value, language);
        if (problem) found[c.path] = problem;
      }
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const done = await review.run('visits.review', {
      id: report.id,
      decisions: pending.map((c) => {
        const d = decisions[c.path]!;
        return {
          path: c.path,
          decision: d.choice!,
          ...(d.choice === 'edit' ? { value: d.value } : {}),
          reason: d.choice === 'reject' ? d.reason.trim() : '',
        };
      }),
      verify,
      note: note.trim(),
    });
    if (done) onReviewed(done);
  }

  const choices = [
    { value: 'accept', label: t('visits.review.accept') },
    { value: 'edit', label: t('visits.review.edit') },
    { value: 'reject', label: t('visits.review.reject') },
  ];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="review-form">
      {leaveDialog}
      <Stack gap="md">
        {report.subject === 'prospect' ? (
          <Alert color="blue" variant="light">
            {t('visits.review.prospectCard')}
          </Alert>
        ) : null}
        {pending.length > 0 ? (
          <>
            <Group justify="space-between">
              <Text fw={600}>{t('visits.review.title')}</Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  setDecisions((all) =>
                    Object.fromEntries(Object.entries(all).map(([p, d]) => [p, { ...d, choice: 'accept' as Choice }])),
                  );
                  setProblems({});
                }}
              >
                {t('visits.review.acceptAll')}
              </Button>
            </Group>
            <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} data-testid="review-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="14%">{t('visits.report.field')}</Table.Th>
                  <Table.Th w="15%">{t('visits.report.before')}</Table.Th>
                  <Table.Th w="15%">{t('visits.report.now')}</Table.Th>
                  <Table.Th w="15%">{t('visits.report.proposed')}</Table.Th>
                  <Table.Th>{t('visits.report.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((c, index) => {
                  const d = decisions[c.path]!;
                  const server =
                    review.fieldError(`decisions.${index}.value`) ?? review.fieldError(`decisions.${index}.reason`);
                  const shown =
                    problems[c.path] ?? (server === undefined ? undefined : fieldProblemText(server, language));
                  const field = proposableField(c.path);
                  // A prospect has no card yet: no value when submitted, no "now" to compare with.
                  const changedMeanwhile = c.current !== undefined && !sameValue(c.current, c.before);
                  return (
                    <Table.Tr key={c.path} data-change-path={c.path} data-decision={d.choice ?? 'pending'}>
                      <Table.Td className="kd-nowrap" fw={500}>
                        {labels.field(c.path)}
                      </Table.Td>
                      <Table.Td>
                        {report.subject === 'prospect' ? '—' : <ShownValue path={c.path} value={c.before} />}
                      </Table.Td>
                      <Table.Td
                        className={changedMeanwhile ? 'kd-visit-changed' : undefined}
                        data-changed={changedMeanwhile ? 'true' : undefined}
                      >
                        {c.current === undefined ? '—' : <ShownValue path={c.path} value={c.current} />}
                        {changedMeanwhile ? (
                          <Text size="xs" c="orange.8" fw={500}>
                            {t('visits.report.changedMeanwhile')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ShownValue path={c.path} value={c.proposed} />
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={6}>
                          <SegmentedControl
                            size="xs"
                            data={choices}
                            value={d.choice ?? ''}
                            color={d.choice === 'reject' ? 'red' : d.choice ? 'green' : undefined}
                            onChange={(v) => decide(c.path, { choice: v as Choice })}
                            aria-label={`${t('visits.report.decision')}${t('common.colon')}${labels.field(c.path)}`}
                          />
                          {d.choice === 'edit' && field ? (
                            <FieldInput
                              field={field}
                              value={d.value}
                              onChange={(_p, v) => decide(c.path, { value: typeof v === 'boolean' ? null : v })}
                            />
                          ) : null}
                          {d.choice === 'reject' ? (
                            <TextInput
                              label={t('visits.review.reason')}
                              value={d.reason}
                              onChange={(e) => decide(c.path, { reason: e.currentTarget.value })}
                              maxLength={500}
                              withAsterisk
                            />
                          ) : null}
                          {shown ? (
                            <Text size="xs" c="red" role="alert">
                              {shown}
                            </Text>
                          ) : null}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Checkbox
              label={t('visits.review.verify')}
              description={t('visits.review.verifyHint')}
              checked={verify}
              onChange={(e) => setVerify(e.currentTarget.checked)}
            />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('visits.report.noChanges')}
          </Text>
        )}
        <Textarea
          label={t('visits.review.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
        />
        <ErrorAlert error={review.error} />
        <Group>
          <Button type="submit" loading={review.busy}>
            {t('visits.review.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
