/** Every action the access log records (DESIGN.md, "The access log"). */
export const LOG_ACTIONS = [
  'setup',
  'login',
  'login_failed',
  'logout',
  'session_locked',
  'password_change',
  'password_reset',
  'recovery',
  'user_create',
  'user_update',
  'user_activate',
  'user_deactivate',
  'settings_update',
  'access_denied',
  'log_query',
  'log_verify',
  'log_export',
  'backup',
  'restore',
  'card_view',
  'card_reveal',
  'card_create',
  'card_edit',
  'card_merge',
  'card_delete',
  'card_print',
  'card_export',
  'card_import',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export const LOG_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type LogOutcome = (typeof LOG_OUTCOMES)[number];
