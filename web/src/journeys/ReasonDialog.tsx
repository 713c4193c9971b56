import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { discontinuanceReasons, rejectionReasons } from './transitions';

export interface ReasonDialogProps {
  kind: 'reject' | 'discontinue' | null;
  accountName: string;
  busy: boolean;
  onCancel(): void;
  onConfirm(reason: string, note: string): void;
}

/** Asks why a journey ends (rejection or discontinuance) before it is sent. */
export function ReasonDialog({ kind, accountName, busy, onCancel, onConfirm }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const reasons = kind === 'discontinue' ? discontinuanceReasons : rejectionReasons;
  const family = kind === 'discontinue' ? 'discontinuanceReason' : 'rejectionReason';

  function close() {
    setReason(null);
    setNote('');
    setMissing(false);
    onCancel();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setMissing(true);
      return;
    }
    onConfirm(reason, note.trim());
    setReason(null);
    setNote('');
    setMissing(false);
  }

  return (
    <Modal opened={kind !== null} onClose={close} title={kind === 'discontinue' ? t('transition.discontinueTitle', { account: accountName }) : t('transition.rejectTitle', { account: accountName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('transition.reason')}
            required
            data={reasons.map((r) => ({ value: r, label: t(`${family}.${r}`) }))}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setMissing(false);
            }}
            error={missing ? t('validation.reasonRequired') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label={t('transition.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {kind === 'discontinue' ? t('transition.discontinue') : t('transition.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
