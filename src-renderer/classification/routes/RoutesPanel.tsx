import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionDto } from '../../../src-shared/contracts';
import type { RouteDto, RouteStop } from '../../../src-shared/contracts/classification';
import type { KedangErrorDto } from '../../../src-shared/errors';
import { call, endsSession } from '../../api/call';
import { useAction } from '../../api/useAction';
import { useCardLabels } from '../../cards/card-labels';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/Notifications';
import { RoutePrintButton } from '../print/RoutePrintButton';
import { entryLabel, flattenTree, moveItem, regionPathLabel, regionTree } from '../region-tree';
import { useRowDrag } from '../row-drag';

/**
 * 路线 (method 三.2 ③: 区域, then 路序 within it): a region's route with its customers in
 * visiting order. A custodian puts them in order by dragging rows (or ↑ ↓ from the keyboard) and
 * saves; the saved order is each card's 路序. Everyone who may print prints the route sheet.
 */
export function RoutesPanel({ session }: { session: SessionDto }) {
  const { t, language } = useI18n();
  const labels = useCardLabels();
  const notify = useNotify();
  const canEdit = session.permissions.includes('cards.write');
  const canPrint = session.permissions.includes('cards.print');
  const load = useAction();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<KedangErrorDto | null>(null);
  const [chosenRegion, setRegion] = useState<string | null>(null);
  const [route, setRoute] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<RouteDto | null>(null);
  const [stops, setStops] = useState<RouteStop[]>([]);
  const [changedNote, setChangedNote] = useState(false);

  const entries = labels.dictionaries;
  // Only regions with routes are offered: in a tree of provinces, cities and districts most have none.
  const regions = flattenTree(regionTree(entries)).filter((n) => n.routes.length > 0);

  // Until the user chooses, the first region with routes is shown, so the screen is useful at once.
  const region = chosenRegion ?? regions.find((n) => n.routes.some((r) => r.active))?.entry.code ?? null;
  const routes = region ? (regions.find((n) => n.entry.code === region)?.routes ?? []) : [];

  const { run: runLoad } = load;
  useEffect(() => {
    if (!route) return;
    let live = true;
    void runLoad('classification.route', { route }).then((next) => {
      if (live && next) {
        setLoaded(next);
        setStops(next.stops);
      }
    });
    return () => {
      live = false;
    };
  }, [runLoad, route]);
  // The route on screen: only the one chosen (an answer for an earlier choice is not shown).
  const dto = loaded !== null && loaded.route.code === route ? loaded : null;

  const dirty = dto !== null && stops.some((s, i) => s.id !== dto.stops[i]?.id);
  const move = (from: number, to: number) => {
    setChangedNote(false);
    setStops((list) => moveItem(list, from, to));
  };
  const drag = useRowDrag(canEdit && !saving, move);

  async function saveOrder() {
    if (!dto || !route) return;
    setSaving(true);
    setSaveError(null);
    setChangedNote(false);
    try {
      const result = await call('classification.reorderRoute', {
        route,
        stops: stops.map((s) => ({ id: s.id, version: s.version })),
      });
      if (result.ok) {
        setLoaded(result.value);
        setStops(result.value.stops);
        notify(t('classification.routes.saved'));
        return;
      }
      if (endsSession(result.error)) return;
      if (result.error.code !== 'CARD_CHANGED') {
        setSaveError(result.error);
        return;
      }
      // Someone changed the route (or one of its cards) meanwhile: read it again and say why the order jumped back.
      const again = await call('classification.route', { route });
      if (!again.ok) {
        if (!endsSession(again.error)) setSaveError(again.error);
        return;
      }
      setLoaded(again.value);
      setStops(again.value.stops);
      setChangedNote(true);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md" data-testid="routes-panel">
      <Paper withBorder p="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('classification.routes.region')}
            placeholder={t('classification.routes.pickRegion')}
            data={regions.map((n) => ({
              value: n.entry.code,
              label: regionPathLabel(entries, n.entry.code, language),
            }))}
            value={region}
            onChange={(v) => {
              setRegion(v);
              setRoute(null);
            }}
            searchable
            disabled={dirty}
            w={280}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('classification.routes.route')}
            placeholder={
              routes.length === 0 && region ? t('classification.routes.noRoutes') : t('classification.routes.pickRoute')
            }
            data={routes.map((r) => ({ value: r.code, label: `${entryLabel(r, language)}（${r.code}）` }))}
            value={route}
            onChange={setRoute}
            disabled={routes.length === 0 || dirty}
            searchable
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          {dto && canPrint ? (
            <RoutePrintButton
              route={dto.route.code}
              disabled={dirty}
              disabledReason={t('classification.routes.printUnsaved')}
            />
          ) : null}
        </Group>
      </Paper>

      <ErrorAlert error={load.error} />
      {!route ? (
        <Text size="sm" c="dimmed">
          {t('classification.routes.pick')}
        </Text>
      ) : !dto ? (
        load.error ? null : (
          <Loader size="sm" />
        )
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap" align="flex-end">
            <Stack gap={2}>
              <Title order={4} data-testid="route-heading">
                {entryLabel(dto.route, language)}
                <Text span c="dimmed" size="sm" ml="sm" className="kd-mono">
                  {dto.route.code}
                </Text>
              </Title>
              <Text size="sm" c="dimmed">
                {dto.regionPath.map((e) => entryLabel(e, language)).join(' › ')}
                {' · '}
                {t('classification.routes.stops', { n: stops.length })}
              </Text>
            </Stack>
            {canEdit ? (
              <Group gap="xs">
                {dirty ? (
                  <Badge color="red" variant="outline" className="kd-badge-whole" data-testid="route-unsaved">
                    {t('classification.routes.unsaved')}
                  </Badge>
                ) : null}
                <Button variant="default" disabled={!dirty || saving} onClick={() => setStops(dto.stops)}>
                  {t('classification.routes.undo')}
                </Button>
                <Button disabled={!dirty || saving} loading={saving} onClick={() => void saveOrder()}>
                  {t('classification.routes.save')}
                </Button>
              </Group>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {canEdit ? t('classification.routes.editHint') : t('classification.routes.readHint')}
          </Text>
          {changedNote ? (
            <Alert color="orange" variant="light" data-testid="route-changed">
              {t('classification.routes.changed')}
            </Alert>
          ) : null}
          <ErrorAlert error={saveError} />
          {stops.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('classification.routes.empty')}
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing={6} className="kd-route-table" data-testid="route-stops">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56} className="kd-num">
                    {t('classification.routes.order')}
                  </Table.Th>
                  {canEdit ? <Table.Th w={84}>{t('classification.routes.move')}</Table.Th> : null}
                  <Table.Th w={110}>{t('classification.routes.code')}</Table.Th>
                  <Table.Th>{t('classification.routes.name')}</Table.Th>
                  <Table.Th>{t('classification.routes.address')}</Table.Th>
                  <Table.Th w={150}>{t('classification.routes.phone')}</Table.Th>
                  <Table.Th w={90}>{t('classification.routes.contact')}</Table.Th>
                  <Table.Th w={110}>{t('classification.routes.lastVisit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stops.map((stop, index) => (
                  <Table.Tr
                    key={stop.id}
                    data-card-id={stop.id}
                    className={canEdit ? 'kd-drag-row' : undefined}
                    data-moved={dto.stops[index]?.id !== stop.id || undefined}
                    {...drag.rowProps(index)}
                  >
                    <Table.Td className="kd-num">{index + 1}</Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <span
                            className="kd-drag-handle"
                            title={t('classification.routes.dragHandle', { name: stop.name })}
                          >
                            ⠿
                          </span>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('classification.dict.moveUpOf', { label: stop.name })}
                            disabled={index === 0 || saving}
                            onClick={() => move(index, index - 1)}
                          >
                            ↑
                          </ActionIcon>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('classification.dict.moveDownOf', { label: stop.name })}
                            disabled={index === stops.length - 1 || saving}
                            onClick={() => move(index, index + 1)}
                          >
                            ↓
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    ) : null}
                    <Table.Td className="kd-mono">{stop.code}</Table.Td>
                    <Table.Td data-column="name">{stop.name}</Table.Td>
                    <Table.Td>{stop.address}</Table.Td>
                    <Table.Td className="kd-mono">{stop.phone}</Table.Td>
                    <Table.Td>{stop.contact}</Table.Td>
                    <Table.Td className="kd-mono">
                      {stop.lastVisitOn ?? t('classification.routes.neverVisited')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
