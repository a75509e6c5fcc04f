import { Alert } from '@mantine/core';
import type { LogVerificationDto } from '../../src-shared/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../ui/format';

/** The outcome of checking the hash chain: plain green, or red naming the first bad row and why. */
export function VerifyResult({ result }: { result: LogVerificationDto }) {
  const { t, labels } = useI18n();
  if (result.ok) {
    return (
      <Alert color="green" variant="light" data-testid="verify-result" data-ok="true" title={t('log.verifyOkTitle')}>
        {t('log.verifyOk', { n: result.checkedRows, at: formatDateTime(result.verifiedAt) })}
      </Alert>
    );
  }
  const problem = result.problem ? labels.logProblems[result.problem] : t('log.verifyUnknownProblem');
  return (
    <Alert color="red" variant="filled" data-testid="verify-result" data-ok="false" title={t('log.verifyBadTitle')}>
      {t('log.verifyBad', { seq: result.firstBadSeq ?? '—', problem })}
      <br />
      {t('log.verifyBadCounts', { n: result.checkedRows, last: result.lastSeq, head: result.headSeq })}
    </Alert>
  );
}
