import {
  Flex,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { SimulationMatrix, SimulationMovers } from '@strategy-fit/core';

import type { MoverRowView } from '../view-model/movers-view.ts';
import { moversView } from '../view-model/movers-view.ts';

const MoverTable = ({
  rows,
  what,
  testId,
}: {
  rows: readonly MoverRowView[];
  what: string;
  testId: string;
}) =>
  rows.length === 0 ? null : (
    <Table testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{what}</TableHeader>
          <TableHeader>Tier today → with this draft</TableHeader>
          <TableHeader>Open amount</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.name}</TableCell>
            <TableCell>{r.move}</TableCell>
            <TableCell>{r.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

/** Which accounts move (issue 13): the largest companies and open deals that change tier. */
export const SimulationMoversView = ({
  movers,
  matrix,
}: {
  movers: SimulationMovers;
  matrix: SimulationMatrix;
}) => {
  const view = moversView(movers, matrix);
  return (
    <Flex direction="column" gap="xs" testId="simulation-movers">
      <Text format={{ fontWeight: 'demibold' }}>{view.title}</Text>
      <MoverTable rows={view.companies} what="Company" testId="movers-companies" />
      {view.companiesNote !== null && <Text variant="microcopy">{view.companiesNote}</Text>}
      <MoverTable rows={view.deals} what="Open deal" testId="movers-deals" />
      {view.dealsNote !== null && <Text variant="microcopy">{view.dealsNote}</Text>}
      {view.noCompany !== null && (
        <Text variant="microcopy" testId="simulation-no-company">
          {view.noCompany}
        </Text>
      )}
    </Flex>
  );
};
