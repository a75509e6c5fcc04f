import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../src-shared/contracts';
import type { AccessLogRowDto } from '../../src-shared/contracts/access-log';
import type { Connection } from '../../src-main/router/connection';
import { analysisOffice, AS_OF, type AnalysisOffice } from './analysis-office';

/** Who may run the analyses, what the access log records, and the exported and printed outputs. */

const PERIOD = { from: '2025-11-27', to: AS_OF };
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const CALLS: { channel: ChannelName; input: object; target: string; detail: string }[] = [
  {
    channel: 'analysis.grade',
    input: { period: PERIOD },
    target: 'grade',
    detail: '销售构成分析 2025-11-27 至 2026-11-26',
  },
  {
    channel: 'analysis.trend',
    input: { period: PERIOD },
    target: 'trend',
    detail: '分等级月度销售 2025-11-27 至 2026-11-26',
  },
  {
    channel: 'analysis.product',
    input: { period: PERIOD, by: 'region' },
    target: 'product',
    detail: '商品构成分析 2025-11-27 至 2026-11-26，按地区交叉',
  },
  {
    channel: 'analysis.region',
    input: { period: PERIOD, parent: 'HD' },
    target: 'region',
    detail: '地区构成分析 2025-11-27 至 2026-11-26；上级地区 HD',
  },
  { channel: 'analysis.credit', input: { asOf: AS_OF }, target: 'credit', detail: '客户信用分析，截至 2026-11-26' },
  {
    channel: 'analysis.customers',
    input: { period: PERIOD, segment: { kind: 'ageing', bucket: '31-60' } },
    target: 'customers',
    detail: '分析图表的客户名单 2025-11-27 至 2026-11-26：ageing:31-60',
  },
];

