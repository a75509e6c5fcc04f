import type { z } from 'zod';
import type { Result } from '../errors';
import { accessLogContract } from './access-log';
import { appContract } from './app';
import { authContract } from './auth';
import { backupContract } from './backup';
import { analysisContract } from './analysis';
import { cardsContract } from './cards';
import { classificationContract } from './classification';
import type { Channel } from './channel';
import { salesContract } from './sales';
import { settingsContract } from './settings';
import { setupContract } from './setup';
import { usersContract } from './users';
import { visitsContract } from './visits';
import { upkeepContract } from './upkeep';
import { homeContract } from './home';

/** Every channel of the application, one contract file per domain. */
export const contract = {
  ...appContract,
  ...setupContract,
  ...authContract,
  ...usersContract,
  ...settingsContract,
  ...accessLogContract,
  ...backupContract,
  ...cardsContract,
  ...classificationContract,
  ...salesContract,
  ...analysisContract,
  ...visitsContract,
  ...upkeepContract,
  ...homeContract,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = Contract[C] extends Channel<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C extends ChannelName> = Contract[C] extends Channel<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C extends ChannelName> = Contract[C] extends Channel<z.ZodType, infer O> ? O : never;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The one function the preload exposes as `window.kedang.invoke`. */
export type Invoke = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

export interface KedangBridge {
  invoke: Invoke;
}

export * from './access-log';
export * from './analysis';
export * from './app';
export * from './auth';
export * from './backup';
export * from './cards';
export * from './channel';
export * from './classification';
export * from './sales';
export * from './settings';
export * from './setup';
export * from './users';
export * from './visits';
export * from './upkeep';
export * from './home';
