import { useState } from 'react';
import type { CardDto, SessionDto } from '../../src-shared/contracts';
import type { CardsIntent } from '../shell/navigation';
import { CardLabelsProvider } from './card-labels';
import { CardList } from './CardList';
import { CardView, type CardTarget } from './CardView';
import { confirmLeave } from './leave-guard';
import './cards.css';

type Screen = { kind: 'list' } | (CardTarget & { seq: number });

/**
 * 客户档案: the list, and one card at a time over it. The list stays
 * mounted underneath so that its search, filters and place are kept.
 */
export function CardsScreen({ session, intent = null }: { session: SessionDto; intent?: CardsIntent | null }) {
  // TODO(issue 4, classification UI): apply `intent` (filters for the list, a card to open).
  void intent;
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [refreshKey, setRefreshKey] = useState(0);
  // Each opening gets its own number so that opening the same card again starts fresh.
  const [seq, setSeq] = useState(1);

  function show(next: CardTarget | { kind: 'list' }) {
    setSeq((n) => n + 1);
    setScreen(next.kind === 'list' ? next : { ...next, seq });
  }

  /** Leaving the open card: asks first when it holds unsaved edits. */
  async function go(next: CardTarget | { kind: 'list' }) {
    if (await confirmLeave()) show(next);
  }

  return (
    <CardLabelsProvider session={session}>
      <CardList
        session={session}
        visible={screen.kind === 'list'}
        refreshKey={refreshKey}
        onOpen={(id) => void go({ kind: 'open', id })}
        onNew={() => void go({ kind: 'new' })}
      />
      {screen.kind !== 'list' ? (
        <CardView
          key={screen.seq}
          session={session}
          target={screen}
          onOpen={(id) => void go({ kind: 'open', id })}
          onReplace={(card: CardDto) => show({ kind: 'open', id: card.id, loaded: card })}
          onClose={(confirmed) => (confirmed ? show({ kind: 'list' }) : void go({ kind: 'list' }))}
          onChanged={() => setRefreshKey((n) => n + 1)}
        />
      ) : null}
    </CardLabelsProvider>
  );
}
