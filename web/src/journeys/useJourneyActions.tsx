import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, JourneyWithPermissions } from '../api/types';
import { canOverrideGate } from '../auth/permissions';
import { useMe } from '../auth/session';
import type { CardAction } from '../pipeline/boardModel';
import { GateRefusalDialog } from '../playbook/GateRefusalDialog';
import { gateRefusal, type GateRefusal } from '../playbook/gatesModel';
import { ReasonDialog } from './ReasonDialog';
import { refusalText, useTransitionJourney, type TransitionRequest } from './transitions';

export type ActionStatus = { tone: 'ok' | 'error'; text: string } | null;

type Body = TransitionRequest['body'];
type Refused = { journey: Journey; body: Body; refusal: GateRefusal; error: string | null };

/** The server's answer when the journey page has it, else the policy. */
function mayOverride(me: Parameters<typeof canOverrideGate>[0], journey: Journey | JourneyWithPermissions): boolean {
  return 'permissions' in journey ? journey.permissions.overrideGate : canOverrideGate(me, journey);
}

/**
 * Moves journeys for the board and the journey page alike: a stage move or adoption goes
 * straight to the API; rejection and discontinuance first ask for a reason. A move refused
 * for unmet gates opens a dialog listing them, with an override (and its reason) for those
 * allowed to override; the override re-sends the same transition.
 */
export function useJourneyActions() {
  const { t } = useTranslation();
  const me = useMe().data?.user;
  const transition = useTransitionJourney();
  const [status, setStatus] = useState<ActionStatus>(null);
  const [asking, setAsking] = useState<{ journey: Journey; kind: 'reject' | 'discontinue' } | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);

  function send(journey: Journey, body: Body, overriding = false) {
    setStatus(null);
    transition.mutate(
      { journey, body },
      {
        onSuccess: ({ journey: moved }) => {
          const text =
            moved.outcome === 'open'
              ? t('transition.moved', { account: moved.accountName, stage: t(`stage.${moved.stage}`) })
              : t('transition.closed', { account: moved.accountName, outcome: t(`outcome.${moved.outcome}`) });
          setStatus({ tone: 'ok', text: overriding ? `${text} ${t('gates.overridden')}` : text });
          setAsking(null);
          setRefused(null);
        },
        onError: (error) => {
          const text = refusalText(error, t);
          setAsking(null);
          if (overriding) {
            setRefused((old) => (old ? { ...old, error: text } : old));
            return;
          }
          setStatus({ tone: 'error', text });
          const gates = gateRefusal(error);
          if (gates) setRefused({ journey, body, refusal: gates, error: null });
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
    <>
      <ReasonDialog
        kind={asking?.kind ?? null}
        accountName={asking?.journey.accountName ?? ''}
        busy={transition.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={(reason, note) => {
          if (asking) send(asking.journey, { kind: asking.kind, reason, ...(note ? { note } : {}) });
        }}
      />
      <GateRefusalDialog
        refusal={refused?.refusal ?? null}
        accountName={refused?.journey.accountName ?? ''}
        mayOverride={refused ? mayOverride(me, refused.journey) : false}
        busy={transition.isPending}
        error={refused?.error ?? null}
        onClose={() => setRefused(null)}
        onOverride={(reason) => {
          if (!refused) return;
          const { journey, body } = refused;
          if (body.kind === 'move' || body.kind === 'adopt' || body.kind === 'reopen') send(journey, { ...body, override: { reason } }, true);
        }}
      />
    </>
  );

  return { run, dialog, status, clearStatus: () => setStatus(null), busy: transition.isPending };
}
