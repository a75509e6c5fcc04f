import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Collapse,
  Group,
  MultiSelect,
  Popover,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { CARD_STATUSES, type CardStatus } from '../../src-shared/cards/card';
import type { CardFilters, CardQuery, CardSortColumn, SessionDto } from '../../src-shared/contracts';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { ReassignModal } from '../classification/ReassignModal';
import type { CardsIntent } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCardLabels } from './card-labels';
import { CardListFilters, countPanelFilters } from './CardListFilters';
import { CARD_COLUMNS, loadColumns, saveColumns, STATUS_KEYS } from './columns';
import { ExportCardsButton } from './import/ExportCardsButton';
import { ImportCardsButton } from './import/ImportCardsButton';
import { CardPageCache, PAGE_SIZE } from './page-cache';
import { PrintCardsButton } from './print/PrintCardsButton';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const CHECK_WIDTH = 44;
const DEFAULT_FILTERS: CardFilters = { status: ['active'] };
const DEFAULT_SORT: CardQuery['sort'] = { column: 'code', direction: 'asc' };

/**
 * 客户档案: the card list. One search box (results as you type), filters
 * for every classification axis, sortable columns the user chooses, and a
 * virtualized table that reads pages of 100 as it scrolls, so that an
 * archive of 100,000 cards scrolls like one of 100.
 */
