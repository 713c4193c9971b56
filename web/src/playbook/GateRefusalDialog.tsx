import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gateLabel, refusalDialog, validateOverrideReason, type GateRefusal } from './gatesModel';
import classes from './Playbook.module.css';

export interface GateRefusalDialogProps {
  refusal: GateRefusal | null;
  accountName: string;
  /** Whether the policy lets this user override (the team's sales manager, admins). */
  mayOverride: boolean;
  busy: boolean;
  /** The server's refusal of the override itself, if any. */
  error: string | null;
  onClose(): void;
  onOverride(reason: string): void;
}

/** A move refused for unmet gates: which ones, and for those allowed, moving on with a reason. */
export function GateRefusalDialog({ refusal, accountName, mayOverride, busy, error, onClose, onOverride }: GateRefusalDialogProps) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const view = refusal ? refusalDialog(refusal, mayOverride) : null;

  function close() {
    setReason('');
    setProblem(null);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateOverrideReason(reason);
    setProblem(found);
    if (!found) onOverride(reason.trim());
  }

  return (
    <Modal opened={refusal !== null} onClose={close} title={t('gates.refusedTitle', { account: accountName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {view ? (
        <Stack gap="sm">
          <Text size="sm">{t('gates.refusedIntro', { count: refusal?.count ?? 0 })}</Text>
          {view.groups.map((group) => (
            <div key={group.stage}>
              <Text size="sm" fw={600} component="h3" m={0}>
                {t(`stage.${group.stage}`)}
              </Text>
              <ul className={classes.stageGroup} aria-label={t('gates.unmetIn', { stage: t(`stage.${group.stage}`) })}>
                {group.gates.map((g) => (
                  <li key={g.gateId}>
                    <Text size="sm">{gateLabel(g.label, i18n.language)}</Text>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          {view.offerOverride ? (
            <form onSubmit={submit} noValidate aria-label={t('gates.override')}>
              <Stack gap="xs">
                <Textarea
                  label={t('gates.overrideReason')}
                  description={t('gates.overrideHint')}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.currentTarget.value);
                    setProblem(null);
                  }}
                  error={problem ? t(problem) : undefined}
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    {t('common.cancel')}
                  </Button>
                  <Button type="submit" color="red" loading={busy}>
                    {t('gates.overrideSubmit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('gates.meetFirst')}
              </Text>
              <Group justify="flex-end">
                <Button onClick={close}>{t('common.close')}</Button>
              </Group>
            </>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}
