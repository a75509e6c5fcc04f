import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import { errorMessage, type KedangErrorDto, type Language, type Result } from '../../src-shared/errors';

/** Only for the rare error made here (transport failure); main translates all others. */
let currentLanguage: Language = 'zh';
export function setCallLanguage(language: Language): void {
  currentLanguage = language;
}

type SessionEndedListener = (error: KedangErrorDto) => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Lets the app return to the login screen from wherever a call discovers that
 * the session is gone (idle lock in main, restore, logout elsewhere).
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Codes meaning "you are no longer logged in": every screen reacts the same way. */
export function endsSession(error: KedangErrorDto): boolean {
  return error.code === 'NOT_LOGGED_IN' || error.code === 'SESSION_LOCKED';
}

/**
 * The typed way to reach the main process. A broken transport (a thrown
 * exception) becomes an INTERNAL error result so screens handle one shape only.
 */
export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  let result: Result<OutputOf<C>>;
  try {
    result = await window.kedang.invoke(channel, input);
  } catch (thrown) {
    // The raw exception text is for developers; the user gets the translated INTERNAL message.
    console.error('kedang.invoke failed', channel, thrown);
    result = { ok: false, error: { code: 'INTERNAL', message: errorMessage('INTERNAL', currentLanguage) } };
  }
  if (!result.ok && endsSession(result.error)) {
    for (const listener of sessionEndedListeners) listener(result.error);
  }
  return result;
}
