import { Alert } from '@mantine/core';
import type { KedangErrorDto } from '../../src-shared/errors';

/** The translated message main returned, in one consistent red box above the form's buttons. */
export function ErrorAlert({ error }: { error: KedangErrorDto | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code}>
      {error.message}
    </Alert>
  );
}
