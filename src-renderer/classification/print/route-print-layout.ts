import { cssString, pageCounterContent } from '../../cards/print/card-print-layout';

/** The named page of a route sheet: its margin boxes carry the running header and footer. */
export const ROUTE_PAGE = 'kd-route-sheet';

/** What repeats on every printed page of a route sheet. */
export interface RouteRunningMarks {
  /** 内部资料 严禁外传. */
  confidential: string;
  /** Which route a loose page belongs to, e.g. "路线表 · 京东线（HB-01）". */
  route: string;
  /** Printing user and time. */
  printed: string;
  /** Page number pattern with {page} and {pages}. */
  page: string;
}

/**
 * The @page rule of a route sheet: A4 portrait, the running header and footer in the page margin
 * boxes (so they repeat on every page and never cover the table), as the printed card does.
 */
export function routePageRule(marks: RouteRunningMarks): string {
  const box = (position: string, content: string, extra = '') =>
    `@${position}{content:${content};font-family:'Noto Sans SC',sans-serif;font-size:8pt;color:#000;${extra}}`;
  return (
    `@page ${ROUTE_PAGE}{size:A4 portrait;margin:21mm 12mm 19mm 12mm;` +
    box('top-left', cssString(marks.confidential), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
    box('top-right', cssString(marks.route), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
    box('bottom-left', cssString(marks.printed), 'vertical-align:top;padding-top:3mm;') +
    box('bottom-right', pageCounterContent(marks.page), 'vertical-align:top;padding-top:3mm;') +
    `}`
  );
}
