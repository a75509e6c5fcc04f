import { z } from 'zod';
import { LOG_ACTIONS, LOG_OUTCOMES, type LogAction, type LogOutcome } from '../access-log';
import { channel, needs } from './channel';

export interface AccessLogRowDto {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  action: LogAction;
  target: string | null;
  outcome: LogOutcome;
  device: string | null;
  detail: string | null;
}

/** The result of checking the hash chain against the head kept in the keyring. */
export interface LogVerificationDto {
  ok: boolean;
  checkedRows: number;
  /** The first row that does not verify; null when all do. */
  firstBadSeq: number | null;
  problem: 'row_changed' | 'row_missing' | 'truncated' | 'rolled_back' | 'head_missing' | null;
  /** Highest seq in the database and the head recorded outside it. */
  lastSeq: number;
  headSeq: number;
  verifiedAt: string;
}

const IsoDate = z.iso.date();

export const LogFilterSchema = z.strictObject({
  username: z.string().trim().max(64).optional(),
  action: z.enum(LOG_ACTIONS).optional(),
  outcome: z.enum(LOG_OUTCOMES).optional(),
  target: z.string().trim().max(200).optional(),
  /** Inclusive calendar dates (local office time, YYYY-MM-DD). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type LogFilter = z.infer<typeof LogFilterSchema>;

export const accessLogContract = {
  'accessLog.query': channel<{ rows: AccessLogRowDto[]; total: number }>()({
    input: z.strictObject({
      filter: LogFilterSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
    access: needs('accessLog.read'),
  }),
  'accessLog.verify': channel<LogVerificationDto>()({ input: z.strictObject({}), access: needs('accessLog.verify') }),
  'accessLog.status': channel<{
    rows: number;
    lastVerification: LogVerificationDto | null;
    /** Display name of who ran the last verification. */
    lastVerifiedBy: string | null;
  }>()({
    input: z.strictObject({}),
    access: needs('accessLog.read'),
  }),
  /** Writes the filtered log and a fresh verification result to an xlsx file. */
  'accessLog.export': channel<{ path: string; rows: number; verification: LogVerificationDto }>()({
    input: z.strictObject({ path: z.string().min(1).max(1000), filter: LogFilterSchema }),
    access: needs('accessLog.export'),
  }),
};
