import { call } from '../team/teamApi';
import type { JourneyPipeline, Pipeline, PipelineCreate, PipelineUpdate } from '../../../src/shared/schemas/playbook';

export type { JourneyPipeline, Pipeline };

/** Pipelines (admins edit them) and the pipeline a journey follows. */
export const pipelinesApi = {
  list: () => call<{ items: Pipeline[] }>('GET', '/pipelines'),
  create: (body: PipelineCreate) => call<Pipeline>('POST', '/pipelines', undefined, body),
  update: (id: string, body: PipelineUpdate) => call<Pipeline>('PATCH', `/pipelines/${encodeURIComponent(id)}`, undefined, body),
  ofJourney: (journeyId: string) => call<JourneyPipeline>('GET', `/journeys/${encodeURIComponent(journeyId)}/pipeline`),
  choose: (journeyId: string, pipelineId: string | null, version: number) =>
    call<JourneyPipeline>('PUT', `/journeys/${encodeURIComponent(journeyId)}/pipeline`, undefined, { pipelineId, version }),
};
