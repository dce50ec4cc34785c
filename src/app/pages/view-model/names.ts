import type { StrategyReviewValue } from '@strategy-fit/core';

/** Names to show instead of ids: owners, pipelines and their stages, from the review's answer. */
export type Names = {
  owner: (id: string | null) => string;
  pipeline: (id: string | null) => string;
  stage: (pipelineId: string | null, stageId: string | null, label: string | null) => string;
};

export const namesOf = (value: Pick<StrategyReviewValue, 'owners' | 'pipelines'>): Names => {
  const owners = new Map(value.owners.map((o) => [o.id, o.name ?? `Owner ${o.id}`]));
  const pipelines = new Map(value.pipelines.map((p) => [p.id, p]));
  return {
    owner: (id) => (id === null ? 'No owner' : (owners.get(id) ?? `Owner ${id}`)),
    pipeline: (id) => (id === null ? 'No pipeline' : (pipelines.get(id)?.label ?? id)),
    stage: (pipelineId, stageId, label) => {
      if (label !== null) return label;
      if (stageId === null) return 'No stage';
      const pipeline = pipelineId === null ? undefined : pipelines.get(pipelineId);
      return pipeline?.stages.find((s) => s.id === stageId)?.label ?? stageId;
    },
  };
};
