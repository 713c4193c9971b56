import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey } from '../api/types';
import type { CardAction } from '../pipeline/boardModel';
import { ReasonDialog } from './ReasonDialog';
import { refusalText, useTransitionJourney } from './transitions';

export type ActionStatus = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Moves journeys for the board and the journey page alike: a stage move or adoption goes
 * straight to the API; rejection and discontinuance first ask for a reason.
 */
export function useJourneyActions() {
  const { t } = useTranslation();
  const transition = useTransitionJourney();
  const [status, setStatus] = useState<ActionStatus>(null);
  const [asking, setAsking] = useState<{ journey: Journey; kind: 'reject' | 'discontinue' } | null>(null);

  function send(journey: Journey, body: Parameters<typeof transition.mutate>[0]['body']) {
    setStatus(null);
    transition.mutate(
      { journey, body },
      {
        onSuccess: ({ journey: moved }) => {
          const text =
            moved.outcome === 'open'
              ? t('transition.moved', { account: moved.accountName, stage: t(`stage.${moved.stage}`) })
              : t('transition.closed', { account: moved.accountName, outcome: t(`outcome.${moved.outcome}`) });
          setStatus({ tone: 'ok', text });
          setAsking(null);
        },
        onError: (error) => {
          setStatus({ tone: 'error', text: refusalText(error, t) });
          setAsking(null);
        },
      },
    );
  }

  function run(journey: Journey, action: CardAction) {
    switch (action.kind) {
      case 'move':
        return send(journey, { kind: 'move', to: action.to });
      case 'adopt':
        return send(journey, { kind: 'adopt' });
      case 'reopen':
        return send(journey, { kind: 'reopen' });
      case 'reject':
      case 'discontinue':
        return setAsking({ journey, kind: action.kind });
    }
  }

  const dialog = (
    <ReasonDialog
      kind={asking?.kind ?? null}
      accountName={asking?.journey.accountName ?? ''}
      busy={transition.isPending}
      onCancel={() => setAsking(null)}
      onConfirm={(reason, note) => {
        if (asking) send(asking.journey, { kind: asking.kind, reason, ...(note ? { note } : {}) });
      }}
    />
  );

  return { run, dialog, status, clearStatus: () => setStatus(null), busy: transition.isPending };
}
