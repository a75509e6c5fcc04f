import {
  AGEING_BUCKETS,
  type CreditAnalysis,
  type GradeAnalysis,
  type ProductAnalysis,
  type RegionAnalysis,
} from '../../../src-shared/analysis/analysis';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import type { Language } from '../../../src-shared/errors';
import { formatCents } from '../../../src-shared/sales/sales';
import type { CliCommand } from '../args';
import { asUser, type CommandContext } from '../context';
import { cliText } from '../messages';

type AnalysisCommand = Extract<CliCommand, { name: 'analysis' }>;

/** Rows of long lists printed for people; --json carries them all. */
const PRINTED_ROWS = 20;

const AGE_LABELS: Record<Language, readonly string[]> = {
  zh: ['0–30 天', '31–60 天', '61–90 天', '90 天以上'],
  en: ['0–30 days', '31–60 days', '61–90 days', 'over 90 days'],
};

const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

/**
 * `kedang analysis grade|product|region|credit --from DATE --to DATE [--by grade|region]
 * [--parent CODE]`: a composition analysis run through the router as the logged-in user (so it
 * is in the access log like any run in the window). Tables are tab-separated for people; --json
 * prints the analysis whole, as the window receives it.
 */
export async function analysisCommand(ctx: CommandContext, command: AnalysisCommand): Promise<number> {
  const { language } = ctx;
  const period = { from: command.from ?? command.to, to: command.to };
  const { analysis, labels } = await asUser(ctx, async () => {
    const analysis =
      command.kind === 'grade'
        ? await ctx.call('analysis.grade', { period })
        : command.kind === 'product'
          ? await ctx.call('analysis.product', { period, by: command.by })
          : command.kind === 'region'
            ? await ctx.call('analysis.region', { period, parent: command.parent })
            : await ctx.call('analysis.credit', { asOf: command.to });
    // Labels only for people; the JSON keeps the codes, as the window gets them.
    const entries = ctx.args.json ? [] : await ctx.call('classification.dictionaries', {});
    return { analysis, labels: entries };
  });
  ctx.out.result({ analysis });
  const label = labelOf(labels, language);
  switch (command.kind) {
    case 'grade':
      printGrade(ctx, analysis as GradeAnalysis, label);
      break;
    case 'product':
      printProduct(ctx, analysis as ProductAnalysis, label);
      break;
    case 'region':
      printRegion(ctx, analysis as RegionAnalysis, label);
      break;
    case 'credit':
      printCredit(ctx, analysis as CreditAnalysis, label);
      break;
  }
  return 0;
}

type Label = (axis: 'grade' | 'creditGrade' | 'region', code: string) => string;

function labelOf(entries: readonly DictionaryEntry[], language: Language): Label {
  const byKey = new Map(
    entries.map((e) => [`${e.axis}:${e.code}`, language === 'en' && e.labelEn ? e.labelEn : e.label]),
  );
  return (axis, code) => (code === '' ? cliText('analysisNone', language) : (byKey.get(`${axis}:${code}`) ?? code));
}

const row = (...cells: (string | number)[]) => cells.join('\t');

function title(
  ctx: CommandContext,
  key: 'analysisGradeTitle' | 'analysisProductTitle' | 'analysisRegionTitle',
  from: string,
  to: string,
) {
  ctx.out.line(cliText('analysisTitle', ctx.language, { title: cliText(key, ctx.language), from, to }));
}

function printGrade(ctx: CommandContext, a: GradeAnalysis, label: Label): void {
  const { language } = ctx;
  title(ctx, 'analysisGradeTitle', a.period.from, a.period.to);
  ctx.out.line(
    cliText('analysisCompared', language, {
      previous: `${a.previous.from} – ${a.previous.to}`,
      lastYear: `${a.lastYear.from} – ${a.lastYear.to}`,
    }),
  );
  ctx.out.line(cliText('analysisGradeHeader', language));
  for (const g of a.groups) {
    ctx.out.line(
      row(
        label('grade', g.key),
        g.customers,
        formatCents(g.cents),
        percent(g.shareBp),
        formatCents(g.previousCents),
        formatCents(g.lastYearCents),
      ),
    );
  }
  const customers = a.groups.reduce((n, g) => n + g.customers, 0);
  ctx.out.line(
    row(
      cliText('analysisTotal', language),
      customers,
      formatCents(a.totalCents),
      percent(a.totalCents > 0 ? 10_000 : 0),
      formatCents(a.previousCents),
      formatCents(a.lastYearCents),
    ),
  );
  ctx.out.line(
    cliText('analysisPareto', language, {
      n: a.pareto.customers,
      k: a.pareto.customersFor80,
      share: percent(a.pareto.customersFor80ShareBp),
    }),
  );
}

