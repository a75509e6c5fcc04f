import { Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  LIFECYCLES,
  VOLUME_TIERS,
  type DerivedAxis,
  type Lifecycle,
  type VolumeTier,
} from '../../src-shared/classification/derived';
import type { DerivedClassesDto } from '../../src-shared/contracts/classification';
import { formatCents } from '../../src-shared/sales/sales';
import { useAction } from '../api/useAction';
import { LIFECYCLE_COLORS, LIFECYCLE_KEYS, VOLUME_TIER_COLORS, VOLUME_TIER_KEYS } from '../classification/class-labels';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/Notifications';

type Dialog = { axis: DerivedAxis; remove: boolean };

/**
 * 派生分类 on the card: lifecycle and volume tier as computed from the sales, the class in effect,
 * a hand-set override if any, and the record of every override with who, when and why. A
 * custodian sets or removes an override; a reason is required and kept.
 */
export function DerivedClassesPanel({
  cardId,
  canOverride,
  onChanged,
}: {
  cardId: number;
  canOverride: boolean;
  /** An override changed the class in effect: the list must be read again. */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const load = useAction();
  const [dto, setDto] = useState<DerivedClassesDto | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { run } = load;

  useEffect(() => {
    void run('classification.derived', { id: cardId }).then((next) => {
      if (next) setDto(next);
    });
  }, [run, cardId]);

  const className = (axis: DerivedAxis, value: string) =>
    axis === 'lifecycle'
      ? value in LIFECYCLE_KEYS
        ? t(LIFECYCLE_KEYS[value as Lifecycle])
        : value
      : value in VOLUME_TIER_KEYS
        ? t(VOLUME_TIER_KEYS[value as VolumeTier])
        : value;
  const axisName = (axis: DerivedAxis) =>
    axis === 'lifecycle' ? t('classification.axis.lifecycle') : t('classification.axis.volumeTier');

  if (!dto) {
    return (
      <Paper withBorder p="md" mt="lg">
        {load.error ? <ErrorAlert error={load.error} /> : <Loader size="sm" />}
      </Paper>
    );
  }

  const rows: { axis: DerivedAxis; effective: string; derived: string; override: string | null; color: string }[] = [
    {
      axis: 'lifecycle',
      effective: dto.lifecycle,
      derived: dto.lifecycleDerived,
      override: dto.lifecycleOverride,
      color: LIFECYCLE_COLORS[dto.lifecycle],
    },
    {
      axis: 'volumeTier',
      effective: dto.volumeTier,
      derived: dto.volumeTierDerived,
      override: dto.volumeTierOverride,
      color: VOLUME_TIER_COLORS[dto.volumeTier],
    },
  ];

  return (
    <Paper withBorder p="md" mt="lg" data-testid="derived-classes">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>{t('classification.derived.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('classification.derived.hint')}
          </Text>
        </Stack>
        <Table withTableBorder verticalSpacing={6} maw={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110} />
              <Table.Th>{t('classification.derived.effective')}</Table.Th>
              <Table.Th>{t('classification.derived.computed')}</Table.Th>
              <Table.Th>{t('classification.derived.override')}</Table.Th>
              {canOverride ? <Table.Th w={1} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.axis} data-axis={row.axis}>
                <Table.Th>{axisName(row.axis)}</Table.Th>
                <Table.Td>
                  <Badge
                    color={row.color}
                    variant="light"
                    className="kd-badge-whole"
                    data-testid={`derived-${row.axis}`}
                  >
                    {className(row.axis, row.effective)}
                  </Badge>
                </Table.Td>
                <Table.Td>{className(row.axis, row.derived)}</Table.Td>
                <Table.Td>
                  {row.override ? (
                    <Text size="sm" fw={600}>
                      {className(row.axis, row.override)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('classification.derived.noOverride')}
                    </Text>
                  )}
                </Table.Td>
                {canOverride ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setDialog({ axis: row.axis, remove: false })}
                      >
                        {t('classification.derived.setOverride')}
                      </Button>
                      {row.override ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="orange"
                          onClick={() => setDialog({ axis: row.axis, remove: true })}
                        >
                          {t('classification.derived.removeOverride')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="xl">
          <Fact
            label={t('classification.derived.firstSale')}
            value={dto.firstSaleOn ?? t('classification.derived.never')}
          />
          <Fact
            label={t('classification.derived.lastSale')}
            value={dto.lastSaleOn ?? t('classification.derived.never')}
          />
          <Fact
            label={t('classification.derived.sales12m')}
            value={t('classification.derived.yuan', { amount: formatCents(dto.sales12mCents) })}
          />
        </Group>

        <Text size="sm" fw={600} mt="xs">
          {t('classification.derived.history')}
        </Text>
        {dto.overrides.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('classification.derived.historyNone')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} maw={860} data-testid="override-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('classification.derived.historyAt')}</Table.Th>
                <Table.Th w={90}>{t('classification.derived.historyBy')}</Table.Th>
                <Table.Th w={90}>{t('classification.derived.historyAxis')}</Table.Th>
                <Table.Th w={100}>{t('classification.derived.historyValue')}</Table.Th>
                <Table.Th>{t('classification.derived.historyNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {/* Newest first, as main lists them. */}
              {dto.overrides.map((o, i) => (
                <Table.Tr key={`${o.at}-${i}`}>
                  <Table.Td className="kd-mono" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(o.at).slice(0, 16)}
                  </Table.Td>
                  <Table.Td>{o.by}</Table.Td>
                  <Table.Td>{axisName(o.axis)}</Table.Td>
                  <Table.Td>
                    {o.value === '' ? (
                      <Text size="sm" c="dimmed">
                        {t('classification.derived.historyRemoved')}
                      </Text>
                    ) : (
                      className(o.axis, o.value)
                    )}
                  </Table.Td>
                  <Table.Td>{o.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      {dialog ? (
        <OverrideModal
          cardId={cardId}
          dialog={dialog}
          dto={dto}
          axisName={axisName(dialog.axis)}
          className={(v) => className(dialog.axis, v)}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            setDto(next);
            setDialog(null);
            onChanged();
          }}
        />
      ) : null}
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className="kd-mono">
        {value}
      </Text>
    </Stack>
  );
}

function OverrideModal({
  cardId,
  dialog,
  dto,
  axisName,
  className,
  onClose,
  onSaved,
}: {
  cardId: number;
  dialog: Dialog;
  dto: DerivedClassesDto;
  axisName: string;
  className: (value: string) => string;
  onClose: () => void;
  onSaved: (dto: DerivedClassesDto) => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const action = useAction();
  const current = dialog.axis === 'lifecycle' ? dto.lifecycleOverride : dto.volumeTierOverride;
  const [value, setValue] = useState<string | null>(dialog.remove ? null : current);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const values: readonly string[] = dialog.axis === 'lifecycle' ? LIFECYCLES : VOLUME_TIERS;
  const noteProblem = note.trim() === '' ? t('classification.derived.noteRequired') : null;
  const derived = dialog.axis === 'lifecycle' ? dto.lifecycleDerived : dto.volumeTierDerived;

  async function save() {
    setAttempted(true);
    if (noteProblem || (!dialog.remove && value === null)) return;
    const trimmed = note.trim();
    const next =
      dialog.axis === 'lifecycle'
        ? await action.run('classification.setOverride', {
            id: cardId,
            axis: 'lifecycle',
            value: dialog.remove ? null : (value as Lifecycle),
            note: trimmed,
          })
        : await action.run('classification.setOverride', {
            id: cardId,
            axis: 'volumeTier',
            value: dialog.remove ? null : (value as VolumeTier),
            note: trimmed,
          });
    if (!next) return;
    notify(
      dialog.remove
        ? t('classification.derived.removed', { axis: axisName })
        : t('classification.derived.saved', { axis: axisName, value: className(value ?? '') }),
    );
    onSaved(next);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={
        dialog.remove
          ? t('classification.derived.removeTitle', { axis: axisName })
          : t('classification.derived.overrideTitle', { axis: axisName })
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {dialog.remove ? (
            <Text size="sm">
              {t('classification.derived.removeExplain', { axis: axisName, value: className(derived) })}
            </Text>
          ) : (
            <Select
              label={t('classification.derived.value')}
              data={values.map((v) => ({ value: v, label: className(v) }))}
              value={value}
              onChange={setValue}
              error={attempted && value === null ? t('form.required') : null}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              withAsterisk
            />
          )}
          <Textarea
            label={t('classification.derived.note')}
            placeholder={t('classification.derived.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={attempted ? noteProblem : null}
            maxLength={200}
            autosize
            minRows={2}
            withAsterisk
            data-autofocus
          />
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={dialog.remove ? 'orange' : undefined}
              loading={action.busy}
              disabled={action.busy}
            >
              {dialog.remove ? t('classification.derived.removeConfirm') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
