import { useDraggable } from '@dnd-kit/core';
import { Avatar, Button } from '@mantine/core';
import { memo, useState } from 'react';
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
      <CardBody journey={journey} owner={owner} menu={movable ? <CardMoveMenu journey={journey} onAction={onAction} /> : null} />
    </article>
  );
});

/**
 * The card's "Move to…" button. The menu behind it (a popover with its positioning hooks) is
 * mounted on first use and opens at once: a board renders dozens of cards, and few menus open.
 */
function CardMoveMenu({ journey, onAction }: { journey: Journey; onAction(journey: Journey, action: CardAction): void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  if (active) return <MoveMenu journey={journey} defaultOpened onAction={(action) => onAction(journey, action)} />;
  return (
    <Button size="compact-xs" variant="default" aria-haspopup="menu" aria-expanded={false} aria-label={t('transition.moveMenuFor', { account: journey.accountName })} onClick={() => setActive(true)}>
      {t('transition.moveTo')}
    </Button>
  );
}

export function CardBody({ journey, owner, menu, overlay }: { journey: Journey; owner: User | undefined; menu?: React.ReactNode; overlay?: boolean }) {
  const { t, i18n } = useTranslation();
  const days = daysSince(journey.stageEnteredAt);
  const ownerName = owner?.name ?? t('pipeline.noOwner');
  return (
    <div className={overlay ? `${classes.cardInner} ${classes.overlay}` : classes.cardInner}>
      <Link to={`/journeys/${journey.id}`} className={classes.cardTitle}>
        {journey.accountName}
      </Link>
      <p className={classes.cardSolution}>{journey.solutionName}</p>
      <div className={classes.cardRow}>
        <span className={classes.cardValue}>{formatMoney(journey.valueMinor, journey.currency, i18n.language)}</span>
        <Avatar size={24} radius="xl" color="indigo" variant="filled" title={ownerName} aria-label={t('pipeline.owner', { name: ownerName })}>
          {owner ? initials(owner.name) : '–'}
        </Avatar>
      </div>
      <div className={classes.cardRow}>
        <span className={classes.cardDays} data-stale={days > 30 || undefined}>
          {t('pipeline.daysInStage', { count: days })}
        </span>
        {menu}
      </div>
    </div>
  );
}