function printProduct(ctx: CommandContext, a: ProductAnalysis, label: Label): void {
  const { language } = ctx;
  const category = (c: string) => (c === '' ? cliText('analysisNone', language) : c);
  title(ctx, 'analysisProductTitle', a.period.from, a.period.to);
  ctx.out.line(cliText('analysisCategoryHeader', language));
  for (const c of a.categories) {
    ctx.out.line(row(category(c.key), c.customers, c.quantity, formatCents(c.cents), percent(c.shareBp)));
  }
  ctx.out.line(row(cliText('analysisTotal', language), '', a.totalQuantity, formatCents(a.totalCents), ''));
  ctx.out.line('');
  ctx.out.line(cliText('analysisProductHeader', language, { n: Math.min(PRINTED_ROWS, a.products.length) }));
  for (const p of a.products.slice(0, PRINTED_ROWS)) {
    ctx.out.line(
      row(
        `${p.code} ${p.name}`,
        category(p.category),
        p.customers,
        p.quantity,
        formatCents(p.cents),
        percent(p.shareBp),
      ),
    );
  }
  ctx.out.line('');
  const axis = a.crossTab.by === 'grade' ? 'grade' : 'region';
  ctx.out.line(
    row(
      cliText('analysisCrossHeader', language, {
        by: cliText(axis === 'grade' ? 'analysisByGrade' : 'analysisByRegion', language),
      }),
      ...a.crossTab.columns.map((c) => label(axis, c.key)),
    ),
  );
  for (const r of a.crossTab.rows) {
    ctx.out.line(row(category(r.category), ...r.cells.map((c) => `${formatCents(c.cents)} (${percent(c.shareBp)})`)));
  }
}

function printRegion(ctx: CommandContext, a: RegionAnalysis, label: Label): void {
  const { language } = ctx;
  title(ctx, 'analysisRegionTitle', a.period.from, a.period.to);
  if (a.path.length > 0) {
    ctx.out.line(
      cliText('analysisRegionPath', language, {
        path: a.path.map((code) => `${label('region', code)} (${code})`).join(' › '),
      }),
    );
  }
  ctx.out.line(cliText('analysisRegionHeader', language));
  for (const g of a.groups) {
    const name = g.key === '' ? label('region', '') : `${label('region', g.key)} (${g.key})`;
    ctx.out.line(
      row(
        name,
        g.customers,
        formatCents(g.cents),
        percent(g.shareBp),
        g.hasChildren ? cliText('analysisYes', language) : '',
      ),
    );
  }
  const customers = a.groups.reduce((n, g) => n + g.customers, 0);
  ctx.out.line(
    row(
      cliText('analysisTotal', language),
      customers,
      formatCents(a.totalCents),
      percent(a.totalCents > 0 ? 10_000 : 0),
      '',
    ),
  );
}

function printCredit(ctx: CommandContext, a: CreditAnalysis, label: Label): void {
  const { language } = ctx;
  const t = a.totals;
  ctx.out.line(cliText('analysisCreditTitle', language, { asOf: a.asOf }));
  ctx.out.line(
    cliText('analysisCreditTotals', language, {
      customers: t.customers,
      outstanding: formatCents(t.outstandingCents),
      withBalance: t.customersWithBalance,
      limit: formatCents(t.limitCents),
      over: t.overLimitCustomers,
      overCents: formatCents(t.overLimitCents),
      credit: t.creditBalanceCustomers,
      creditCents: formatCents(t.creditBalanceCents),
    }),
  );
  ctx.out.line(cliText('analysisCreditHeader', language));
  for (const g of a.byCreditGrade) {
    ctx.out.line(
      row(
        label('creditGrade', g.key),
        g.customers,
        formatCents(g.limitCents),
        formatCents(g.outstandingCents),
        percent(g.shareBp),
        g.overLimitCustomers,
        g.terms?.paymentDays ?? '',
        g.terms?.handling ?? '',
      ),
    );
  }
  ctx.out.line('');
  ctx.out.line(cliText('analysisAgeingHeader', language));
  a.ageing.forEach((b) => {
    ctx.out.line(
      row(
        AGE_LABELS[language][AGEING_BUCKETS.indexOf(b.bucket)]!,
        formatCents(b.cents),
        b.customers,
        percent(b.shareBp),
      ),
    );
  });
  if (a.overLimitCount > 0) {
    ctx.out.line('');
    ctx.out.line(
      cliText('analysisOverLimitHeader', language, {
        n: Math.min(PRINTED_ROWS, a.overLimit.length),
        count: a.overLimitCount,
      }),
    );
    for (const c of a.overLimit.slice(0, PRINTED_ROWS)) {
      ctx.out.line(
        row(c.code, c.name, formatCents(c.limitCents ?? 0), formatCents(c.outstandingCents ?? 0), formatCents(c.cents)),
      );
    }
  }
}
