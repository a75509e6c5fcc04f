import { KedangError } from '../errors';
import type { Office, Session } from '../office';
import type { Connection } from './connection';

/** What a handler gets: the running office, the caller's connection and session (null for public calls). */
export interface Call {
  office: Office;
  connection: Connection;
  session: Session | null;
}

/** The session of a call whose channel requires one (the router has already checked). */
export function sessionOf(call: Call): Session {
  if (!call.session) throw new KedangError('NOT_LOGGED_IN');
  return call.session;
}
