// Report renderers for `strategy-fit report` and `strategy-fit simulate` (SCORING §9).
export { renderReportCsv } from './render-report-csv.ts';
export { renderReportHtml } from './render-report-html.ts';
export type { HtmlReportOptions } from './render-report-html.ts';
export { renderReportJson } from './render-report-json.ts';
export { renderReportTable } from './render-report-table.ts';
export type { ReportOptions } from './report-options.ts';
export { renderSimulationTable } from './render-simulation-table.ts';
export { renderSimulationMovers } from './render-simulation-movers.ts';
export type { MoverNames } from './render-simulation-movers.ts';
export { flagWords, renderPortalHolds, unmatchedWords } from './render-portal-holds.ts';
