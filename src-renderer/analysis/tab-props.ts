import type { Period } from '../../src-shared/analysis/analysis';
import type { ChartAction, ChartText } from './charts/chart-kit';

/** What the screen gives each analysis tab. */
export interface TabProps {
  period: Period;
  text: ChartText;
  /** For the printed report's heading. */
  archiveName: string;
  /** A click on a segment: list its customers, or drill down. */
  onAction: (action: ChartAction) => void;
}
