import {
  Alert,
  Button,
  Flex,
  Heading,
  LoadingButton,
  ProgressBar,
  Text,
} from '@hubspot/ui-extensions';
import { usePageRoute } from '@hubspot/ui-extensions/pages';
import { useEffect } from 'react';

import { useReviewPage } from '../hooks/review-context.tsx';
import { formatNumber, plural } from '../view-model/format.ts';
import { staleOf } from '../view-model/overview.ts';
import { errorView } from '../view-model/page-error.ts';
import { failureRows, progressOf } from '../view-model/rescore.ts';
import { TextTable } from './TextTable.tsx';

/** Rescore stale records: start, stop and resume a chunked rescore, with progress and failures. */
export const RescorePage = () => {
  const { review, rescore, actions } = useReviewPage();
  const route = usePageRoute();
  const { run } = rescore;
  const stopped =
    run.status === 'stopped' || run.status === 'interrupted' || run.status === 'failed';

  // A stopped run's cursor goes into the page's URL (?cursor=…), so it survives a reload.
  useEffect(() => {
    if (stopped && run.cursor !== null && route.params['cursor'] !== run.cursor) {
      actions.navigateToPage({ to: '/rescore', params: { cursor: run.cursor } });
    }
  }, [stopped, run.cursor, route.params, actions]);

  if (review.status !== 'ready') return null;
  const stale = staleOf(review.value);
  const urlCursor = route.params['cursor'] ?? null;
  // After a reload the page knows only the URL's cursor; in a session, the run's.
  const resumeFrom = run.status === 'idle' ? urlCursor : run.cursor;
  const running = run.status === 'running' || run.status === 'stopping';
  const progress = progressOf(run);
  const failures = failureRows(run);
  const error = run.error === null ? null : errorView(run.error);

  return (
    <Flex direction="column" gap="md" testId="rescore">
      <Heading>Rescore stale records</Heading>
      <Text testId="rescore-stale">
        {`${plural(stale.companies, 'company', 'companies')} and ${plural(stale.deals, 'deal')} carry a score older than the published strategy (version ${review.value.strategy.version}) or none at all.`}
      </Text>
      <Text variant="microcopy">
        Cards rescore a record when someone opens it. This rescores all stale records in chunks of a
        few seconds each, companies first, then deals, writing only what changed. You can stop and
        resume; a stopped run keeps its place in this page’s address.
      </Text>
      {
        <Flex direction="row" gap="sm">
          {!running && resumeFrom !== null && run.status !== 'done' && (
            <Button
              variant="primary"
              onClick={() => rescore.start(resumeFrom)}
              testId="rescore-resume"
            >
              Resume
            </Button>
          )}
          {!running && (
            <Button
              variant={resumeFrom !== null && run.status !== 'done' ? 'secondary' : 'primary'}
              onClick={() => rescore.start(null)}
              testId="rescore-start"
            >
              {run.status === 'idle' && resumeFrom === null
                ? 'Start rescoring'
                : 'Start from the beginning'}
            </Button>
          )}
          {running && (
            <LoadingButton
              loading={run.status === 'stopping'}
              onClick={rescore.stop}
              testId="rescore-stop"
            >
              {run.status === 'stopping' ? 'Stopping after this chunk…' : 'Stop'}
            </LoadingButton>
          )}
        </Flex>
      }
      {run.status !== 'idle' && (
        <ProgressBar
          title={`Version ${run.version ?? '—'} · ${plural(run.chunks, 'chunk')}`}
          value={progress.value}
          maxValue={progress.maxValue}
          valueDescription={progress.description}
          showPercentage
          variant={progress.variant}
          testId="rescore-progress"
        />
      )}
      {run.restarted && (
        <Alert
          title="A new strategy version was published"
          variant="info"
          testId="rescore-restarted"
        >
          The run started again with the new version; records scored before it are stale again.
        </Alert>
      )}
      {run.status === 'done' && (
        <Alert title="Rescore complete" variant="success" testId="rescore-done">
          {`${plural(run.processed, 'record')} rescored, ${formatNumber(run.changed)} written. The review has been refreshed.`}
        </Alert>
      )}
      {run.status === 'stopped' && (
        <Alert title="Stopped" variant="info" testId="rescore-stopped">
          Resume continues where this run stopped, even after the page is reloaded.
        </Alert>
      )}
      {error !== null && (
        <Alert
          title={run.status === 'interrupted' ? `Paused: ${error.title}` : error.title}
          variant={run.status === 'interrupted' ? 'warning' : 'danger'}
          testId="rescore-error"
        >
          {`${error.advice} ${error.detail}`.trim()}
        </Alert>
      )}
      {failures.rows.length > 0 && (
        <Flex direction="column" gap="xs" testId="rescore-failures">
          <Heading>{`Records that could not be rescored (${formatNumber(run.failed.length)})`}</Heading>
          <Text variant="microcopy">
            They stay stale; a new run from the beginning tries them again.
          </Text>
          <TextTable
            headers={['Record', 'Code', 'What HubSpot said']}
            rows={failures.rows.map((f) => ({ key: f.key, cells: [f.record, f.code, f.message] }))}
            testId="rescore-failures-table"
          />
          {failures.more > 0 && (
            <Text variant="microcopy">{`and ${formatNumber(failures.more)} more`}</Text>
          )}
        </Flex>
      )}
    </Flex>
  );
};
