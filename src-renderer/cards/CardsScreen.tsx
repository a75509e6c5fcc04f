import { useEffect, useState } from 'react';
import type { CardDto, SessionDto } from '../../src-shared/contracts';
import type { CardsIntent } from '../shell/navigation';
import { CardLabelsProvider } from './card-labels';
import { CardList } from './CardList';
import { CardView, type CardTarget } from './CardView';
import { confirmLeave } from './leave-guard';
import './cards.css';

type Screen = { kind: 'list' } | (CardTarget & { seq: number });

/**
 * Requests from other screens already carried out. The card screen is mounted afresh each time
 * the user comes back to it through the menu, with the last request still in the frame's state:
 * it must not be carried out a second time then (the list would jump back to an old group).
 */
const carriedOut = new WeakSet<CardsIntent>();
const isNew = (intent: CardsIntent | null): intent is CardsIntent => intent !== null && !carriedOut.has(intent);

/**
 * 客户档案: the list, and one card at a time over it. The list stays
 * mounted underneath so that its search, filters and place are kept.
 * Another screen may ask for a filtered list (a classification group, an
 * analysis segment) or a card (`intent`): the filters replace the list's
 * own and show in its filter bar, and the card opens over the list.
 */
export function CardsScreen({ session, intent = null }: { session: SessionDto; intent?: CardsIntent | null }) {
  const [listIntent, setListIntent] = useState<CardsIntent | null>(() => (isNew(intent) ? intent : null));
  const [screen, setScreen] = useState<Screen>(() =>
    isNew(intent) && intent.openCardId !== undefined
      ? { kind: 'open', id: intent.openCardId, seq: 0 }
      : { kind: 'list' },
  );
  const [refreshKey, setRefreshKey] = useState(0);
  // Each opening gets its own number so that opening the same card again starts fresh.
  const [seq, setSeq] = useState(1);

  function show(next: CardTarget | { kind: 'list' }) {
    setSeq((n) => n + 1);
    setScreen(next.kind === 'list' ? next : { ...next, seq });
  }

  // A request arriving while the screen is open (the frame asked about unsaved edits already).
  const [seenIntent, setSeenIntent] = useState(intent);
  if (intent !== seenIntent) {
    setSeenIntent(intent);
    if (isNew(intent)) {
      if (intent.filters) setListIntent(intent);
      show(intent.openCardId !== undefined ? { kind: 'open', id: intent.openCardId } : { kind: 'list' });
    }
  }
  useEffect(() => {
    if (intent) carriedOut.add(intent);
  }, [intent]);

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
        intent={listIntent}
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
