import { SimpleGrid, Text } from '@mantine/core';
import type { CardContent, SectionKey } from '../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue, type CardField } from '../../src-shared/cards/card-fields';
import { fieldProblemText } from '../../src-shared/cards/card-schema';
import { useCardLabels } from './card-labels';
import type { Problems } from './card-form';
import { FieldInput } from './FieldInputs';

type Scalar = string | number | boolean | null;

/** The scalar fields of one section (source and verification are shown by SectionSource). */
export function sectionFields(section: SectionKey | 'classification'): CardField[] {
  return CARD_FIELDS.filter((f) => f.section === section && f.kind !== 'source' && f.kind !== 'verified');
}

/** One section's fields: a label/value sheet to read, or the inputs while editing. */
export function FieldsPanel({
  section,
  content,
  editing,
  problems,
  onField,
}: {
  section: SectionKey | 'classification';
  content: CardContent;
  editing: boolean;
  problems: Problems;
  onField: (path: string, value: Scalar) => void;
}) {
  const labels = useCardLabels();
  const fields = sectionFields(section);
  const short = fields.filter((f) => f.kind !== 'longText');
  const long = fields.filter((f) => f.kind === 'longText');
  const problem = (path: string) => (problems[path] ? fieldProblemText(problems[path], labels.language) : undefined);

  if (editing) {
    return (
      <>
        {short.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            {short.map((f) => (
              <FieldInput
                key={f.path}
                field={f}
                value={fieldValue(content, f.path)}
                onChange={onField}
                error={problem(f.path)}
                region={content.classification.region}
              />
            ))}
          </SimpleGrid>
        ) : null}
        {long.length > 0 ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="sm" mt={short.length > 0 ? 'sm' : 0}>
            {long.map((f) => (
              <FieldInput
                key={f.path}
                field={f}
                value={fieldValue(content, f.path)}
                onChange={onField}
                error={problem(f.path)}
              />
            ))}
          </SimpleGrid>
        ) : null}
      </>
    );
  }

  return (
    <>
      {[
        { fields: short, className: 'kd-sheet' },
        { fields: long, className: 'kd-sheet kd-sheet-long' },
      ].map(({ fields, className }) =>
        fields.length > 0 ? (
          <dl key={className} className={className}>
            {fields.map((f) => (
              <SheetItem key={f.path} label={labels.field(f.path)} path={f.path}>
                {labels.value(f.path, fieldValue(content, f.path))}
              </SheetItem>
            ))}
          </dl>
        ) : null,
      )}
    </>
  );
}

/** One label and its value on the read-only sheet; an empty value is a dash, not a blank. */
export function SheetItem({ label, path, children }: { label: string; path?: string; children: string }) {
  return (
    <div className="kd-sheet-item" data-field={path}>
      <dt>{label}</dt>
      <dd>
        {children === '' ? (
          <Text span c="dimmed">
            —
          </Text>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}
