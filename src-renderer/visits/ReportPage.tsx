import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { VisitReportDto } from '../../src-shared/contracts/visits';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { DecidedChanges, ReportHeader, ReviewOutcome } from './ReportView';
import { ReviewForm } from './ReviewForm';
import { confirmLeave } from '../cards/leave-guard';

/**
 * One report opened from a list. A reviewer gets the decision form while it
 * is pending; everyone else (and everyone once it is closed) reads what was
 * proposed and what became of it.
 */
export function ReportPage({
  id,
  mayReview,
  onBack,
  onReviewed,
}: {
  id: number;
  mayReview: boolean;
  onBack: () => void;
  onReviewed?: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const load = useAction();
  const [report, setReport] = useState<VisitReportDto | null>(null);
  const { run } = load;

  useEffect(() => {
    let live = true;
    void run('visits.get', { id }).then((dto) => {
      if (live && dto) setReport(dto);
    });
    return () => {
      live = false;
    };
  }, [id, run]);

  return (
    <Stack gap="md" data-testid="report-page" data-report={report?.number}>
      <Group>
        <Button
          variant="default"
          size="xs"
          // A review in progress asks before its decisions are dropped.
          onClick={() => void (mayReview ? confirmLeave() : Promise.resolve(true)).then((ok) => ok && onBack())}
        >
          {t('visits.report.back')}
        </Button>
      </Group>
      <ErrorAlert error={load.error} />
      {report === null && !load.error ? <Loader size="sm" /> : null}
      {report ? (
        <>
          <ReportHeader report={report} />
          {report.subject === 'prospect' && report.status === 'pending' && !mayReview ? (
            <Alert color="blue" variant="light">
              {t('visits.report.prospectPending')}
            </Alert>
          ) : null}
          {mayReview && report.status === 'pending' ? (
            <Paper withBorder p="md">
              <ReviewForm
                report={report}
                onReviewed={(done) => {
                  setReport(done);
                  notify(
                    done.cardVersion !== null && done.customer
                      ? t('visits.review.doneVersion', {
                          number: done.number,
                          code: done.customer.code,
                          version: done.cardVersion,
                        })
                      : t('visits.review.done', { number: done.number }),
                  );
                  onReviewed?.();
                }}
              />
            </Paper>
          ) : (
            <Stack gap="sm">
              <Text fw={600}>{t('visits.report.changes')}</Text>
              <DecidedChanges report={report} />
              <ReviewOutcome report={report} />
            </Stack>
          )}
        </>
      ) : null}
    </Stack>
  );
}
