import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { PERSON_ROLES, emptyPerson, type Person, type PersonRole } from '../../src-shared/cards/card';
import { PERSON_FIELDS } from '../../src-shared/cards/card-fields';
import { fieldProblemText } from '../../src-shared/cards/card-schema';
import { useI18n } from '../i18n/I18nProvider';
import { useCardLabels } from './card-labels';
import type { Problems } from './card-form';
import { NumberText } from './FieldInputs';
import { SheetItem } from './FieldsPanel';

const PERSONAL = PERSON_FIELDS.filter((f) => f.personal);
const LONG_PERSONAL = new Set<keyof Person>(['character', 'hobbies', 'family', 'abilities']);

/**
 * 所有者、经营管理者、法人 and contacts (method 二.1). The personal notes
 * are masked unless the reader may reveal them; revealing is logged by main.
 */
export function PeoplePanel({
  people,
  keys,
  masked,
  canReveal,
  revealing,
  onReveal,
  editing,
  problems,
  onChange,
}: {
  people: Person[];
  /** Stable React keys for the people while editing (positions shift when one is removed). */
  keys: number[];
  masked: boolean;
  canReveal: boolean;
  revealing: boolean;
  onReveal: () => void;
  editing: boolean;
  problems: Problems;
  onChange: (people: Person[], keys: number[]) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const fieldLabel = (key: keyof Person) => {
    const f = PERSON_FIELDS.find((p) => p.key === key)!;
    return labels.language === 'zh' ? f.zh : f.en;
  };
  const problem = (i: number, key: keyof Person) => {
    const code = problems[`people.${i}.${key}`];
    return code ? fieldProblemText(code, labels.language) : undefined;
  };

  if (editing) {
    const set = (i: number, key: keyof Person, value: string | number | null) =>
      onChange(
        people.map((p, j) => (j === i ? { ...p, [key]: value } : p)),
        keys,
      );
    return (
      <Stack gap="md">
        {problems.people ? (
          <Alert color="red" variant="light">
            {fieldProblemText(problems.people, labels.language)}
          </Alert>
        ) : null}
        {people.length === 0 ? <Text c="dimmed">{t('cards.people.none')}</Text> : null}
        {people.map((person, i) => (
          <Paper key={keys[i]} withBorder p="md" data-person={i}>
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t('cards.people.number', { n: i + 1 })}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() =>
                  onChange(
                    people.filter((_, j) => j !== i),
                    keys.filter((_, j) => j !== i),
                  )
                }
              >
                {t('cards.people.remove')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
              <Select
                label={fieldLabel('role')}
                data={PERSON_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
                value={person.role}
                onChange={(v) => v && set(i, 'role', v as PersonRole)}
                allowDeselect={false}
                error={problem(i, 'role')}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label={fieldLabel('name')}
                withAsterisk
                value={person.name}
                onChange={(e) => set(i, 'name', e.currentTarget.value)}
                error={problem(i, 'name')}
              />
              <TextInput
                label={fieldLabel('title')}
                value={person.title}
                onChange={(e) => set(i, 'title', e.currentTarget.value)}
                error={problem(i, 'title')}
              />
              <TextInput
                label={fieldLabel('phone')}
                value={person.phone}
                onChange={(e) => set(i, 'phone', e.currentTarget.value)}
                error={problem(i, 'phone')}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="md" mb={4}>
              {t('cards.people.personalHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              {PERSONAL.map((f) =>
                f.key === 'age' ? (
                  <NumberText
                    key={f.key}
                    label={fieldLabel('age')}
                    value={person.age}
                    onChange={(v) => set(i, 'age', v)}
                    error={problem(i, 'age')}
                  />
                ) : LONG_PERSONAL.has(f.key) ? (
                  <Textarea
                    key={f.key}
                    label={fieldLabel(f.key)}
                    value={String(person[f.key] ?? '')}
                    onChange={(e) => set(i, f.key, e.currentTarget.value)}
                    error={problem(i, f.key)}
                    autosize
                    minRows={1}
                    maxRows={6}
                  />
                ) : (
                  <TextInput
                    key={f.key}
                    label={fieldLabel(f.key)}
                    value={String(person[f.key] ?? '')}
                    onChange={(e) => set(i, f.key, e.currentTarget.value)}
                    error={problem(i, f.key)}
                  />
                ),
              )}
            </SimpleGrid>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              onChange(
                [...people, emptyPerson(people.length === 0 ? 'owner' : 'contact')],
                [...keys, Math.max(0, ...keys) + 1],
              )
            }
          >
            {t('cards.people.add')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {masked && people.length > 0 ? (
        <Alert color="gray" variant="light" data-testid="personal-masked">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{canReveal ? t('cards.people.maskedRevealable') : t('cards.people.maskedNoRight')}</Text>
            {canReveal ? (
              <Button size="xs" variant="default" onClick={onReveal} loading={revealing} disabled={revealing}>
                {t('cards.people.reveal')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      {people.length === 0 ? <Text c="dimmed">{t('cards.people.none')}</Text> : null}
      {people.map((person, i) => (
        <Paper key={i} withBorder p="md" data-person={i}>
          <Group gap="sm" mb="sm" wrap="wrap">
            <Badge variant="light">{labels.role(person.role)}</Badge>
            <Text fw={600}>{person.name}</Text>
            {person.title ? <Text c="dimmed">{person.title}</Text> : null}
            {person.phone ? <Text className="kd-mono">{person.phone}</Text> : null}
          </Group>
          <dl className="kd-sheet kd-sheet-people">
            {PERSONAL.map((f) =>
              masked ? (
                <div key={f.key} className="kd-sheet-item">
                  <dt>{fieldLabel(f.key)}</dt>
                  <dd>
                    <Text span c="dimmed" fs="italic" className="kd-masked">
                      {t('cards.masked')}
                    </Text>
                  </dd>
                </div>
              ) : (
                <SheetItem key={f.key} label={fieldLabel(f.key)}>
                  {person[f.key] === null ? '' : String(person[f.key])}
                </SheetItem>
              ),
            )}
          </dl>
        </Paper>
      ))}
    </Stack>
  );
}