describe('analyses: access, log rows, export and print', () => {
  let office: AnalysisOffice;
  const dir = mkdtempSync(join(tmpdir(), 'kedang-analysis-out-'));

  beforeAll(async () => {
    office = await analysisOffice({ cards: 60, lines: 3000, seed: 'output' });
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const logRows = async (action: 'analysis_run' | 'analysis_export' | 'analysis_print' | 'access_denied') =>
    (await office.ok(office.auditor, 'accessLog.query', { filter: { action }, offset: 0, limit: 500 })).rows.sort(
      (a, b) => a.seq - b.seq,
    );
  const code = async (connection: Connection, channel: ChannelName, input: object) => {
    const result = await office.call(connection, channel, input as never);
    return result.ok ? 'OK' : result.error.code;
  };

  it('a manager and a custodian may run every analysis; a rep, an auditor and an administrator may not', async () => {
    for (const call of CALLS) {
      expect(await code(office.manager, call.channel, call.input), `manager ${call.channel}`).toBe('OK');
      expect(await code(office.custodian, call.channel, call.input), `custodian ${call.channel}`).toBe('OK');
      for (const [role, connection] of [
        ['rep', office.rep],
        ['auditor', office.auditor],
        ['admin', office.admin],
      ] as const) {
        expect(await code(connection, call.channel, call.input), `${role} ${call.channel}`).toBe('FORBIDDEN');
      }
    }
    const outputs: [ChannelName, object][] = [
      ['analysis.exportTable', { request: { kind: 'grade', period: PERIOD }, path: join(dir, 'refused.xlsx') }],
      [
        'analysis.exportChart',
        { request: { kind: 'grade', period: PERIOD }, path: join(dir, 'refused.png'), pngBase64: PNG },
      ],
      ['analysis.print', { request: { kind: 'grade', period: PERIOD } }],
    ];
    for (const [channel, input] of outputs) {
      for (const connection of [office.rep, office.auditor, office.admin]) {
        expect(await code(connection, channel, input)).toBe('FORBIDDEN');
      }
    }
    const denied = await logRows('access_denied');
    expect(denied.filter((r) => r.target?.startsWith('analysis.')).length).toBe(CALLS.length * 3 + outputs.length * 3);
  });

  it('writes one analysis_run row per run, with the analysis and its period in the reader’s language', async () => {
    const before = (await logRows('analysis_run')).length;
    for (const call of CALLS) expect(await code(office.manager, call.channel, call.input)).toBe('OK');
    const rows = (await logRows('analysis_run')).slice(before);
    expect(rows.map((r) => [r.username, r.target, r.outcome, r.detail])).toEqual(
      CALLS.map((c) => ['jingli', c.target, 'success', c.detail]),
    );
    expect(rows.every((r) => r.action === 'analysis_run')).toBe(true);
  });

  it('exports the table as an xlsx marked confidential, amounts in yuan and shares in percent', async () => {
    const path = join(dir, 'out', '销售构成.xlsx');
    const grade = await office.ok(office.manager, 'analysis.grade', { period: PERIOD });
    const exported = await office.ok(office.manager, 'analysis.exportTable', {
      request: { kind: 'grade', period: PERIOD },
      path,
    });
    expect(exported).toEqual({ path, rows: grade.groups.length + 1 + 101 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.title).toContain('内部资料 严禁外传');
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(
      /^内部资料 严禁外传 · 导出人 jingli（jingli） · 时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    );
    expect(String(sheet.getCell('A2').value)).toBe('销售构成分析 · 期间 2025-11-27 至 2026-11-26');
    expect(sheet.headerFooter.oddHeader).toContain('内部资料 严禁外传');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(['客户等级', '客户数', '销售额（元）', '占比', '上期销售额（元）', '去年同期销售额（元）']);
    grade.groups.forEach((g, i) => {
      const row = sheet.getRow(5 + i);
      expect(row.getCell(2).value).toBe(g.customers);
      expect(row.getCell(3).value).toBe(g.cents / 100);
      expect(row.getCell(3).numFmt).toBe('#,##0.00');
      expect(row.getCell(4).value).toBe(g.shareBp / 10_000);
      expect(row.getCell(4).numFmt).toBe('0.00%');
      expect(row.getCell(5).value).toBe(g.previousCents / 100);
    });
    expect(String(sheet.getRow(5).getCell(1).value)).toBe('A 级');
    const total = sheet.getRow(5 + grade.groups.length);
    expect([total.getCell(1).value, total.getCell(3).value]).toEqual(['合计', grade.totalCents / 100]);
    const rows = await logRows('analysis_export');
    expect(rows.at(-1)).toMatchObject({
      username: 'jingli',
      target: path,
      outcome: 'success',
      detail: `销售构成分析 2025-11-27 至 2026-11-26；导出数据表 ${exported.rows} 行`,
    });
  });

  it('exports every kind of analysis', async () => {
    const requests = [
      { kind: 'trend', period: PERIOD },
      { kind: 'product', period: PERIOD, by: 'grade' },
      { kind: 'region', period: PERIOD, parent: null },
      { kind: 'credit', asOf: AS_OF },
    ] as const;
    for (const request of requests) {
      const path = join(dir, `${request.kind}.xlsx`);
      const exported = await office.ok(office.custodian, 'analysis.exportTable', { request, path });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const dataRows = book.worksheets.reduce((n, s) => {
        let header = 0;
        s.eachRow((row, i) => {
          if (header === 0 && row.font?.bold && i > 2) header = i;
        });
        return n + s.rowCount - header;
      }, 0);
      expect(exported.rows, request.kind).toBe(dataRows);
    }
    const credit = await office.ok(office.manager, 'analysis.credit', { asOf: AS_OF });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'credit.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['按信用等级', '账龄', '超限客户']);
    const ageing = book.getWorksheet('账龄')!;
    const first = ageing.getRow(5);
    expect([first.getCell(1).value, first.getCell(2).value]).toEqual(['0–30 天', credit.ageing[0]!.cents / 100]);
  });

  it('refuses bad paths as the card export does, writing and logging nothing', async () => {
    const before = (await logRows('analysis_export')).length;
    const request = { kind: 'grade', period: PERIOD } as const;
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const cases: [string, string][] = [
      ['relative/analysis.xlsx', 'INVALID_INPUT'],
      ['/dev/null/kedang/analysis.xlsx', 'FILE_NOT_FOUND'],
      [folder, 'INVALID_INPUT'],
      [join(office.fixture.dir, 'archive.kedang'), 'INVALID_INPUT'],
      [join(office.fixture.dir, 'archive.keyring'), 'INVALID_INPUT'],
    ];
    for (const [path, expected] of cases) {
      expect(await code(office.manager, 'analysis.exportTable', { request, path }), path).toBe(expected);
      expect(await code(office.manager, 'analysis.exportChart', { request, path, pngBase64: PNG }), path).toBe(
        expected,
      );
    }
    expect((await logRows('analysis_export')).length).toBe(before);
  });

  it('saves a chart only if it is a PNG image', async () => {
    const path = join(dir, 'chart.png');
    const request = { kind: 'product', period: PERIOD, by: 'grade' } as const;
    const saved = await office.ok(office.manager, 'analysis.exportChart', { request, path, pngBase64: PNG });
    expect(saved).toEqual({ path, bytes: Buffer.from(PNG, 'base64').length });
    expect(readFileSync(path).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect((await logRows('analysis_export')).at(-1)).toMatchObject({
      target: path,
      detail: `商品构成分析 2025-11-27 至 2026-11-26，按客户等级交叉；导出图表（PNG，${saved.bytes} 字节）`,
    });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(0)]).toString('base64');
    const truncated = Buffer.from(PNG, 'base64').subarray(0, 20).toString('base64');
    writeFileSync(join(dir, 'keep.png'), 'old');
    for (const pngBase64 of [jpeg, truncated, 'iVBORw0KGgo=']) {
      const result = await office.call(office.manager, 'analysis.exportChart', {
        request,
        path: join(dir, 'keep.png'),
        pngBase64,
      });
      expect(result.ok ? 'OK' : result.error.code).toBe('INVALID_INPUT');
    }
    expect(readFileSync(join(dir, 'keep.png'), 'utf8')).toBe('old');
  });

  it('logs a print and then allows the window to print', async () => {
    const fresh = office.manager;
    const refused = await office.call(fresh, 'app.print', { mode: 'dialog' });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
    const job = await office.ok(fresh, 'analysis.print', { request: { kind: 'credit', asOf: AS_OF } });
    expect(job.printedBy).toBe('jingli');
    expect(Date.parse(job.printedAt)).not.toBeNaN();
    const printed = await office.call(fresh, 'app.print', { mode: 'dialog' });
    expect(printed.ok).toBe(true);
    const rows: AccessLogRowDto[] = await logRows('analysis_print');
    expect(rows.at(-1)).toMatchObject({
      username: 'jingli',
      target: 'credit',
      detail: '客户信用分析，截至 2026-11-26',
    });
  });
});
