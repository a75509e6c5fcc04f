import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { createContext, useContext, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { InputOf } from '../../src-shared/contracts';
import type { AnalysisRequest } from '../../src-shared/contracts/analysis';
import type { Result } from '../../src-shared/errors';
import { call } from '../api/call';
import { useI18n } from '../i18n/I18nProvider';
import { useNotify } from '../ui/Notifications';
import type { ChartAction, ChartModel, CustomersTarget } from './charts/chart-kit';
import { chartPng, EChart } from './charts/EChart';

/**
 * True inside the print preview: the figures there are drawn for paper (fixed width, no
 * animation, no buttons, rows not clickable).
 */
const PrintContext = createContext(false);
export const PrintModeProvider = PrintContext.Provider;
export function usePrintMode(): boolean {
  return useContext(PrintContext);
}

/** A4 text width (180 mm) in CSS pixels, and the chart's share of it beside a table. */
const PRINT_WIDTH = 680;
const PRINT_SIDE_WIDTH = 330;

/**
 * 导出: asks where to save (a cancel is no error), has main write the file there and tells how
 * it went; `busy` meanwhile.
 */
function useSaveAs(purpose: InputOf<'app.chooseFile'>['purpose']) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function saveAs<T>(write: (path: string) => Promise<Result<T>>, savedMessage: (value: T) => string) {
    setBusy(true);
    try {
      const chosen = await call('app.chooseFile', { purpose, mode: 'save' });
      if (!chosen.ok) {
        if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
        return;
      }
      const saved = await write(chosen.value.path);
      if (saved.ok) notify(savedMessage(saved.value));
      else notify(saved.error.message, 'red');
    } finally {
      setBusy(false);
    }
  }
  return { busy, saveAs };
}

