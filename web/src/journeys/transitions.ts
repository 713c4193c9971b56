import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, ApiError } from '../api/client';
import type { Journey, TransitionBody } from '../api/types';

/** Reasons offered when a journey is rejected or discontinued (the API's closed lists). */
export { rejectionReasons, discontinuanceReasons } from '../../../src/shared/vocabulary';

export type TransitionRequest = { journey: Pick<Journey, 'id' | 'version'>; body: DistributiveOmit<TransitionBody, 'version'> };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Runs a transition through the API and refreshes whatever shows the journey. */
export function useTransitionJourney() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ journey, body }: TransitionRequest) => api.transition(journey.id, { ...body, version: journey.version } as TransitionBody),
    onSettled: async (_data, _error, { journey }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['journeys'] }),
        client.invalidateQueries({ queryKey: ['journey', journey.id] }),
        client.invalidateQueries({ queryKey: ['history', journey.id] }),
        client.invalidateQueries({ queryKey: ['gates', journey.id] }),
        client.invalidateQueries({ queryKey: ['nextBestActions', journey.id] }),
        // Account 360 and the quick log show the journey's stage through the account overview.
        client.invalidateQueries({ queryKey: ['account'] }),
      ]);
    },
  });
}

/**
 * What to tell the user when the server refused: its own message (already in their
 * language) and, for a refused move, why, in words from the translation files.
 */
export function refusalText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('common.networkError');
  const refusal = typeof error.details.refusal === 'string' ? error.details.refusal : null;
  if (error.status === 409 && error.code === 'version_conflict') return t('journey.conflict');
  // In English the server's message already names the rule; in other languages it sends a
  // general message (plus the English `explanation`), so the rule is added in the user's words.
  if (refusal && typeof error.details.explanation === 'string') return `${error.message} ${t(`refusal.${refusal}`, { defaultValue: '' })}`.trim();
  return capitalise(error.message);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
