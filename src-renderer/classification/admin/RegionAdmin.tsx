import { Badge, Button, Group, Loader, Modal, NavLink, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/Notifications';
import {
  entryLabel,
  flattenTree,
  regionAndDescendants,
  regionPathLabel,
  regionTree,
  siblingsOf,
  suggestCode,
  type RegionNode,
} from '../region-tree';
import { DeleteEntryModal, EntryModal, type EntryDraft } from './EntryModal';
import { EntryTable } from './EntryTable';
import { useDictionaryEditing, type DictionaryEditing } from './use-dictionary-editing';

/** The tree's own top: selecting it shows the top-level regions for adding and ordering. */
const ROOT = '';

type Moving = { entry: DictionaryEntry };

/**
 * 区域与路线: the region tree (province / city / district, or the office's own areas, any depth)
 * and, for each region, its sub-regions and its routes. A region can be added under another,
 * renamed, moved under another parent, put in order among its siblings, deactivated or deleted;
 * a route likewise, and moved to another region.
 */
export function RegionAdmin() {
  const { t, language } = useI18n();
  const notify = useNotify();
  const editing = useDictionaryEditing();
  const [selected, setSelected] = useState<string>(ROOT);
  const [draft, setDraft] = useState<{ title: string; draft: EntryDraft } | null>(null);
  const [deleting, setDeleting] = useState<DictionaryEntry | null>(null);
  const [moving, setMoving] = useState<Moving | null>(null);

  if (!editing.entries) {
    return editing.load.error ? <ErrorAlert error={editing.load.error} /> : <Loader size="sm" />;
  }
  const entries = editing.entries;
  const tree = regionTree(entries);
  const regions = flattenTree(tree);
  const current = regions.find((n) => n.entry.code === selected) ?? null;
  const parentCode = current ? current.entry.code : null;
  const regionOptions = (exclude: Set<string>) =>
    regions
      .filter((n) => !exclude.has(n.entry.code))
      .map((n) => ({ value: n.entry.code, label: regionPathLabel(entries, n.entry.code, language) }));

  const children = siblingsOf(entries, 'region', parentCode);
  const routes = current ? current.routes : [];

  function addRegion() {
    setDraft({
      title: current
        ? t('classification.regions.addChildTitle', { parent: entryLabel(current.entry, language) })
        : t('classification.regions.addTopTitle'),
      draft: { kind: 'new', axis: 'region', parentCode, suggestedCode: suggestCode(entries, 'region', parentCode) },
    });
  }

  function addRoute() {
    if (!current) return;
    setDraft({
      title: t('classification.regions.addRouteTitle', { region: entryLabel(current.entry, language) }),
      draft: { kind: 'new', axis: 'route', parentCode, suggestedCode: suggestCode(entries, 'route', parentCode) },
    });
  }

  return (
    <div className="kd-region-admin" data-testid="region-admin">
      <Paper withBorder p="xs" className="kd-region-tree">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" px="xs">
            {t('classification.regions.treeHint')}
          </Text>
          <nav aria-label={t('classification.regions.tree')}>
            <NavLink
              label={t('classification.regions.tree')}
              active={selected === ROOT}
              onClick={() => setSelected(ROOT)}
              fw={600}
              data-region=""
            />
            {tree.map((node) => (
              <TreeItem key={node.entry.code} node={node} selected={selected} onSelect={setSelected} />
            ))}
          </nav>
          {tree.length === 0 ? (
            <Text size="sm" c="dimmed" px="xs">
              {t('classification.regions.none')}
            </Text>
          ) : null}
        </Stack>
      </Paper>

      <Stack gap="md" className="kd-region-detail">
        <ErrorAlert error={editing.change.error} />
        {current ? (
          <RegionHeader
            node={current}
            entries={entries}
            editing={editing}
            onEdit={() =>
              setDraft({
                title: t('classification.dict.editTitle', { code: current.entry.code }),
                draft: { kind: 'edit', entry: current.entry },
              })
            }
            onMove={() => setMoving({ entry: current.entry })}
            onDelete={() => setDeleting(current.entry)}
          />
        ) : null}

        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Title order={5}>{current ? t('classification.regions.children') : t('classification.regions.tree')}</Title>
            <Button size="xs" onClick={addRegion}>
              {current ? t('classification.regions.addChild') : t('classification.regions.addTop')}
            </Button>
          </Group>
          <EntryTable
            entries={children}
            busy={editing.change.busy}
            testId="region-children"
            onReorder={(codes) => void editing.reorder('region', parentCode, codes)}
            onEdit={(entry) =>
              setDraft({
                title: t('classification.dict.editTitle', { code: entry.code }),
                draft: { kind: 'edit', entry },
              })
            }
            onToggle={(entry) => void editing.setActive(entry, !entry.active)}
            onDelete={setDeleting}
            extraActions={(entry) => (
              <Button size="compact-xs" variant="subtle" onClick={() => setSelected(entry.code)}>
                {t('classification.regions.open')}
              </Button>
            )}
          />
        </Stack>

        {current ? (
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-end">
              <Stack gap={2}>
                <Title order={5}>{t('classification.regions.routes')}</Title>
                <Text size="xs" c="dimmed">
                  {t('classification.regions.routesHint')}
                </Text>
              </Stack>
              <Button size="xs" onClick={addRoute}>
                {t('classification.regions.addRoute')}
              </Button>
            </Group>
            {routes.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="region-routes">
                {t('classification.regions.noRoutes')}
              </Text>
            ) : (
              <EntryTable
                entries={routes}
                busy={editing.change.busy}
                testId="region-routes"
                onReorder={(codes) => void editing.reorder('route', parentCode, codes)}
                onEdit={(entry) =>
                  setDraft({
                    title: t('classification.dict.editTitle', { code: entry.code }),
                    draft: { kind: 'edit', entry },
                  })
                }
                onToggle={(entry) => void editing.setActive(entry, !entry.active)}
                onDelete={setDeleting}
                extraActions={(entry) => (
                  <Button size="compact-xs" variant="subtle" onClick={() => setMoving({ entry })}>
                    {t('classification.regions.move')}
                  </Button>
                )}
              />
            )}
          </Stack>
        ) : null}
      </Stack>

      {draft ? (
        <EntryModal
          title={draft.title}
          draft={draft.draft}
          onClose={() => setDraft(null)}
          onSaved={(next, saved) => {
            editing.setEntries(next);
            notify(t(draft.draft.kind === 'new' ? 'classification.dict.added' : 'classification.dict.saved', saved));
            setDraft(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteEntryModal
          entry={deleting}
          onClose={() => setDeleting(null)}
          onDone={(next, deactivated) => {
            editing.setEntries(next);
            notify(
              deactivated
                ? t('classification.dict.deactivated', { label: deleting.label })
                : t('classification.dict.deleted', { code: deleting.code }),
            );
            if (!deactivated && deleting.code === selected && deleting.axis === 'region') {
              setSelected(deleting.parentCode ?? ROOT);
            }
            setDeleting(null);
          }}
        />
      ) : null}
      {moving ? (
        <MoveModal
          entry={moving.entry}
          options={
            moving.entry.axis === 'region'
              ? regionOptions(regionAndDescendants(entries, moving.entry.code))
              : regionOptions(new Set())
          }
          editing={editing}
          onClose={() => setMoving(null)}
        />
      ) : null}
    </div>
  );
}

function TreeItem({
  node,
  selected,
  onSelect,
}: {
  node: RegionNode;
  selected: string;
  onSelect: (code: string) => void;
}) {
  const { t, language } = useI18n();
  const [opened, setOpened] = useState(node.depth === 0);
  // A click selects a region and opens it; only a click on the region already selected closes it.
  const wasSelected = useRef(false);
  const hasChildren = node.children.length > 0;
  return (
    <NavLink
      label={
        <Group gap={6} wrap="nowrap">
          <span className={node.entry.active ? undefined : 'kd-inactive-label'}>
            {entryLabel(node.entry, language)}
          </span>
          {node.routes.length > 0 ? (
            <Badge size="xs" variant="light" color="gray" className="kd-badge-whole">
              {t('classification.routes.route')} {node.routes.length}
            </Badge>
          ) : null}
        </Group>
      }
      description={node.entry.active ? node.entry.code : `${node.entry.code} · ${t('classification.dict.inactive')}`}
      active={selected === node.entry.code}
      opened={hasChildren ? opened : undefined}
      onChange={(next) => setOpened(wasSelected.current ? next : true)}
      onClick={() => {
        wasSelected.current = selected === node.entry.code;
        onSelect(node.entry.code);
      }}
      childrenOffset={16}
      data-region={node.entry.code}
    >
      {hasChildren
        ? node.children.map((child) => (
            <TreeItem key={child.entry.code} node={child} selected={selected} onSelect={onSelect} />
          ))
        : undefined}
    </NavLink>
  );
}

function RegionHeader({
  node,
  entries,
  editing,
  onEdit,
  onMove,
  onDelete,
}: {
  node: RegionNode;
  entries: DictionaryEntry[];
  editing: DictionaryEditing;
  onEdit: () => void;
  onMove: () => void;
  onDelete: () => void;
}) {
  const { t, language } = useI18n();
  const { entry } = node;
  return (
    <Paper withBorder p="md" data-testid="region-header">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={4}>{entryLabel(entry, language)}</Title>
          <Text size="sm" c="dimmed" className="kd-mono">
            {entry.code}
          </Text>
          <Badge size="sm" variant="light" color={entry.active ? 'green' : 'gray'} className="kd-badge-whole">
            {entry.active ? t('classification.dict.active') : t('classification.dict.inactive')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('classification.regions.path')}
          {t('common.colon')}
          {regionPathLabel(entries, entry.code, language)}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onEdit}>
            {t('classification.dict.edit')}
          </Button>
          <Button size="xs" variant="default" onClick={onMove}>
            {t('classification.regions.move')}…
          </Button>
          <Button
            size="xs"
            variant="default"
            color={entry.active ? 'orange' : 'green'}
            onClick={() => void editing.setActive(entry, !entry.active)}
            loading={editing.change.busy}
          >
            {entry.active ? t('classification.dict.deactivate') : t('classification.dict.reactivate')}
          </Button>
          <Button size="xs" variant="default" color="red" onClick={onDelete}>
            {t('classification.dict.delete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** 移到: another parent region for a region (not itself or below it; or the top level), or another region for a route. */
function MoveModal({
  entry,
  options,
  editing,
  onClose,
}: {
  entry: DictionaryEntry;
  options: { value: string; label: string }[];
  editing: DictionaryEditing;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const isRegion = entry.axis === 'region';
  const [parent, setParent] = useState<string | null>(entry.parentCode);
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(isRegion ? 'classification.regions.moveTitle' : 'classification.regions.moveRouteTitle', {
        label: entry.label,
      })}
    >
      <Stack gap="md">
        <Select
          label={isRegion ? t('classification.regions.parent') : t('classification.regions.routeRegion')}
          data={options}
          value={parent}
          onChange={setParent}
          clearable={isRegion}
          placeholder={isRegion ? t('classification.regions.topLevel') : undefined}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <ErrorAlert error={editing.change.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={editing.change.busy}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void editing.moveUnder(entry, parent).then((ok) => ok && onClose())}
            loading={editing.change.busy}
            disabled={editing.change.busy || parent === entry.parentCode || (!isRegion && parent === null)}
          >
            {t('classification.regions.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
