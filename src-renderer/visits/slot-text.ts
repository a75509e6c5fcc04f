import type { OverdueReport } from '../../src-shared/contracts/visits';
import type { Translate } from '../i18n/I18nProvider';

/** An expected report in words: "2026-12-03 日报" or "2026-11 月报". */
export function slotText(slot: Pick<OverdueReport, 'period' | 'slot'>, t: Translate): string {
  return slot.period === 'daily'
    ? t('visits.discipline.dailySlot', { date: slot.slot })
    : t('visits.discipline.monthlySlot', { month: slot.slot });
}
