import { useState, type FormEvent } from 'react';
import type { FilePurpose } from '../../src-shared/contracts/app';
import { call } from '../api/call';
import { useAction, type Action } from '../api/useAction';
import { useNotify } from '../ui/Notifications';
import { duplicateTargets, mappingOf, sameTargets } from './column-mapping';

export const STEP_FILE = 0;
export const STEP_MAPPING = 1;
export const STEP_CHECK = 2;
export const STEP_RESULT = 3;

/** What both importers' dry runs tell about the file as read, its columns and its rejected rows. */
export interface SpreadsheetReport {
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  headerRow: number;
  columns: readonly { header: string; target: string; suggested: boolean }[];
  /** The first data rows as text. */
  preview: readonly (readonly string[])[];
  rejected: readonly { row: number; reasons: readonly string[] }[];
  rejectedCount: number;
}

/** The mapping as the contracts take it: file column header → target ('' = ignored). */
export type ColumnMapping = Record<string, string>;

/**
 * One importer's calls to main. Without a mapping, main suggests one from the
 * header names. Each resolves to null when it failed (the error is then in the action).
 */
export interface SpreadsheetImportCalls<Report, Result> {
  preview: (run: Action['run'], path: string, mapping?: ColumnMapping) => Promise<Report | null>;
  commit: (run: Action['run'], path: string, mapping: ColumnMapping) => Promise<Result | null>;
  saveRejections: (path: string, mapping: ColumnMapping) => Promise<void>;
}

/**
 * The steps of a spreadsheet import (file, column mapping, dry run, result)
 * that the card import and the sales/receipts import go through alike.
 * Nothing is written before `commit`.
 */
export function useSpreadsheetImport<Report extends SpreadsheetReport, Result>({
  purpose,
  calls,
  onImported,
}: {
  /** What the file dialog is opened for. */
  purpose: FilePurpose;
  calls: SpreadsheetImportCalls<Report, Result>;
  onImported: () => void;
}) {
  const notify = useNotify();
  const action = useAction();
  const [step, setStep] = useState(STEP_FILE);
  const [path, setPath] = useState<string | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [typedPath, setTypedPath] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<(string | null)[]>([]);
  /** The targets the current report was computed with; another mapping needs a new dry run. */
  const [checkedTargets, setCheckedTargets] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  /** Which file is being saved ('rejections', or an importer's own such as its template). */
  const [saving, setSaving] = useState<string | null>(null);
  const busy = action.busy || saving !== null;

  async function chooseFile() {
    action.clearError();
    const chosen = await call('app.chooseFile', { purpose, mode: 'open' });
    if (chosen.ok) await readFile(chosen.value.path);
    else if (chosen.error.code === 'NOT_AVAILABLE') setAskPath(true);
    else if (chosen.error.code !== 'CANCELLED') notify(chosen.error.message, 'red');
  }

  /** First read of a file: main suggests the mapping from the header names. */
  async function readFile(file: string) {
    const value = await calls.preview(action.run, file);
    if (!value) return;
    const initial = value.columns.map((c) => c.target);
    setPath(file);
    setReport(value);
    setTargets(initial);
    setCheckedTargets(initial);
    setSuggested(value.columns.map((c) => (c.suggested && c.target !== '' ? c.target : null)));
    setAskPath(false);
    setStep(STEP_MAPPING);
  }

  function submitTypedPath(event: FormEvent) {
    event.preventDefault();
    if (typedPath.trim()) void readFile(typedPath.trim());
  }

  /** A new dry run with the current mapping; `preview` stands in when an importer's own option just changed. */
  async function recheck(preview = calls.preview): Promise<boolean> {
    if (!path || !report) return false;
    const value = await preview(action.run, path, mappingOf(report.columns, targets));
    if (!value) return false;
    setReport(value);
    setCheckedTargets(targets);
    return true;
  }

  async function toCheck() {
    if (sameTargets(targets, checkedTargets) || (await recheck())) setStep(STEP_CHECK);
  }

  async function commit() {
    if (!path || !report) return;
    const value = await calls.commit(action.run, path, mappingOf(report.columns, targets));
    setConfirming(false);
    if (!value) return;
    setResult(value);
    setStep(STEP_RESULT);
    onImported();
  }

  /** Saves a file (the rejected rows, a template) while the wizard waits. */
  async function save(what: string, saveFile: () => Promise<void>) {
    setSaving(what);
    try {
      await saveFile();
    } finally {
      setSaving(null);
    }
  }

  async function saveRejections() {
    if (!path || !report) return;
    const mapping = mappingOf(report.columns, targets);
    await save('rejections', () => calls.saveRejections(path, mapping));
  }

  /** Back to the first step, for another file. */
  function restart() {
    action.clearError();
    setConfirming(false);
    setReport(null);
    setResult(null);
    setPath(null);
    setStep(STEP_FILE);
  }

  function backToMapping() {
    setConfirming(false);
    setStep(STEP_MAPPING);
  }

  function setTarget(index: number, target: string) {
    setTargets((list) => list.map((x, i) => (i === index ? target : x)));
  }

  const clashes = report
    ? duplicateTargets(
        report.columns.map((c) => c.header),
        targets,
      )
    : new Map<number, string>();

  return {
    action,
    busy,
    step,
    askPath,
    typedPath,
    setTypedPath,
    report,
    targets,
    suggested,
    clashes,
    confirming,
    setConfirming,
    result,
    saving,
    chooseFile,
    submitTypedPath,
    recheck,
    toCheck,
    commit,
    save,
    saveRejections,
    restart,
    backToMapping,
    setTarget,
  };
}

/** The state and steps of one import in progress, as the wizard frame shows them. */
export type SpreadsheetImport<Report extends SpreadsheetReport, Result> = ReturnType<
  typeof useSpreadsheetImport<Report, Result>
>;