export function CardList({
  session,
  visible,
  refreshKey,
  intent,
  onOpen,
  onNew,
}: {
  session: SessionDto;
  visible: boolean;
  refreshKey: number;
  /** Filters another screen asked for (a classification group, an analysis segment); they replace the list's own. */
  intent: CardsIntent | null;
  onOpen: (id: number) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const may = (p: SessionDto['permissions'][number]) => session.permissions.includes(p);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const [filters, setFilters] = useState<CardFilters>(intent?.filters ?? DEFAULT_FILTERS);
  const [sort, setSort] = useState<CardQuery['sort']>(DEFAULT_SORT);
  const [columns, setColumns] = useState<CardSortColumn[]>(() => loadColumns(session.username));
  // The filter panel opens by itself for filters another screen set, so the user sees why the list is narrowed.
  const [panelOpen, setPanelOpen] = useState(intent?.filters ? countPanelFilters(intent.filters) > 0 : false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Bumped after an import or a reassignment so the list reads the cards again.
  const [localRefresh, setLocalRefresh] = useState(0);
  const [reassigning, setReassigning] = useState(false);

  const [appliedIntent, setAppliedIntent] = useState(intent);
  if (intent !== appliedIntent) {
    setAppliedIntent(intent);
    if (intent?.filters) {
      setSearch('');
      setFilters(intent.filters);
      setPanelOpen(countPanelFilters(intent.filters) > 0);
    }
  }

  const query = useMemo<CardQuery>(() => ({ query: debounced, filters, sort }), [debounced, filters, sort]);
  const queryKey = JSON.stringify(query);

  // One cache per search (and per refresh after a save elsewhere); the old one stops fetching.
  const cache = useMemo(
    () =>
      new CardPageCache(async (offset, limit) => {
        const result = await call('cards.search', { ...query, offset, limit });
        return result;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey stands for query; refreshKey forces a re-read.
    [queryKey, refreshKey, localRefresh],
  );
  useEffect(() => () => cache.close(), [cache]);
  useSyncExternalStore(cache.subscribe, cache.getRevision);

  // A new search starts at the top with nothing selected (selection belongs to what is on screen).
  const scrollRef = useRef<HTMLDivElement>(null);
  const [lastQueryKey, setLastQueryKey] = useState(queryKey);
  if (lastQueryKey !== queryKey) {
    setLastQueryKey(queryKey);
    setSelected(new Set());
  }
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Leaving for a card and coming back keeps the place in the list (a hidden element forgets its scroll).
  const savedScroll = useRef(0);
  useLayoutEffect(() => {
    if (visible && scrollRef.current) scrollRef.current.scrollTop = savedScroll.current;
  }, [visible]);

  const total = cache.total;
  // eslint-disable-next-line react-hooks/incompatible-library -- the table re-renders on scroll by design.
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? PAGE_SIZE - 1;
  useEffect(() => {
    cache.ensureRange(first, last);
  }, [cache, first, last]);

  const shown = CARD_COLUMNS.filter((c) => columns.includes(c.key));
  const template = `${CHECK_WIDTH}px ${shown.map((c) => c.width).join(' ')}`;
  const minWidth = CHECK_WIDTH + shown.reduce((sum, c) => sum + c.minWidth, 0);

  const loaded = cache.loadedRows();
  const allLoadedSelected = loaded.length > 0 && loaded.every((r) => selected.has(r.id));
  const someSelected = loaded.some((r) => selected.has(r.id));
  const panelCount = countPanelFilters(filters);
  const statusFilter = filters.status ?? [];
  const filtered =
    debounced !== '' ||
    panelCount > 0 ||
    filters.unverifiedOnly === true ||
    JSON.stringify(statusFilter) !== JSON.stringify(DEFAULT_FILTERS.status);

  function toggleSort(column: CardSortColumn) {
    setSort((old) =>
      old.column === column
        ? { column, direction: old.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: 'asc' },
    );
  }

  function toggleRow(id: number) {
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function chooseColumns(next: CardSortColumn[]) {
    setColumns(next);
    saveColumns(session.username, next);
  }

  function clearFilters() {
    setSearch('');
    setFilters(DEFAULT_FILTERS);
  }

  const onRowKey = (event: KeyboardEvent, id: number) => {
    if (event.key === 'Enter') onOpen(id);
    if (event.key === ' ') {
      event.preventDefault();
      toggleRow(id);
    }
  };

  const selectedIds = [...selected];
  return (
    <Stack gap="sm" className="kd-cards-screen" style={{ display: visible ? undefined : 'none' }}>
      <Group gap="md" align="baseline" wrap="wrap">
        <Title order={2}>{t('cards.title')}</Title>
        <Text size="sm" c="dimmed">
          {may('cards.print') || may('cards.export') ? t('cards.listHint') : t('cards.listHintRead')}
        </Text>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          className="kd-card-search"
          label={t('cards.search')}
          placeholder={t('cards.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={300}
          data-autofocus
        />
        <MultiSelect
          label={t('cards.column.status')}
          data={CARD_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
          value={statusFilter}
          onChange={(values) => setFilters((old) => ({ ...old, status: values as CardStatus[] }))}
          placeholder={statusFilter.length === 0 ? t('cards.filter.any') : undefined}
          w={230}
          comboboxProps={{ withinPortal: true }}
        />
        <Switch
          label={t('cards.filter.unverifiedOnly')}
          checked={filters.unverifiedOnly === true}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setFilters((old) => {
              const next = { ...old };
              if (on) next.unverifiedOnly = true;
              else delete next.unverifiedOnly;
              return next;
            });
          }}
          mb={8}
        />
        <Button
          variant={panelOpen ? 'light' : 'default'}
          onClick={() => setPanelOpen((o) => !o)}
          rightSection={
            panelCount > 0 ? (
              <Badge size="sm" circle>
                {panelCount}
              </Badge>
            ) : null
          }
          aria-expanded={panelOpen}
        >
          {t('cards.filter.more')}
        </Button>
        <ColumnChooser columns={columns} onChange={chooseColumns} />
        {filtered ? (
          <Button variant="subtle" onClick={clearFilters}>
            {t('cards.filter.clear')}
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={panelOpen}>
        <CardListFilters filters={filters} onChange={setFilters} />
      </Collapse>

      {/* The actions sit with the count, clear of the notifications in the top right corner. */}
      <Group gap="md" justify="space-between" mih={36}>
        <Group gap="md">
          <Text size="sm" fw={500} data-testid="card-total">
            {total === null ? t('cards.loading') : t('cards.total', { n: total.toLocaleString() })}
          </Text>
          {selected.size > 0 ? (
            <Group gap={6}>
              <Text size="sm" c="indigo" data-testid="card-selected">
                {t('cards.selected', { n: selected.size })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setSelected(new Set())}>
                {t('cards.clearSelection')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {may('cards.print') ? <PrintCardsButton ids={selectedIds} disabled={selectedIds.length === 0} /> : null}
          {may('cards.export') ? <ExportCardsButton query={query} selectedIds={selectedIds} /> : null}
          {may('cards.write') ? (
            <Button
              variant="default"
              onClick={() => setReassigning(true)}
              disabled={!total}
              data-testid="reassign-cards"
            >
              {t('classification.reassign.title')}
            </Button>
          ) : null}
          {may('cards.import') ? <ImportCardsButton onImported={() => setLocalRefresh((n) => n + 1)} /> : null}
          {may('cards.write') ? <Button onClick={onNew}>{t('cards.new')}</Button> : null}
        </Group>
      </Group>

      {reassigning && total ? (
        <ReassignModal
          query={query}
          total={total}
          selectedIds={selectedIds}
          onClose={() => setReassigning(false)}
          onDone={() => {
            setReassigning(false);
            setSelected(new Set());
            setLocalRefresh((n) => n + 1);
          }}
        />
      ) : null}

      {cache.error ? (
        <Stack gap="xs">
          <ErrorAlert error={cache.error} />
          <Group>
            <Button size="xs" variant="default" onClick={() => cache.retry()}>
              {t('cards.retry')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      <div
        className="kd-card-table"
        role="table"
        aria-label={t('cards.title')}
        aria-rowcount={(total ?? 0) + 1}
        data-testid="card-table"
      >
        <div
          className="kd-card-scroll"
          ref={scrollRef}
          onScroll={(e) => {
            if (visible) savedScroll.current = e.currentTarget.scrollTop;
          }}
        >
          <div role="rowgroup" className="kd-card-head" style={{ minWidth }}>
            <div role="row" className="kd-card-row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
              <div role="columnheader" className="kd-card-cell kd-card-check">
                <Checkbox
                  size="xs"
                  aria-label={t('cards.selectAllLoaded')}
                  title={t('cards.selectAllLoaded')}
                  checked={allLoadedSelected}
                  indeterminate={someSelected && !allLoadedSelected}
                  disabled={loaded.length === 0}
                  onChange={() =>
                    setSelected(allLoadedSelected ? new Set() : new Set([...selected, ...loaded.map((r) => r.id)]))
                  }
                />
              </div>
              {shown.map((column) => {
                const active = sort.column === column.key;
                const label = 'path' in column.header ? labels.field(column.header.path) : t(column.header.key);
                return (
                  <div
                    key={column.key}
                    role="columnheader"
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                    className="kd-card-cell"
                  >
                    <UnstyledButton
                      className="kd-card-sort"
                      onClick={() => toggleSort(column.key)}
                      title={t('cards.sortBy', { column: label })}
                      data-align={column.align}
                    >
                      <span className="kd-card-truncate">{label}</span>
                      {active ? (
                        <span className="kd-card-sort-mark" aria-hidden>
                          {sort.direction === 'asc' ? '▲' : '▼'}
                        </span>
                      ) : null}
                    </UnstyledButton>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), minWidth, position: 'relative' }}>
            {items.map((item) => {
              const row = cache.row(item.index);
              const style = {
                gridTemplateColumns: template,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
              };
              if (!row) {
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="kd-card-row kd-card-body-row"
                    style={style}
                  >
                    <div role="cell" className="kd-card-cell kd-card-placeholder">
                      …
                    </div>
                  </div>
                );
              }
              const isSelected = selected.has(row.id);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  tabIndex={0}
                  className="kd-card-row kd-card-body-row"
                  data-card-id={row.id}
                  data-selected={isSelected || undefined}
                  style={style}
                  onClick={() => onOpen(row.id)}
                  onKeyDown={(e) => onRowKey(e, row.id)}
                >
                  <div role="cell" className="kd-card-cell kd-card-check" onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      size="xs"
                      aria-label={t('cards.selectRow', { name: row.name })}
                      checked={isSelected}
                      onChange={() => toggleRow(row.id)}
                    />
                  </div>
                  {shown.map((column) => {
                    const text = column.text(row, labels, t);
                    return (
                      <div
                        key={column.key}
                        role="cell"
                        className={`kd-card-cell${column.mono ? ' kd-mono' : ''}`}
                        data-align={column.align}
                        data-column={column.key}
                        title={(column.title ? column.title(row, labels) : text) || undefined}
                      >
                        {column.render ? (
                          column.render(row, labels, t)
                        ) : (
                          <span className="kd-card-truncate">{text}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
          {total === 0 ? (
            <Box p="xl" className="kd-card-empty" data-testid="card-empty">
              {filtered ? (
                <Alert color="gray" variant="light" title={t('cards.noneFound')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('cards.noneFoundHint')}</Text>
                    <Button size="xs" variant="default" onClick={clearFilters}>
                      {t('cards.filter.clear')}
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <Alert color="indigo" variant="light" title={t('cards.empty')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      {may('cards.write') ? t('cards.emptyHintWriter') : t('cards.emptyHintReader')}
                    </Text>
                    {may('cards.write') ? (
                      <Button size="xs" onClick={onNew}>
                        {t('cards.new')}
                      </Button>
                    ) : null}
                  </Stack>
                </Alert>
              )}
            </Box>
          ) : null}
        </div>
      </div>
    </Stack>
  );
}

/** Which columns the list shows; remembered on this machine. */
function ColumnChooser({
  columns,
  onChange,
}: {
  columns: CardSortColumn[];
  onChange: (next: CardSortColumn[]) => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default">{t('cards.columns')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} data-testid="column-chooser">
          <Text size="xs" c="dimmed">
            {t('cards.columnsHint')}
          </Text>
          <div className="kd-column-grid">
            {CARD_COLUMNS.map((column) => {
              const label = 'path' in column.header ? labels.field(column.header.path) : t(column.header.key);
              const on = columns.includes(column.key);
              return (
                <Checkbox
                  key={column.key}
                  size="xs"
                  label={label}
                  checked={on}
                  // The name keeps the list readable: it cannot be hidden.
                  disabled={column.key === 'name'}
                  onChange={() => onChange(on ? columns.filter((c) => c !== column.key) : [...columns, column.key])}
                />
              );
            })}
          </div>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
