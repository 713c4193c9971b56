import { Alert, Anchor, CloseButton, Group, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import type { PickedAccount } from './AccountPicker';
import { QuickLogDialog } from './QuickLogDialog';

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
  const [logged, setLogged] = useState<PickedAccount | null>(null);
  const open = useCallback((preset?: PickedAccount | null) => {
    setLogged(null);
    setState({ opened: true, preset: preset ?? null });
  }, []);
  const value = useMemo(() => ({ open, isOpen: state.opened }), [open, state.opened]);
  return (
    <QuickLogContext.Provider value={value}>
      {children}
      <QuickLogDialog
        opened={state.opened}
        preset={state.preset}
        onClose={() => setState({ opened: false, preset: null })}
        onLogged={(_activity, account) => {
          setState({ opened: false, preset: null });
          setLogged(account);
        }}
      />
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
