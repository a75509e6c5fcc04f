import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src-main/cards/spreadsheet/sheet-rows';
import { readFileDictionary } from '../../src-main/cards/spreadsheet/file-dictionary';
import { resolveColumns } from '../../src-main/cards/spreadsheet/header-mapping';
import { readXlsx } from '../../src-main/cards/spreadsheet/read-xlsx';
import { demoRegionsAndRoutes, generateDemoCards } from '../../src-main/demo/demo-cards';
import { writeDemoWorkbook } from '../../src-main/demo/demo-workbook';

/** The benchmark's import workbook must be one the import reads without a manual mapping. */
describe('demo import workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-demo-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a header the import maps column by column, one row per card, and the region and route codes', async () => {
    const cards = generateDemoCards({ count: 60, seed: 'xlsx', reps: ['yewu1'] });
    const path = join(dir, 'demo.xlsx');
    const written = await writeDemoWorkbook(path, cards);
    expect(written.rows).toBe(60);

    const sheets = await readXlsx(path);
    expect(sheets.cards.name).toBe('客户档案');
    const headers = sheets.cards.rows[0]!.cells.map(cellText);
    expect(headers).toHaveLength(written.columns);
    const columns = resolveColumns(headers, undefined);
    expect(columns.filter((c) => c.target === '').map((c) => c.header)).toEqual([]);
    expect(new Set(columns.map((c) => c.target)).size).toBe(columns.length);

    const rows = sheets.cards.rows.slice(1);
    expect(rows).toHaveLength(60);
    const at = (target: string) => columns.findIndex((c) => c.target === target);
    expect(rows.map((r) => cellText(r.cells[at('basic.name')] ?? null))).toEqual(cards.map((c) => c.basic.name));
    expect(cellText(rows[0]!.cells[at('basic.code')] ?? null)).toBe('KH000001');
    // Regions as their labels, or as their codes where two districts share a label (朝阳区 in Beijing and Changchun).
    const regionCells = rows.map((r) => cellText(r.cells[at('classification.region')] ?? null));
    const labelled = cards.findIndex((c) => c.classification.region === '110106');
    expect(regionCells[labelled]).toBe('丰台区');
    const coded = cards.findIndex((c) => c.classification.region === '110105');
    expect(regionCells[coded]).toBe('110105');
    expect(regionCells.filter((v) => v !== '').length).toBeGreaterThan(50);

    const entries = readFileDictionary(sheets.dictionary);
    expect(entries.map((e) => [e.axis, e.code, e.parentCode])).toEqual(
      demoRegionsAndRoutes().map((e) => [e.axis, e.code, e.parentCode]),
    );
  });
});
