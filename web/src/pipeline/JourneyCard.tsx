import { useDraggable } from '@dnd-kit/core';
import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, User } from '../api/types';
import { daysSince, formatMoney, initials } from '../format/format';
import { MoveMenu } from '../journeys/MoveMenu';
import { Link } from '../router';
import classes from './Board.module.css';
import type { CardAction } from './boardModel';

interface CardProps {
  journey: Journey;
  owner: User | undefined;
  movable: boolean;
  onAction(journey: Journey, action: CardAction): void;
}

/** A journey on the board; draggable (pointer) and movable through its menu (keyboard). */
export const JourneyCard = memo(function JourneyCard({ journey, owner, movable, onAction }: CardProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: journey.id, data: { journey }, disabled: !movable });
  return (
    <article ref={setNodeRef} {...(movable ? listeners : {})} className={classes.card} data-dragging={isDragging || undefined} data-movable={movable || undefined} aria-label={journey.accountName}>
      <CardBody journey={journey} owner={owner} menu={movable ? <MoveMenu journey={journey} onAction={(action) => onAction(journey, action)} /> : null} />
    </article>
  );
});

export function CardBody({ journey, owner, menu, overlay }: { journey: Journey; owner: User | undefined; menu?: React.ReactNode; overlay?: boolean }) {
  const { t, i18n } = useTranslation();
  const days = daysSince(journey.stageEnteredAt);
  return (
    <div className={overlay ? `${classes.cardInner} ${classes.overlay}` : classes.cardInner}>
      <Link to={`/journeys/${journey.id}`} className={classes.cardTitle}>
        {journey.accountName}
      </Link>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {journey.solutionName}
      </Text>
      <Group justify="space-between" gap={4} mt={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {formatMoney(journey.valueMinor, journey.currency, i18n.language)}
        </Text>
        <Tooltip label={owner?.name ?? t('pipeline.noOwner')} withinPortal>
          <Avatar size={24} radius="xl" color="indigo" variant="filled" aria-label={t('pipeline.owner', { name: owner?.name ?? t('pipeline.noOwner') })}>
            {owner ? initials(owner.name) : '–'}
          </Avatar>
        </Tooltip>
      </Group>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="xs" c={days > 30 ? 'orange.8' : 'dimmed'}>
          {t('pipeline.daysInStage', { count: days })}
        </Text>
        {menu}
      </Group>
    </div>
  );
}
