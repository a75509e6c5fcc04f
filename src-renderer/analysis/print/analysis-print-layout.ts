import { cssString, pageCounterContent } from '../../cards/print/card-print-layout';

/** The named page of printed analysis reports. */
export const REPORT_PAGE = 'kd-analysis-report';

/** What repeats in the margins of every page of a report. */
export interface ReportMarks {
  confidential: string;
  title: string;
  printed: string;
  /** Page number pattern with {page} and {pages}. */
  page: string;
}

/**
 * The @page rule of a report: A4 portrait, the running header and footer in the page margin
 * boxes (内部资料 严禁外传 and the report title at the top, who printed it and when and the page
 * number at the bottom), so they repeat on every page and never overlap the report.
 */
export function reportPageRule(marks: ReportMarks): string {
  const box = (position: string, content: string, extra: string) =>
    `@${position}{content:${content};font-family:'Noto Sans SC',sans-serif;font-size:8pt;color:#000;${extra}}`;
  return (
    `@page ${REPORT_PAGE}{size:A4 portrait;margin:21mm 15mm 19mm 15mm;` +
    box('top-left', cssString(marks.confidential), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
    box('top-right', cssString(marks.title), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
    box('bottom-left', cssString(marks.printed), 'vertical-align:top;padding-top:3mm;') +
    box('bottom-right', pageCounterContent(marks.page), 'vertical-align:top;padding-top:3mm;') +
    `}`
  );
}
