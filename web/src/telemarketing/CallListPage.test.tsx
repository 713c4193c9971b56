import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { User } from '../api/types';
import { initI18n } from '../i18n';
import CallListPage from './CallListPage';

const caller: User = { id: 'u2', email: 'andi@contoh.co.id', name: 'Andi Wijaya', role: 'account_manager', teamId: null, locale: 'id', timeZone: 'Asia/Jakarta', active: true, version: 1, createdAt: '', updatedAt: '' } as User;
const outcomes = { no_answer: 0, call_back: 0, not_interested: 0, interested: 0, meeting_booked: 0, wrong_number: 0, do_not_call: 0 };
const list = {
  id: 'l1', name: 'Telemarketing DC', campaignId: null, segmentId: 's1', segmentName: 'TI di Surabaya', solutionId: 'sol1', solutionName: 'Data Center', status: 'open',
  createdBy: 'u1', total: 1, called: 0, version: 1, createdAt: '2024-06-30T00:00:00.000Z', updatedAt: '2024-06-30T00:00:00.000Z',
  progress: [{ callerId: 'u2', callerName: 'Andi Wijaya', total: 1, called: 0, outcomes }],
};
const entry = {
  id: 'e1', callListId: 'l1', position: 1, contactId: 'c1', contactName: 'Agus Pratama', title: 'Head of IT', phone: '+62315551234', whatsapp: null, techProficiency: 'advanced', division: 'it',
  accountId: 'a1', accountName: 'PT Baja Timur', callerId: 'u2', outcome: null, calledAt: null, note: null, doNotCall: false, version: 1,
};

function fakeFetch(positioning: 'answers' | 'fails', shown = entry) {
  const writes: Array<{ url: string; body: unknown }> = [];
  const asked = { positioning: 0 };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const ok = (data: unknown) => new Response(JSON.stringify(data), { status: 200 });
    if (url === '/api/call-lists/l1') return ok(list);
    if (url.startsWith('/api/call-lists/l1/entries')) return ok({ items: [shown], nextCursor: null });
    if (url === '/api/solutions/sol1/positioning') {
      asked.positioning += 1;
      if (positioning === 'fails') return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Tidak ditemukan.' } }), { status: 404 });
      return ok({
        solutionId: 'sol1',
        version: 1,
        pillars: [{ pillar: 'operational_excellence', statementId: 'Pusat data yang selalu tersedia.', statementEn: 'An always-on data center.' }],
        messages: [{ id: 'm1', proficiency: 'advanced', division: 'it', textId: 'Arsitektur siap skala untuk tim TI Anda.', textEn: 'Architecture that scales.' }],
      });
    }
    if (url === '/api/call-list-entries/e1/outcome') {
      writes.push({ url, body: JSON.parse(String(init?.body)) });
      return ok({ ...entry, outcome: 'interested', version: 2 });
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Tidak ditemukan.' } }), { status: 404 });
  };
  return { fetch, writes, asked };
}

function show() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <CallListPage id="l1" me={caller} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the call list page', () => {
  beforeAll(async () => {
    await initI18n();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the call script from the solution’s positioning, with the message for the contact’s persona', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeFetch('answers').fetch));
    show();
    const script = await screen.findByRole('region', { name: 'Naskah panggilan' });
    expect(within(script).getByText('Pusat data yang selalu tersedia.')).toBeTruthy();
    expect(await screen.findByText(/Sampaikan: Arsitektur siap skala untuk tim TI Anda\./)).toBeTruthy();
  });

  it('hides the script panel when the positioning endpoint does not answer', async () => {
    const fake = fakeFetch('fails');
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    show();
    expect(await screen.findByText('Agus Pratama', { exact: false })).toBeTruthy();
    await waitFor(() => expect(fake.asked.positioning).toBe(1));
    await act(async () => {}); // let the refused answer settle into the query
    expect(screen.queryByRole('region', { name: 'Naskah panggilan' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Panggilan saya' })).toBeTruthy();
  });

  it('records the outcome the caller chooses, with the note', async () => {
    const fake = fakeFetch('fails');
    vi.stubGlobal('fetch', vi.fn(fake.fetch));
    show();
    const buttons = await screen.findByRole('group', { name: 'Hasil panggilan ke Agus Pratama' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Catatan' }), { target: { value: 'Minta proposal' } });
    fireEvent.click(within(buttons).getByRole('button', { name: 'Tertarik' }));
    await waitFor(() => expect(fake.writes).toHaveLength(1));
    expect(fake.writes[0]?.body).toEqual({ outcome: 'interested', note: 'Minta proposal', version: 1 });
  });

  it('warns not to call a contact who has opted out since, and offers no dial link', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeFetch('fails', { ...entry, doNotCall: true }).fetch));
    show();
    expect(await screen.findByText('Menolak ditelepon: jangan hubungi')).toBeTruthy();
    expect(screen.getByText('+62315551234').closest('a')).toBeNull();
  });
});
