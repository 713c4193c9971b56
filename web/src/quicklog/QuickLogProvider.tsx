import { Alert, Anchor, CloseButton, Group, Text } from '@mantine/core';
import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import type { PickedAccount } from './AccountPicker';

/** The dialog's code (form, pickers, validation) loads on first use, or when the browser is idle; it is not in the initial download. */
export const loadQuickLogDialog = () => import('./QuickLogDialog');
const QuickLogDialog = lazy(() => loadQuickLogDialog().then((m) => ({ default: m.QuickLogDialog })));

interface QuickLog {
  /** Opens the dialog, with the account filled in when the user is looking at one. */
  open(preset?: PickedAccount | null): void;
  isOpen: boolean;
}

const QuickLogContext = createContext<QuickLog>({ open: () => {}, isOpen: false });

export function useQuickLog(): QuickLog {
  return useContext(QuickLogContext);
}

/** The quick log, reachable from anywhere in the app, and the confirmation it leaves behind. */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ opened: boolean; preset: PickedAccount | null }>({ opened: false, preset: null });
  // Mounted from the first opening on (so later openings and the closing animation need no loading).
  const [used, setUsed] = useState(false);
  const [logged, setLogged] = useState<PickedAccount | null>(null);
  const open = useCallback((preset?: PickedAccount | null) => {
    setLogged(null);
    setUsed(true);
    setState({ opened: true, preset: preset ?? null });
  }, []);
  const value = useMemo(() => ({ open, isOpen: state.opened }), [open, state.opened]);
  return (
    <QuickLogContext.Provider value={value}>
      {children}
      {used ? (
        <Suspense fallback={null}>
          <QuickLogDialog
            opened={state.opened}
            preset={state.preset}
            onClose={() => setState({ opened: false, preset: null })}
            onLogged={(_activity, account) => {
              setState({ opened: false, preset: null });
              setLogged(account);
            }}
          />
        </Suspense>
      ) : null}
      <div aria-live="polite" style={{ position: 'fixed', bottom: 16, left: 16, right: 16, zIndex: 300, display: 'flex', justifyContent: 'center', pointerEvents: 'none' }}>
        {logged ? (
          <Alert color="teal" role="status" py={8} style={{ pointerEvents: 'auto', maxWidth: 520, width: '100%' }} withCloseButton={false}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">
                {t('quickLog.logged')}{' '}
                <Anchor component={Link} to={`/accounts/${logged.id}`} size="sm" c="inherit" underline="always" fw={600} onClick={() => setLogged(null)}>
                  {logged.name}
                </Anchor>
              </Text>
              <CloseButton size="sm" aria-label={t('common.close')} onClick={() => setLogged(null)} />
            </Group>
          </Alert>
        ) : null}
      </div>
    </QuickLogContext.Provider>
  );
}
