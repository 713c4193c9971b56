import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Alert, CloseButton, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Journey, User } from '../api/types';
import { useMe } from '../auth/session';
import { useJourneyActions } from '../journeys/useJourneyActions';
import { navigate, useLocation } from '../router';
import { apiFilter, boardHref, boardStages, dropAction, filtersFromQuery, filtersFromSearch, filtersToQuery, type BoardFilters, type CardAction } from './boardModel';
import classes from './Board.module.css';
import { BoardColumn } from './BoardColumn';
import { BoardFilterBar } from './BoardFilterBar';
import { CardBody } from './JourneyCard';
import { SavedViewsMenu } from './SavedViewsMenu';

/** The pipeline: one column per stage, cards are open journeys; drag or use "Move to…". */
export default function PipelineBoard() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const me = useMe().data?.user ?? null;
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 5 * 60_000 });
  const summary = useQuery({
    queryKey: ['journeys', 'summary', filters],
    queryFn: () => api.journeySummary({ outcome: 'open', ...apiFilter(filters) }),
  });
  const usersById = useMemo(() => new Map<string, User>((users.data?.items ?? []).map((u) => [u.id, u])), [users.data]);
  const actions = useJourneyActions();
  // One function for every card, so memoised cards do not re-render when the board does.
  const runRef = useRef(actions.run);
  runRef.current = actions.run;
  const onAction = useCallback((journey: Journey, action: CardAction) => runRef.current(journey, action), []);
  const [dragging, setDragging] = useState<Journey | null>(null);
  const [viewStatus, setViewStatus] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const setFilters = (next: BoardFilters) => navigate(boardHref(next), { replace: true });

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current?.journey as Journey | undefined) ?? null);
  }
  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const journey = event.active.data.current?.journey as Journey | undefined;
    if (!journey) return;
    const action = dropAction(journey, event.over ? String(event.over.id) : null);
    if (action) onAction(journey, action);
  }

  return (
    <div className={classes.page}>
      <Group justify="space-between" align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <Title order={1} size="h3">
          {t('pipeline.title')}
        </Title>
        {me ? <SavedViewsMenu screen="pipeline" me={me} query={filtersToQuery(filters)} onApply={(query) => setFilters(filtersFromQuery(query))} onStatus={setViewStatus} /> : null}
      </Group>
      <BoardFilterBar filters={filters} users={users.data?.items ?? []} onChange={setFilters} />
      <div aria-live="polite" className={classes.status}>
        {actions.status ? (
          <Alert
            color={actions.status.tone === 'ok' ? 'teal' : 'red'}
            role={actions.status.tone === 'error' ? 'alert' : 'status'}
            py={6}
            withCloseButton={false}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{actions.status.text}</Text>
              <CloseButton size="sm" aria-label={t('common.close')} onClick={actions.clearStatus} />
            </Group>
          </Alert>
        ) : viewStatus ? (
          <Alert color="teal" role="status" py={6} withCloseButton={false}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{viewStatus}</Text>
              <CloseButton size="sm" aria-label={t('common.close')} onClick={() => setViewStatus(null)} />
            </Group>
          </Alert>
        ) : null}
      </div>
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)} accessibility={{ screenReaderInstructions: { draggable: t('pipeline.dragInstructions') } }}>
        <div className={classes.board} role="region" aria-label={t('pipeline.boardLabel')} tabIndex={0}>
          {boardStages.map((stage) => (
            <BoardColumn
              key={stage}
              stage={stage}
              filters={filters}
              me={me}
              usersById={usersById}
              total={summary.data?.byStage.find((s) => s.stage === stage)}
              currency={summary.data?.currency ?? 'IDR'}
              onAction={onAction}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <CardBody journey={dragging} owner={dragging.ownerId ? usersById.get(dragging.ownerId) : undefined} overlay /> : null}</DragOverlay>
      </DndContext>
      {actions.dialog}
    </div>
  );
}
