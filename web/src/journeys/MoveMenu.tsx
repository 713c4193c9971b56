import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Journey } from '../api/types';
import { cardActions, type CardAction } from '../pipeline/boardModel';

/** The keyboard way to move a journey: a menu of stages and outcomes the stage machine allows. */
export function MoveMenu({ journey, onAction, size = 'compact-xs', defaultOpened }: { journey: Journey; onAction(action: CardAction): void; size?: string; defaultOpened?: boolean }) {
  const { t } = useTranslation();
  const actions = cardActions(journey);
  const moves = actions.filter((a): a is Extract<CardAction, { kind: 'move' }> => a.kind === 'move');
  const outcomes = actions.filter((a) => a.kind !== 'move');
  return (
    <Menu position="bottom-end" withinPortal shadow="md" defaultOpened={defaultOpened}>
      <Menu.Target>
        <Button size={size} variant="default" aria-label={t('transition.moveMenuFor', { account: journey.accountName })}>
          {t('transition.moveTo')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {moves.length > 0 ? <Menu.Label>{t('transition.stages')}</Menu.Label> : null}
        {moves.map((action) => (
          <Menu.Item key={action.to} onClick={() => onAction(action)}>
            {t(`stage.${action.to}`)}
          </Menu.Item>
        ))}
        {outcomes.length > 0 ? <Menu.Divider /> : null}
        {outcomes.map((action) => (
          <Menu.Item key={action.kind} color={action.kind === 'reject' || action.kind === 'discontinue' ? 'red' : undefined} onClick={() => onAction(action)}>
            {t(`transition.${action.kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
