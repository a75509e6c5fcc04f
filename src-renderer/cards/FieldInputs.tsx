import { Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CardField } from '../../src-shared/cards/card-fields';
import { useI18n } from '../i18n/I18nProvider';
import { useCardLabels } from './card-labels';
import { numberText, parseNumberText } from './card-form';

type Scalar = string | number | boolean | null;

/**
 * A number typed as text: the field keeps exactly what was typed, and the
 * card gets the number, null for empty, or NaN (reported as "must be a
 * number") so that nothing typed disappears silently.
 */
export function NumberText({
  label,
  value,
  onChange,
  error,
  unit,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
  unit?: string;
}) {
  const [text, setText] = useState(() => numberText(value));
  // The card may change under the field (restore, re-applied edits): follow it unless it is what we typed.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    const typed = parseNumberText(text);
    if (!Object.is(typed, value)) setText(numberText(value));
  }
  return (
    <TextInput
      label={label}
      value={text}
      inputMode="decimal"
      rightSection={unit}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const parsed = parseNumberText(next);
        setSeen(parsed);
        onChange(parsed);
      }}
      error={error}
    />
  );
}

/** The input for one scalar field of the card, by its kind. */
export function FieldInput({
  field,
  value,
  onChange,
  error,
  region,
}: {
  field: CardField;
  value: Scalar;
  onChange: (path: string, value: Scalar) => void;
  error?: string | undefined;
  /** For the route select: the card's region, whose routes come first. */
  region?: string;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const label = labels.field(field.path);
  const set = (v: Scalar) => onChange(field.path, v);
  // The name is the one field a card cannot do without.
  const common = { label, error, 'data-field': field.path, withAsterisk: field.path === 'basic.name' };
  switch (field.kind) {
    case 'longText':
      return (
        <Textarea
          {...common}
          value={String(value ?? '')}
          onChange={(e) => set(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          placeholder={t('cards.datePlaceholder')}
          onChange={(e) => set(e.currentTarget.value)}
          maxLength={10}
        />
      );
    case 'amount':
    case 'whole':
      return <NumberText label={label} value={value as number | null} onChange={set} error={error} />;
    case 'dictionary': {
      const axis = field.axis!;
      let options = labels.options(axis, String(value ?? ''));
      if (axis === 'route' && region) {
        const parentOf = (code: string) =>
          labels.dictionaries.find((d) => d.axis === 'route' && d.code === code)?.parentCode ?? null;
        options = options.filter(
          (o) => o.value === value || parentOf(o.value) === null || parentOf(o.value) === region,
        );
      }
      return (
        <Select
          {...common}
          data={options}
          value={value === '' || value === null ? null : String(value)}
          onChange={(v) => set(v ?? '')}
          placeholder={t('cards.unclassified')}
          clearable
          searchable
          nothingFoundMessage={t('cards.filter.noOptions')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    case 'rep': {
      const current = String(value ?? '');
      const data = labels.reps.map((r) => ({ value: r.username, label: labels.rep(r.username) }));
      if (current && !data.some((d) => d.value === current)) data.push({ value: current, label: current });
      return (
        <Select
          {...common}
          data={data}
          value={current === '' ? null : current}
          onChange={(v) => set(v ?? '')}
          placeholder={t('cards.noRep')}
          clearable
          searchable
          nothingFoundMessage={t('cards.noReps')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          onChange={(e) => set(e.currentTarget.value)}
          className={field.path === 'basic.creditCode' || field.path === 'basic.code' ? 'kd-mono-input' : undefined}
        />
      );
  }
}
