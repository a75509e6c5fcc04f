import type { SessionDto } from '../../src-shared/contracts';
import { LaterVersion } from '../shell/LaterVersion';

// Scaffolding for issue 4: replaced by the real screen.
export function AnalysisScreen(_props: { session: SessionDto }) {
  return <LaterVersion title="analysis.title" about="analysis.title" />;
}
