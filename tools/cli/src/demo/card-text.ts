// What a rep sees on a record card, as plain text for the demo (`npm start`): the cards' own view
// models (src/app/cards/view-model), drawn line by line instead of with HubSpot's components. The
// wording is the cards'; only the layout is the terminal's.
import type { CompanyCardView } from '../../../../src/app/cards/view-model/company-card.ts';
import type { DealCardView } from '../../../../src/app/cards/view-model/deal-card.ts';
import type { PositioningView } from '../../../../src/app/cards/view-model/positioning.ts';
import type { TodoView } from '../../../../src/app/cards/view-model/record-notes.ts';
import type { AlertView, SummaryView } from '../../../../src/app/cards/view-model/summary.ts';

const INDENT = '  ';
const MARK: Readonly<Record<AlertView['variant'], string>> = {
  danger: '✖',
  warning: '⚠',
  info: 'ℹ',
};

const bullets = (items: readonly string[], depth: number): string[] =>
  items.map((item) => `${INDENT.repeat(depth)}• ${item}`);

/** The head: tier, score, segment and tags, then the reason unless an alert already has it. */
const headLines = (summary: SummaryView, tags: readonly string[], hideReason: boolean) => [
  `${INDENT}${[
    `${summary.tier.label} · score ${summary.score}/100`,
    ...(summary.segmentName === null ? [] : [summary.segmentName]),
    ...tags,
  ].join(' · ')}`,
  ...(hideReason ? [] : [`${INDENT}${summary.reason}`]),
];

const alertLines = (alerts: readonly AlertView[]): string[] =>
  alerts.flatMap((a) => [`${INDENT}${MARK[a.variant]} ${a.title}`, `${INDENT.repeat(2)}${a.body}`]);

const positioningLines = (p: PositioningView | null): string[] =>
  p === null
    ? []
    : [
        `${INDENT}${p.title}`,
        `${INDENT.repeat(2)}Value proposition: ${p.valueProposition}`,
        ...(p.differentiators.length === 0
          ? []
          : [`${INDENT.repeat(2)}Differentiators:`, ...bullets(p.differentiators, 3)]),
        ...(p.expectations.length === 0
          ? []
          : [`${INDENT.repeat(2)}Expectations:`, ...bullets(p.expectations, 3)]),
      ];

const todoLines = (title: string, todos: readonly TodoView[]): string[] =>
  todos.length === 0
    ? []
    : [
        `${INDENT}${title}:`,
        ...bullets(
          todos.map((t) => t.text),
          2,
        ),
      ];

const footer = (summary: SummaryView): string =>
  `${INDENT}${summary.strategyLabel} · ${summary.strategyName}`;

/** The company record tab, as text (the explanation tables are left to the real card). */
export const companyCardText = (view: CompanyCardView, title: string): string =>
  [
    title,
    ...alertLines(view.alert === null ? [] : [view.alert]),
    ...headLines(view.summary, [], view.alert !== null),
    ...positioningLines(view.positioning),
    ...todoLines('What would raise the tier', view.todos),
    footer(view.summary),
  ].join('\n');

/** The deal record tab, as text (the company's explanation is left to the real card). */
export const dealCardText = (view: DealCardView, title: string): string =>
  [
    title,
    ...alertLines(view.alerts),
    ...headLines(
      view.summary,
      [
        ...(view.focus ? ['Focus deal'] : []),
        ...(view.existingCustomer ? ['Existing customer'] : []),
      ],
      view.alerts.length > 0,
    ),
    ...view.warnings.flatMap((w) => [
      `${INDENT}${MARK.warning} ${w.title}`,
      `${INDENT.repeat(2)}${w.body}`,
      ...(w.points === null
        ? []
        : [`${INDENT.repeat(2)}${w.points.label}`, ...bullets(w.points.items, 3)]),
    ]),
    ...(view.exception === null
      ? []
      : [`${INDENT}Exception: ${view.exception.label}. ${view.exception.text}`]),
    ...(view.competitors.length === 0
      ? []
      : [
          `${INDENT}Competitors on this deal`,
          ...view.competitors.flatMap((c) => [
            `${INDENT.repeat(2)}${c.name}${c.listed ? '' : ' (other)'}`,
            ...[c.targets, c.howWeWin, c.note]
              .filter((line) => line !== null)
              .map((line) => `${INDENT.repeat(3)}${line}`),
          ]),
        ]),
    ...positioningLines(view.positioning),
    ...(view.dreamTest === null
      ? []
      : [
          `${INDENT}Dream-customer test: ${view.dreamTest.map((r) => `${r.question} ${r.answer}`).join(' · ')}`,
        ]),
    ...todoLines('Next steps', view.todos),
    footer(view.summary),
  ].join('\n');