/** A titled figure: a note under the title, buttons beside it on screen. */
interface FigureFrame {
  id: string;
  title: string;
  note?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A figure on screen: a bordered panel. */
function ScreenFigure({ id, title, note, actions, children }: FigureFrame) {
  return (
    <Paper withBorder radius="md" p="md" data-panel={id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Title order={4}>{title}</Title>
          {actions}
        </Group>
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A figure on paper: its heading, with what must stay on one page with it (`kept`), then the
 * rest, which a long figure lets run over the pages.
 */
function PaperFigure({
  id,
  title,
  note,
  layout,
  long,
  kept,
  children,
}: Omit<FigureFrame, 'actions'> & { layout: 'side' | 'below'; long: boolean; kept?: ReactNode }) {
  return (
    <section className="kd-ap-figure" data-layout={layout} data-long={long} data-panel={id}>
      <div className="kd-ap-keep">
        <h2>{title}</h2>
        {note ? <p className="kd-ap-note">{note}</p> : null}
        {kept}
      </div>
      {children}
    </section>
  );
}

/**
 * One chart with its data table (beside it, or below it when the table is wide), a title,
 * and 导出图片. Clicks on the chart go to `onAction`. In the print preview it is drawn for paper.
 */
export function ChartPanel({
  id,
  title,
  model,
  table,
  request,
  onAction,
  height = 320,
  layout = 'side',
  note,
  controls,
  longTable = false,
}: {
  id: string;
  title: string;
  model: ChartModel;
  table: ReactNode;
  request: AnalysisRequest;
  onAction: (action: ChartAction) => void;
  height?: number;
  layout?: 'side' | 'below';
  note?: ReactNode;
  controls?: ReactNode;
  /** A table that may run over a page in print (drawn below the chart, free to break). */
  longTable?: boolean;
}) {
  const { t } = useI18n();
  const print = usePrintMode();
  const { busy, saveAs } = useSaveAs('analysisChart');

  if (print) {
    const width = layout === 'side' ? PRINT_SIDE_WIDTH : PRINT_WIDTH;
    const chart = (
      <EChart
        model={model}
        height={layout === 'side' ? Math.min(height, 260) : Math.min(height, 210)}
        chartId={id}
        label={title}
        fixedWidth={width}
      />
    );
    // A long table runs on over the pages; the heading and the chart stay together on one.
    return (
      <PaperFigure id={id} title={title} note={note} layout={layout} long={longTable} kept={longTable ? chart : null}>
        {longTable ? (
          <div className="kd-ap-table">{table}</div>
        ) : (
          <div className="kd-ap-figure-body">
            {chart}
            <div className="kd-ap-table">{table}</div>
          </div>
        )}
      </PaperFigure>
    );
  }

  const exportPng = () =>
    saveAs(
      async (path) => call('analysis.exportChart', { request, path, pngBase64: await chartPng(model) }),
      (saved) => t('analysis.export.chartSaved', { path: saved.path }),
    );

  return (
    <ScreenFigure
      id={id}
      title={title}
      note={note}
      actions={
        <Group gap="xs" wrap="nowrap">
          {controls}
          <Button
            size="xs"
            variant="subtle"
            onClick={() => void exportPng()}
            loading={busy}
            data-testid={`export-png-${id}`}
          >
            {t('analysis.export.png')}
          </Button>
        </Group>
      }
    >
      <div className="kd-an-figure" data-layout={layout}>
        <EChart model={model} height={height} chartId={id} label={title} onAction={onAction} />
        <div className="kd-an-table">{table}</div>
      </div>
    </ScreenFigure>
  );
}

/**
 * A table row that opens something (the customers behind it, a region's sub-regions, a card)
 * by mouse or keyboard. In print, or without `onOpen`, the row is plain.
 */
export function ClickableRow({
  onOpen,
  children,
  testId,
}: {
  onOpen: (() => void) | null;
  children: ReactNode;
  testId?: string;
}) {
  const print = usePrintMode();
  if (print || !onOpen) return <Table.Tr data-row={testId}>{children}</Table.Tr>;
  return (
    <Table.Tr
      className="kd-an-row"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      data-row={testId}
    >
      {children}
    </Table.Tr>
  );
}

/** A table cell that is one clickable segment of its own (a cross-tab or trend cell). */
export function TargetCell({
  target,
  onTarget,
  children,
}: {
  target: CustomersTarget;
  onTarget: (target: CustomersTarget) => void;
  children: ReactNode;
}) {
  const print = usePrintMode();
  if (print) return <Table.Td className="kd-num">{children}</Table.Td>;
  return (
    <Table.Td
      className="kd-num kd-an-cell"
      tabIndex={0}
      onClick={() => onTarget(target)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter') onTarget(target);
      }}
    >
      {children}
    </Table.Td>
  );
}

/** The table look shared by every analysis table, on screen and on paper. */
export function AnalysisTable({ children, testId }: { children: ReactNode; testId?: string }) {
  const print = usePrintMode();
  return (
    <Table
      withTableBorder
      withColumnBorders={!!print}
      striped={!print}
      highlightOnHover={!print}
      verticalSpacing={print ? 2 : 6}
      horizontalSpacing={print ? 6 : 'sm'}
      fz={print ? undefined : 'sm'}
      className="kd-an-data"
      data-testid={testId}
    >
      {children}
    </Table>
  );
}

/** 导出表格: main re-runs the analysis of `request` and writes its tables as xlsx. */
export function ExportTableButton({ request, disabled }: { request: AnalysisRequest; disabled?: boolean }) {
  const { t } = useI18n();
  const { busy, saveAs } = useSaveAs('analysisTable');
  const run = () =>
    saveAs(
      (path) => call('analysis.exportTable', { request, path }),
      (saved) => t('analysis.export.tableSaved', { rows: saved.rows, path: saved.path }),
    );
  return (
    <Button
      variant="default"
      onClick={() => void run()}
      loading={busy}
      disabled={disabled || busy}
      data-testid="export-table"
    >
      {t('analysis.export.xlsx')}
    </Button>
  );
}

/** A titled block without a chart (a list or a table of terms), on screen and on paper. */
export function TablePanel({ id, title, note, actions, children }: FigureFrame) {
  const print = usePrintMode();
  if (print) {
    return (
      <PaperFigure id={id} title={title} note={note} layout="below" long>
        {children}
      </PaperFigure>
    );
  }
  return (
    <ScreenFigure id={id} title={title} note={note} actions={actions}>
      {children}
    </ScreenFigure>
  );
}
