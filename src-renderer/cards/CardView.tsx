import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  emptyCard,
  unverifiedSections,
  type CardContent,
  type Person,
  type SectionKey,
} from '../../src-shared/cards/card';
import type { CardDto, DuplicateCandidate, SessionDto } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call } from '../api/call';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/Notifications';
import {
  CARD_TABS,
  isDirty,
  problemsPerTab,
  serverProblems,
  tabOfPath,
  validateCard,
  withField,
  withPeople,
  type CardTab,
  type Problems,
} from './card-form';
import { useCardLabels } from './card-labels';
import { STATUS_COLORS, STATUS_KEYS } from './columns';
import { ConfirmModal } from './ConfirmModal';
import { ConflictPanel, reapply, type Conflict } from './ConflictPanel';
import { DerivedClassesPanel } from './DerivedClassesPanel';
import { DuplicateList, DuplicateWarning, useDuplicateProbe } from './Duplicates';
import { FieldsPanel } from './FieldsPanel';
import { HistoryPanel } from './HistoryPanel';
import { OverviewPanel } from './OverviewPanel';
import { confirmLeave, useLeaveGuard } from './leave-guard';
import { MergeModal } from './MergeModal';
import { PeoplePanel } from './PeoplePanel';
import { PrintCardsButton } from './print/PrintCardsButton';
import { SectionSource } from './SectionSource';

/** Which card the view shows: an existing one (maybe already loaded), or a new one being entered. */
export type CardTarget = { kind: 'open'; id: number; loaded?: CardDto } | { kind: 'new' };

interface Editing {
  /** The version the edit started from (the save's expectedVersion); null for a new card. */
  baseVersion: number | null;
  base: CardContent;
  draft: CardContent;
  /** Stable React keys of the people being edited. */
  keys: number[];
  /** After the first save attempt the client problems show live. */
  attempted: boolean;
  /** INVALID_INPUT from main, per field; a field's problem goes when the field is changed. */
  server: Problems;
}

type Dialog =
  | { kind: 'archive' }
  | { kind: 'merge' }
  | { kind: 'restore'; version: number }
  | { kind: 'duplicates'; candidates: DuplicateCandidate[] };

const CONTENT_TABS: readonly SectionKey[] = ['basic', 'people', 'characteristics', 'business', 'trading'];

function startEditing(dto: CardDto | null): Editing {
  const content = dto ? dto.content : emptyCard();
  return {
    baseVersion: dto ? dto.version : null,
    base: content,
    draft: structuredClone(content),
    keys: content.people.map((_, i) => i + 1),
    attempted: false,
    server: {},
  };
}

function without(problems: Problems, test: (path: string) => boolean): Problems {
  return Object.fromEntries(Object.entries(problems).filter(([path]) => !test(path)));
}

/**
 * One archive card: its header, the seven tabs, and every action a
 * custodian takes on it (edit, verify, merge, 停用, restore). Readers see
 * the same card read-only, personal notes masked.
 */
