import { createContext, useContext, type ReactNode } from 'react';
import type { CardFilters } from '../../src-shared/contracts';
import type { Section } from './nav';

/**
 * What another screen asks the card screen to show: a filtered list (a classification group,
 * an analysis segment turned into filters) or one card. `seq` makes the same request twice
 * count as two requests.
 */
export interface CardsIntent {
  seq: number;
  filters?: CardFilters;
  openCardId?: number;
}

export interface Navigation {
  /** Switches to the card screen with the list filtered and/or a card opened (asks first about unsaved edits). */
  showCards(intent: Omit<CardsIntent, 'seq'>): void;
  /** Switches to another section, optionally on one of its tabs (a screen that has none ignores it). */
  goTo(section: Section, tab?: string): void;
}

const NavigationContext = createContext<Navigation>({ showCards: () => undefined, goTo: () => undefined });

export function NavigationProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** Cross-screen navigation for the screens inside the logged-in frame. */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
