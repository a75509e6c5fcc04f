import type { Kysely } from 'kysely';
import type {
  CreditAnalysis,
  GradeAnalysis,
  Period,
  ProductAnalysis,
  RegionAnalysis,
  Segment,
  TrendAnalysis,
} from '../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../src-shared/contracts/analysis';
import type { LogDetailPart } from '../../src-shared/log-details';
import { loadRules } from '../classification/rules-service';
import type { OpenArchive } from '../archive/open-archive';
import type { ArchiveSchema } from '../store/schema';
import { inTransaction } from '../store/transaction';
import { creditAnalysisOf, loadCreditFigures } from './credit-analysis';
import { archiveSource, type FigureSource } from './figure-source';
import { gradeAnalysisOf, loadGradeFigures } from './grade-analysis';
import { loadProductFigures, productAnalysisOf } from './product-analysis';
import { loadRegionFigures, regionAnalysisOf } from './region-analysis';
import { loadTrendFigures, trendAnalysisOf } from './trend-analysis';

/** An analysis with its result, as export and print handle them. */
export type AnalysisResult =
  | { kind: 'grade'; value: GradeAnalysis }
  | { kind: 'trend'; value: TrendAnalysis }
  | { kind: 'product'; value: ProductAnalysis }
  | { kind: 'region'; value: RegionAnalysis }
  | { kind: 'credit'; value: CreditAnalysis };

/**
 * Reads the archive in one read transaction, so that every statement of an analysis sees the
 * same data even if the CLI imports sales at the same moment.
 */
export async function readFigures<T>(
  archive: OpenArchive,
  work: (source: FigureSource, db: Kysely<ArchiveSchema>) => Promise<T>,
): Promise<T> {
  return inTransaction(archive.db, (trx) => work(archiveSource(trx, archive.raw), trx));
}

/** Runs the analysis a request names. */
export async function analysisOf(
  source: FigureSource,
  db: Kysely<ArchiveSchema>,
  request: AnalysisRequest,
): Promise<AnalysisResult> {
  switch (request.kind) {
    case 'grade':
      return { kind: 'grade', value: gradeAnalysisOf(request.period, await loadGradeFigures(source, request.period)) };
    case 'trend':
      return { kind: 'trend', value: trendAnalysisOf(request.period, await loadTrendFigures(source, request.period)) };
    case 'product':
      return {
        kind: 'product',
        value: productAnalysisOf(request.period, await loadProductFigures(source, request.period, request.by)),
      };
    case 'region':
      return {
        kind: 'region',
        value: regionAnalysisOf(request.period, request.parent, await loadRegionFigures(source, request.period)),
      };
    case 'credit': {
      const figures = await loadCreditFigures(source, request.asOf);
      const { creditTerms } = await loadRules(db);
      return { kind: 'credit', value: await creditAnalysisOf(source, request.asOf, figures, creditTerms) };
    }
  }
}

const periodParams = (period: Period) => ({ start: period.from, end: period.to });

/** What the access log says about an analysis: which one, its period and parameters. */
export function requestLogParts(request: AnalysisRequest): LogDetailPart[] {
  switch (request.kind) {
    case 'grade':
      return [['analysisGrade', periodParams(request.period)]];
    case 'trend':
      return [['analysisTrend', periodParams(request.period)]];
    case 'product':
      return [
        [request.by === 'grade' ? 'analysisProductByGrade' : 'analysisProductByRegion', periodParams(request.period)],
      ];
    case 'region':
      return request.parent === null
        ? [['analysisRegion', periodParams(request.period)]]
        : [
            ['analysisRegion', periodParams(request.period)],
            ['analysisRegionParent', { region: request.parent }],
          ];
    case 'credit':
      return [['analysisCredit', { asOf: request.asOf }]];
  }
}

/** A segment in a few language-neutral words for the log: kind and codes only. */
export function describeSegment(segment: Segment): string {
  switch (segment.kind) {
    case 'grade':
      return `grade:${segment.grade}`;
    case 'region':
      return `region:${segment.region}${segment.exact ? '(exact)' : ''}`;
    case 'creditGrade':
      return `creditGrade:${segment.creditGrade}`;
    case 'ageing':
      return `ageing:${segment.bucket}`;
    case 'overLimit':
    case 'pareto80':
      return segment.kind;
    case 'product': {
      const parts = ['product'];
      if (segment.productId !== undefined) parts.push(`id=${segment.productId}`);
      if (segment.category !== undefined) parts.push(`category=${segment.category}`);
      if (segment.column) parts.push(`${segment.column.by}=${segment.column.key}`);
      return parts.join(':');
    }
  }
}