export function CardView({
  session,
  target,
  onOpen,
  onReplace,
  onClose,
  onChanged,
}: {
  session: SessionDto;
  target: CardTarget;
  /** Opens another card (asks first when edits are unsaved). */
  onOpen: (id: number) => void;
  /** Shows a card that this view just wrote (nothing unsaved remains). */
  onReplace: (card: CardDto) => void;
  /** Back to the list; `confirmed` when the user already agreed to drop unsaved edits. */
  onClose: (confirmed?: boolean) => void;
  /** Something was written: the list must be read again. */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const labels = useCardLabels();
  const notify = useNotify();
  const may = (p: SessionDto['permissions'][number]) => session.permissions.includes(p);
  const canWrite = may('cards.write');
  const canReveal = may('cards.revealPersonal');

  const load = useAction();
  const reveal = useAction();
  const verify = useAction();
  const archive = useAction();
  const restore = useAction();
  const older = useAction();

  const [card, setCard] = useState<CardDto | null>(target.kind === 'open' ? (target.loaded ?? null) : null);
  // Personal notes are shown only after the reader asked for them (the reveal is logged by main).
  const [revealed, setRevealed] = useState(false);
  // An older version on screen, and the tab to return to afterwards (where the user asked for it).
  const [viewing, setViewing] = useState<{
    dto: CardDto;
    asOf: string | null;
    revealed: boolean;
    returnTab: CardTab;
  } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(target.kind === 'new' ? startEditing(null) : null);
  const [tab, setTab] = useState<CardTab>('basic');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<KedangErrorDto | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const id = target.kind === 'open' ? target.id : null;
  const preloaded = target.kind === 'open' && target.loaded !== undefined;
  const { run: runLoad } = load;
  useEffect(() => {
    if (id === null || preloaded) return;
    void runLoad('cards.get', { id }).then((dto) => {
      if (dto) setCard(dto);
    });
  }, [runLoad, id, preloaded]);

  const dirty =
    editing !== null &&
    (editing.baseVersion === null ? isDirty(emptyCard(), editing.draft) : isDirty(editing.base, editing.draft));
  const leaveDialog = useLeaveGuard(dirty);
  const duplicates = useDuplicateProbe(
    editing ? editing.draft.basic : null,
    editing && editing.baseVersion !== null ? editing.base.basic : null,
    id ?? undefined,
  );

  if (target.kind === 'open' && !card) {
    return (
      <Stack gap="md">
        <Group>
          <Button variant="subtle" onClick={() => onClose()}>
            {t('cards.backToList')}
          </Button>
        </Group>
        <ErrorAlert error={load.error} />
        {load.error ? null : <Loader size="sm" />}
      </Stack>
    );
  }

  const shown: CardDto | null = viewing?.dto ?? card;
  const content: CardContent = editing ? editing.draft : shown!.content;
  const masked = shown ? shown.personalMasked || !(viewing ? viewing.revealed : revealed) : false;
  const problems: Problems = editing
    ? { ...(editing.attempted ? validateCard(editing.draft) : {}), ...editing.server }
    : {};
  const tabProblems = problemsPerTab(problems);
  const status = card?.status ?? 'active';
  const changeable = canWrite && card !== null && status !== 'merged' && !viewing && !editing;

  // ---- editing --------------------------------------------------------------------------------

  async function startEdit() {
    if (!card) return;
    let base = card;
    // Editing needs the whole card: a masked one would save its personal notes as blanks.
    if (card.personalMasked || !revealed) {
      const full = await reveal.run('cards.reveal', { id: card.id });
      if (!full) return;
      base = full;
      setCard(full);
      setRevealed(true);
    }
    setSaveError(null);
    setConflict(null);
    setEditing(startEditing(base));
  }

  async function cancelEdit() {
    if (!(await confirmLeave())) return;
    if (target.kind === 'new') onClose(true);
    else {
      setEditing(null);
      setConflict(null);
      setSaveError(null);
    }
  }

  function onField(path: string, value: string | number | boolean | null) {
    setEditing(
      (e) => e && { ...e, draft: withField(e.draft, path, value), server: without(e.server, (p) => p === path) },
    );
  }

  function onPeople(people: Person[], keys: number[]) {
    setEditing(
      (e) =>
        e && {
          ...e,
          draft: withPeople(e.draft, people),
          keys,
          server: without(e.server, (p) => p.startsWith('people')),
        },
    );
  }

  async function save(acceptDuplicates = false) {
    if (!editing) return;
    const found = validateCard(editing.draft);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      setEditing({ ...editing, attempted: true });
      setTab(tabOfPath(first));
      return;
    }
    setSaving(true);
    setSaveError(null);
    const result =
      editing.baseVersion === null || card === null
        ? await call('cards.create', {
            content: editing.draft,
            ...(acceptDuplicates ? { acceptDuplicates: true } : {}),
          })
        : await call('cards.update', { id: card.id, expectedVersion: editing.baseVersion, content: editing.draft });
    if (result.ok) {
      setSaving(false);
      setDialog(null);
      notify(
        editing.baseVersion === null
          ? t('cards.created', { code: result.value.content.basic.code })
          : result.value.version === editing.baseVersion
            ? t('cards.nothingChanged')
            : t('cards.saved', { n: result.value.version }),
      );
      onChanged();
      if (editing.baseVersion === null) {
        onReplace(result.value);
        return;
      }
      setCard(result.value);
      setRevealed(true);
      setEditing(null);
      setConflict(null);
      return;
    }
    const error = result.error;
    if (error.code === 'DUPLICATE_SUSPECTED') {
      const { name, creditCode, phone } = editing.draft.basic;
      const list = await call('cards.findDuplicates', { name, creditCode, phone });
      setSaving(false);
      setDialog({ kind: 'duplicates', candidates: list.ok ? list.value : [] });
      return;
    }
    if (error.code === 'CARD_CHANGED' && card) {
      await loadConflict(editing.baseVersion ?? card.version);
      setSaving(false);
      return;
    }
    setSaving(false);
    if (error.code === 'INVALID_INPUT' && error.fields) {
      const server = serverProblems(error.fields);
      setEditing({ ...editing, attempted: true, server });
      const firstServer = Object.keys(server)[0];
      if (firstServer) setTab(tabOfPath(firstServer));
    }
    setSaveError(error);
  }

  /** Reads the newer card and the versions saved since the edit began. */
  async function loadConflict(since: number) {
    if (!card) return;
    const latest = await call(canReveal ? 'cards.reveal' : 'cards.get', { id: card.id });
    const history = await call('cards.history', { id: card.id });
    if (!latest.ok) {
      setSaveError(latest.error);
      return;
    }
    const newer = history.ok ? history.value.filter((v) => v.cardId === card.id && v.version > since) : [];
    setConflict({ latest: latest.value, newer });
  }

  function reapplyOnLatest() {
    if (!editing || !conflict) return;
    const latest = conflict.latest;
    const draft = reapply(editing.base, editing.draft, latest.content);
    setCard(latest);
    setEditing({
      baseVersion: latest.version,
      base: latest.content,
      draft,
      keys: draft.people.map((_, i) => i + 1),
      attempted: true,
      server: {},
    });
    setConflict(null);
    notify(t('cards.conflict.reapplied', { n: latest.version }), 'blue');
  }

  function discardForLatest() {
    if (!conflict) return;
    setCard(conflict.latest);
    setEditing(null);
    setConflict(null);
  }

  // ---- other actions ----------------------------------------------------------------------------

  /** After CARD_CHANGED on a verify: read the card again (nothing of the user's is on screen). */
  async function reloadCard() {
    if (!card) return;
    verify.clearError();
    const dto = await load.run('cards.get', { id: card.id });
    if (dto) {
      setCard(dto);
      setRevealed(false);
    }
  }

  async function showPersonal() {
    if (viewing) {
      const full = await reveal.run('cards.reveal', { id: viewing.dto.id, version: viewing.dto.version });
      if (full) setViewing({ ...viewing, dto: full, revealed: true });
      return;
    }
    if (!card) return;
    const full = await reveal.run('cards.reveal', { id: card.id });
    if (full) {
      setCard(full);
      setRevealed(true);
    }
  }

  async function verifySection(section: SectionKey) {
    if (!card) return;
    const next = await verify.run('cards.verifySection', { id: card.id, expectedVersion: card.version, section });
    if (next) {
      setCard(next);
      notify(t('cards.verifiedNote', { section: labels.section(section) }));
      onChanged();
    }
  }

  async function setArchived() {
    if (!card) return;
    const next = await archive.run('cards.setArchived', {
      id: card.id,
      expectedVersion: card.version,
      archived: card.status !== 'archived',
    });
    if (next) {
      setCard(next);
      setDialog(null);
      notify(next.status === 'archived' ? t('cards.archivedNote') : t('cards.reactivatedNote'));
      onChanged();
    }
  }

  async function viewVersion(version: number, asOf: string | null) {
    if (!card) return;
    if (version === card.version && asOf === null) {
      closeVersion();
      return;
    }
    const dto = await older.run('cards.get', { id: card.id, version });
    if (dto) {
      setViewing({ dto, asOf, revealed: false, returnTab: tab });
      setTab('basic');
    }
  }

  function closeVersion() {
    if (viewing) setTab(viewing.returnTab);
    setViewing(null);
  }

  async function restoreVersion(version: number) {
    if (!card) return;
    const next = await restore.run('cards.restore', { id: card.id, expectedVersion: card.version, version });
    if (next) {
      setCard(next);
      closeVersion();
      setDialog(null);
      notify(t('cards.restoredNote', { from: version, n: next.version }));
      onChanged();
    }
  }

  // ---- layout -----------------------------------------------------------------------------------

  // The header speaks of the card as it is now (or as being edited); the tab dots of the version shown below.
  const unverified = unverifiedSections(editing ? editing.draft : (card?.content ?? content));
  const unverifiedShown = unverifiedSections(content);
  const readOnly = editing === null;
  // The overview is the customer's now, not a version's or a draft's: beside the saved current card only.
  const tabs = CARD_TABS.filter(
    (k) => (k !== 'history' || card !== null) && (k !== 'overview' || (card !== null && !viewing && !editing)),
  );
  const actionError = verify.error ?? reveal.error ?? older.error;

  return (
    <Stack gap="md" data-testid="card-view" data-mode={editing ? 'edit' : viewing ? 'version' : 'read'}>
      <div className="kd-card-header">
        <Stack gap={6}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} className="kd-card-title" data-testid="card-title">
              {card === null
                ? content.basic.name.trim() || t('cards.newTitle')
                : (editing ? content : card.content).basic.name || t('cards.unnamed')}
            </Title>
            {card ? (
              <Badge color={STATUS_COLORS[card.status]} variant="light" size="lg" className="kd-badge-whole">
                {t(STATUS_KEYS[card.status])}
              </Badge>
            ) : null}
            {card?.prospect ? (
              <Badge color="grape" variant="outline" size="lg" className="kd-badge-whole" data-testid="prospect-badge">
                {t('overview.prospect')}
              </Badge>
            ) : null}
            {unverified.length > 0 ? (
              <Badge
                color="orange"
                variant="filled"
                size="lg"
                className="kd-badge-whole"
                data-testid="unverified-badge"
              >
                {t('cards.unverifiedSections', { n: unverified.length })}
              </Badge>
            ) : (
              <Badge color="green" variant="light" size="lg" className="kd-badge-whole">
                {t('cards.allVerified')}
              </Badge>
            )}
            {dirty ? (
              <Badge color="red" variant="outline" size="lg" className="kd-badge-whole">
                {t('cards.unsaved')}
              </Badge>
            ) : null}
          </Group>
          {card ? (
            <Group gap="md" c="dimmed" wrap="wrap">
              <Text size="sm" className="kd-mono" data-testid="card-code">
                {card.content.basic.code}
              </Text>
              <Text size="sm" data-testid="card-version">
                {t('cards.versionN', { n: card.version })}
              </Text>
              <Text size="sm">{t('cards.lastSaved', { by: card.updatedBy, at: formatDateTime(card.updatedAt) })}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('cards.newHint')}
            </Text>
          )}
          {/* The actions sit on the left, clear of the notifications in the top right corner. */}
          <Group gap="xs" wrap="wrap" mt={4} data-testid="card-actions">
            {editing ? (
              <>
                <Button onClick={() => void save()} loading={saving} disabled={saving}>
                  {t('common.save')}
                </Button>
                <Button variant="default" onClick={() => void cancelEdit()} disabled={saving}>
                  {t('common.cancel')}
                </Button>
              </>
            ) : (
              <>
                <Button variant="subtle" onClick={() => onClose()} px="xs">
                  {t('cards.backToList')}
                </Button>
                {changeable ? (
                  <Button onClick={() => void startEdit()} loading={reveal.busy} disabled={reveal.busy}>
                    {t('cards.edit')}
                  </Button>
                ) : null}
                {card && may('cards.print') && !viewing ? <PrintCardsButton ids={[card.id]} /> : null}
                {changeable ? (
                  <>
                    <Button variant="default" onClick={() => setDialog({ kind: 'merge' })}>
                      {t('cards.merge.action')}
                    </Button>
                    <Button
                      variant="default"
                      color={status === 'archived' ? 'green' : 'gray'}
                      onClick={() => setDialog({ kind: 'archive' })}
                    >
                      {status === 'archived' ? t('cards.reactivate') : t('cards.archive')}
                    </Button>
                  </>
                ) : null}
              </>
            )}
          </Group>
        </Stack>
      </div>

      {card?.mergedInto ? (
        <Alert color="violet" variant="light" data-testid="merged-into">
          {t('cards.mergedInto')}{' '}
          <Anchor component="button" type="button" onClick={() => onOpen(card.mergedInto!.id)} fw={600}>
            {card.mergedInto.code} {card.mergedInto.name}
          </Anchor>
        </Alert>
      ) : null}

      {viewing ? (
        <Alert color="grape" variant="filled" data-testid="version-banner">
          {/* Text and buttons to the left: the top right corner belongs to the notifications. */}
          <Group gap="md" wrap="wrap">
            <Text size="sm" fw={500}>
              {viewing.asOf
                ? t('cards.viewingAsOf', { date: viewing.asOf, n: viewing.dto.version, latest: card?.version ?? '' })
                : t('cards.viewingVersion', { n: viewing.dto.version, latest: card?.version ?? '' })}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {canWrite && status !== 'merged' ? (
                <Button
                  size="xs"
                  variant="white"
                  color="grape"
                  onClick={() => setDialog({ kind: 'restore', version: viewing.dto.version })}
                >
                  {t('cards.history.restore')}
                </Button>
              ) : null}
              <Button size="xs" variant="white" color="dark" onClick={closeVersion}>
                {t('cards.backToCurrent')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ) : null}

      {editing && conflict ? (
        <ConflictPanel
          conflict={conflict}
          base={editing.base}
          draft={editing.draft}
          onReapply={reapplyOnLatest}
          onDiscard={discardForLatest}
        />
      ) : null}
      {editing ? <DuplicateWarning candidates={duplicates} onOpen={onOpen} /> : null}
      {saveError && saveError.code !== 'INVALID_INPUT' ? <ErrorAlert error={saveError} /> : null}
      {saveError?.code === 'INVALID_INPUT' || (editing?.attempted && Object.keys(problems).length > 0) ? (
        <Alert color="red" variant="light" role="alert" data-testid="form-problems">
          {t('cards.fixProblems', { n: Object.keys(problems).length })}
        </Alert>
      ) : null}
      <ErrorAlert error={actionError} />
      {actionError?.code === 'CARD_CHANGED' ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => void reloadCard()} loading={load.busy}>
            {t('cards.reload')}
          </Button>
        </Group>
      ) : null}

      <Tabs value={tab} onChange={(v) => v && setTab(v as CardTab)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((k) => (
            <Tabs.Tab
              key={k}
              value={k}
              rightSection={
                tabProblems[k] ? (
                  <Badge size="xs" color="red" circle>
                    {tabProblems[k]}
                  </Badge>
                ) : (CONTENT_TABS as readonly string[]).includes(k) && unverifiedShown.includes(k as SectionKey) ? (
                  <span className="kd-dot-unverified" title={t('cards.unverified')} />
                ) : null
              }
            >
              {k === 'classification'
                ? t('cards.tab.classification')
                : k === 'history'
                  ? t('cards.tab.history')
                  : k === 'overview'
                    ? t('overview.tab')
                    : labels.section(k)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        {CONTENT_TABS.map((section) => (
          <Tabs.Panel key={section} value={section} pt="md">
            <SectionSource
              section={section}
              source={content.sources[section]}
              editing={!readOnly}
              canVerify={changeable}
              verifying={verify.busy}
              onVerify={() => void verifySection(section)}
              onChange={onField}
            />
            {section === 'people' ? (
              <PeoplePanel
                people={content.people}
                keys={editing ? editing.keys : content.people.map((_, i) => i)}
                masked={!editing && masked}
                canReveal={canReveal}
                revealing={reveal.busy}
                onReveal={() => void showPersonal()}
                editing={!readOnly}
                problems={problems}
                onChange={onPeople}
              />
            ) : (
              <FieldsPanel
                section={section}
                content={content}
                editing={!readOnly}
                problems={problems}
                onField={onField}
              />
            )}
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="classification" pt="md">
          <FieldsPanel
            section="classification"
            content={content}
            editing={!readOnly}
            problems={problems}
            onField={onField}
          />
          {/* Derived classes are the customer's now, not a version's: shown beside the current card only. */}
          {card && !viewing ? (
            <DerivedClassesPanel cardId={card.id} canOverride={canWrite && status !== 'merged'} onChanged={onChanged} />
          ) : null}
        </Tabs.Panel>
        {card && !viewing && !editing ? (
          <Tabs.Panel value="overview" pt="md">
            <OverviewPanel
              card={card}
              canConvert={canWrite && status !== 'merged'}
              onConverted={(next) => {
                notify(t('prospects.converted', { name: next.content.basic.name }));
                onChanged();
                onReplace(next);
              }}
            />
          </Tabs.Panel>
        ) : null}
        {card ? (
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel
              cardId={card.id}
              cardCode={card.content.basic.code}
              currentVersion={card.version}
              canRestore={canWrite && status !== 'merged' && !editing}
              onView={(version, asOf) => void viewVersion(version, asOf)}
              onRestore={(version) => setDialog({ kind: 'restore', version })}
            />
          </Tabs.Panel>
        ) : null}
      </Tabs>

      {leaveDialog}
      {dialog?.kind === 'archive' && card ? (
        <ConfirmModal
          title={status === 'archived' ? t('cards.reactivateTitle') : t('cards.archiveTitle')}
          confirmLabel={status === 'archived' ? t('cards.reactivate') : t('cards.archive')}
          color={status === 'archived' ? 'green' : 'red'}
          busy={archive.busy}
          error={archive.error}
          onConfirm={() => void setArchived()}
          onClose={() => setDialog(null)}
        >
          <Text size="sm">
            {status === 'archived'
              ? t('cards.reactivateExplain', { name: card.content.basic.name })
              : t('cards.archiveExplain', { name: card.content.basic.name })}
          </Text>
        </ConfirmModal>
      ) : null}
      {dialog?.kind === 'restore' && card ? (
        <ConfirmModal
          title={t('cards.restoreTitle', { n: dialog.version })}
          confirmLabel={t('cards.history.restore')}
          color="grape"
          busy={restore.busy}
          error={restore.error}
          onConfirm={() => void restoreVersion(dialog.version)}
          onClose={() => setDialog(null)}
        >
          <Text size="sm">{t('cards.restoreExplain', { from: dialog.version, n: card.version + 1 })}</Text>
        </ConfirmModal>
      ) : null}
      {dialog?.kind === 'duplicates' ? (
        <ConfirmModal
          title={t('cards.duplicate.confirmTitle')}
          confirmLabel={t('cards.duplicate.saveAnyway')}
          color="orange"
          busy={saving}
          error={null}
          onConfirm={() => void save(true)}
          onClose={() => setDialog(null)}
          size="lg"
        >
          <Text size="sm">{t('cards.duplicate.confirmExplain')}</Text>
          <DuplicateList candidates={dialog.candidates} />
        </ConfirmModal>
      ) : null}
      {dialog?.kind === 'merge' && card ? (
        <MergeModal
          card={card}
          onClose={() => setDialog(null)}
          onMerged={(kept) => {
            setDialog(null);
            notify(t('cards.merge.done', { code: kept.content.basic.code }));
            onChanged();
            onReplace(kept);
          }}
        />
      ) : null}
    </Stack>
  );
}
