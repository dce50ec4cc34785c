import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { SimulationMatrix } from '@strategy-fit/core';

import type { CellView } from '../view-model/simulation-view.ts';
import { matrixView } from '../view-model/simulation-view.ts';

const Cell = ({ cell, testId }: { cell: CellView; testId?: string }) => (
  <TableCell testId={testId}>
    <Text format={cell.moves ? { fontWeight: 'bold' } : {}}>{cell.companiesText}</Text>
    {cell.amountText !== '' && <Text variant="microcopy">{cell.amountText}</Text>}
  </TableCell>
);

/** Old tier (rows) → new tier (columns): companies, and their open pipeline below. */
export const SimulationMatrixView = ({ matrix }: { matrix: SimulationMatrix }) => {
  const view = matrixView(matrix);
  return (
    <Flex direction="column" gap="sm" testId="simulation-result">
      <DescriptionList direction="row" testId="simulation-headline">
        {view.headline.map((h) => (
          <DescriptionListItem key={h.key} label={h.label}>
            <Text testId={`simulation-${h.key}`}>{h.text}</Text>
          </DescriptionListItem>
        ))}
      </DescriptionList>
      <Text variant="microcopy">
        Rows: the tier under the published strategy. Columns: the tier under this draft. Each cell:
        companies, and below it the open pipeline of their open deals. Bold: companies that change
        tier.
      </Text>
      <Table bordered density="condensed" testId="simulation-matrix">
        <TableHead>
          <TableRow>
            <TableHeader>Today ↓ · Proposed →</TableHeader>
            {view.columns.map((c) => (
              <TableHeader key={c}>{c}</TableHeader>
            ))}
            <TableHeader>Total</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.rows.map((row) => (
            <TableRow key={row.key} testId={`simulation-row-${row.key}`}>
              <TableCell>{row.label}</TableCell>
              {row.cells.map((cell, i) => (
                <Cell
                  key={i}
                  cell={cell}
                  testId={`simulation-cell-${row.key}-${view.columnKeys[i] ?? i}`}
                />
              ))}
              <Cell cell={row.total} />
            </TableRow>
          ))}
          <TableRow testId="simulation-row-total">
            <TableCell>Total</TableCell>
            {view.totals.map((cell, i) => (
              <Cell key={i} cell={cell} />
            ))}
            <Cell cell={view.total} />
          </TableRow>
        </TableBody>
      </Table>
    </Flex>
  );
};
