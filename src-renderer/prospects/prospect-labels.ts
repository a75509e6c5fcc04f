import type { ProspectOrigin } from '../../src-shared/upkeep/upkeep';
import { PROSPECT_ORIGINS } from '../../src-shared/upkeep/upkeep';
import type { Translate } from '../i18n/I18nProvider';

/** Where a prospect came from, in the reader's words. */
export function originLabel(origin: ProspectOrigin, t: Translate): string {
  return t(`prospects.origin.${origin}`);
}

export function originOptions(t: Translate): { value: ProspectOrigin; label: string }[] {
  return PROSPECT_ORIGINS.map((origin) => ({ value: origin, label: originLabel(origin, t) }));
}

/** A next step whose day has passed was missed or not written down: the list marks it. */
export function isPast(nextStepOn: string | null, today: string): boolean {
  return nextStepOn !== null && nextStepOn < today;
}
