import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Locale, Me } from '../api/types';
import { meKey } from '../auth/session';
import { applyLocale } from '../i18n';

/** Saves the user's language in their profile and switches the UI to it. */
export function useSaveLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => {
      const me = client.getQueryData<Me | null>(meKey);
      return api.updateMe({ locale, version: me?.user.version ?? 1 });
    },
    onSuccess: async (user) => {
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, user } : old));
      await applyLocale(user.locale);
      // Lists carry server-made text (messages) in the old language: load them again.
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}
