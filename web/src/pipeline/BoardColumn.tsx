import { useDroppable } from '@dnd-kit/core';
import { Button, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Journey, Me, Stage, User } from '../api/types';
import { formatMoney } from '../format/format';
import { ErrorState, Loading } from '../ui/States';
import classes from './Board.module.css';
import { canMove, columnQuery, type BoardFilters, type CardAction } from './boardModel';
import { JourneyCard } from './JourneyCard';

interface ColumnProps {
  stage: Stage;
  filters: BoardFilters;
  me: Me['user'] | null;
  usersById: Map<string, User>;
  total: { count: number; totalMinor: number } | undefined;
  currency: string;
  onAction(journey: Journey, action: CardAction): void;
}

/** One stage: its journeys fetched a page at a time and rendered virtually, so thousands stay smooth. */
export const BoardColumn = memo(function BoardColumn({ stage, filters, me, usersById, total, currency, onAction }: ColumnProps) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const query = useInfiniteQuery({
    queryKey: ['journeys', 'column', stage, filters],
    queryFn: ({ pageParam }) => api.journeys(columnQuery(stage, filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 118,
    overscan: 5,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 10) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, items.length]);

  const headingId = `column-${stage}`;
  return (
    <section ref={setNodeRef} className={classes.column} data-over={isOver || undefined} aria-labelledby={headingId} data-stage={stage}>
      <header className={classes.columnHeader}>
        <h2 id={headingId} className={classes.columnTitle}>
          {t(`stage.${stage}`)}
        </h2>
        <Text size="xs" c="dimmed" aria-label={t('pipeline.columnCount', { count: total?.count ?? items.length })}>
          {total ? `${total.count.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID')} · ${formatMoney(total.totalMinor, currency, i18n.language)}` : items.length}
        </Text>
      </header>
      <div ref={scrollRef} className={classes.columnBody}>
        {query.isPending ? <Loading /> : null}
        {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            {t('pipeline.emptyColumn')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <ul className={classes.cardList} style={{ height: virtualizer.getTotalSize() }} aria-label={t('pipeline.cardsIn', { stage: t(`stage.${stage}`) })}>
            {virtualItems.map((row) => {
              const journey = items[row.index];
              if (!journey) return null;
              return (
                <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} className={classes.cardSlot} style={{ transform: `translateY(${row.start}px)` }} aria-setsize={total?.count ?? items.length} aria-posinset={row.index + 1}>
                  <JourneyCard journey={journey} owner={journey.ownerId ? usersById.get(journey.ownerId) : undefined} movable={canMove(me, journey)} onAction={onAction} />
                </li>
              );
            })}
          </ul>
        ) : null}
        {isFetchingNextPage ? <Loading /> : null}
        {hasNextPage && !isFetchingNextPage ? (
          <Button variant="subtle" size="xs" fullWidth onClick={() => void fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </div>
    </section>
  );
});
