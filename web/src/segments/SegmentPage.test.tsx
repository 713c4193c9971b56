import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateRule, segmentFields, type SegmentFacts, type SegmentRule } from '../../../src/domain/segmentRules';
import type { User } from '../api/types';
import { initI18n } from '../i18n';
import SegmentPage from './SegmentPage';
import type { Segment } from './segmentsApi';

/** A stand-in server: the real evaluator over three contacts, and a record of the writes it received. */
const facts: SegmentFacts = {
  accounts: [
    { id: 'a1', name: 'PT Bank Sejahtera', industry: 'banking', sizeBand: '250-999', tier: 'enterprise', city: 'Jakarta', province: 'DKI Jakarta', region: 'jabodetabek', relationship: 'new_logo', createdAt: '2024-01-01T00:00:00.000Z' },
    { id: 'a2', name: 'PT Logistik Andalan', industry: 'logistics', sizeBand: '50-249', tier: 'smb', city: 'Surabaya', province: 'Jawa Timur', region: 'java', relationship: 'new_logo', createdAt: '2024-01-01T00:00:00.000Z' },
  ],
  contacts: [
    { id: 'c1', accountId: 'a1', title: 'Head of IT', division: 'it', seniority: 'manager', ageBand: null, techProficiency: 'advanced', influence: 'decision_maker', openness: 'high', email: null, phone: null, whatsapp: null, createdAt: '2024-01-01T00:00:00.000Z' },
    { id: 'c2', accountId: 'a1', title: null, division: 'finance', seniority: 'director', ageBand: null, techProficiency: 'beginner', influence: 'user', openness: 'low', email: null, phone: null, whatsapp: null, createdAt: '2024-01-01T00:00:00.000Z' },
    { id: 'c3', accountId: 'a2', title: 'IT Manager', division: 'it', seniority: 'manager', ageBand: null, techProficiency: 'advanced', influence: 'recommender', openness: 'high', email: null, phone: null, whatsapp: null, createdAt: '2024-01-01T00:00:00.000Z' },
  ],
  journeys: [],
  activities: [],
};
const names: Record<string, string> = { c1: 'Budi Santoso', c2: 'Rina Keuangan', c3: 'Eko Prasetyo' };
const writes: { method: string; url: string; body: unknown }[] = [];

function saved(body: { name: string; description: string | null; rule: SegmentRule }, version = 1, kind: 'dynamic' | 'static' = 'dynamic'): Segment {
  return { id: 's1', ...body, kind, ownerId: 'u1', frozenAt: kind === 'static' ? '2024-06-30T05:00:00.000Z' : null, memberCount: kind === 'static' ? 2 : null, version, createdAt: '2024-06-30T00:00:00.000Z', updatedAt: '2024-06-30T00:00:00.000Z' };
}

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  const method = init?.method ?? 'GET';
  const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
  const ok = (data: unknown) => new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } });
  if (url === '/api/segments/fields') return ok({ items: segmentFields });
  if (url.startsWith('/api/solutions')) return ok({ items: [] });
  if (url === '/api/segments/preview') {
    const members = evaluateRule(body?.rule as SegmentRule, facts, '2024-06-30T12:00:00.000Z');
    const accounts = new Set(members.map((m) => m.accountId));
    return ok({
      contacts: members.length,
      accounts: accounts.size,
      items: members.map((m) => ({ contactId: m.contactId, fullName: names[m.contactId], title: null, division: 'it', seniority: 'manager', accountId: m.accountId, accountName: facts.accounts.find((a) => a.id === m.accountId)?.name, city: 'Jakarta' })),
    });
  }
  writes.push({ method, url, body });
  if (url === '/api/segments' && method === 'POST') return ok(saved(body as never));
  if (url === '/api/segments/s1' && method === 'GET') return ok(saved({ name: 'TI', description: null, rule: { all: [{ field: 'contact.division', op: 'eq', value: 'it' }] } }));
  if (url === '/api/segments/s1/freeze') return ok(saved({ name: 'TI', description: null, rule: { all: [{ field: 'contact.division', op: 'eq', value: 'it' }] } }, 2, 'static'));
  if (url.startsWith('/api/segments/s1/members')) return ok({ contacts: 2, accounts: 2, items: [] });
  return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Tidak ditemukan.' } }), { status: 404 });
}

const marcomm: User = { id: 'u1', email: 'maya@contoh.co.id', name: 'Maya', role: 'marcomm', teamId: null, locale: 'id', timeZone: 'Asia/Jakarta', active: true, version: 1, createdAt: '', updatedAt: '' } as User;

function show(id: string | null, user: User = marcomm) {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SegmentPage id={id} me={user} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the segment page', () => {
  beforeAll(async () => {
    await initI18n();
  });
  beforeEach(() => {
    writes.length = 0;
    vi.stubGlobal('fetch', vi.fn(fakeFetch));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('counts live while a condition is built, marks an incomplete one, and creates the segment', async () => {
    show(null);
    expect(await screen.findByText('3 kontak di 2 akun', undefined, { timeout: 3000 })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tambah syarat' }));
    // The first field is the city, and an empty city cannot be counted yet.
    expect(await screen.findByText('Lengkapi syarat yang ditandai merah untuk melihat jumlahnya.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Nilai' }), { target: { value: 'jakarta' } });
    expect(await screen.findByText('2 kontak di 1 akun', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('Rina Keuangan')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tambah syarat' }));
    const conditions = screen.getAllByRole('textbox', { name: 'Nilai' });
    fireEvent.change(conditions[1] as HTMLElement, { target: { value: 'surabaya' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cocokkan' }), { target: { value: 'any' } });
    expect(await screen.findByText('3 kontak di 2 akun', undefined, { timeout: 3000 })).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /^Nama/ }), { target: { value: 'Jakarta atau Surabaya' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buat segmen' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      url: '/api/segments',
      body: {
        name: 'Jakarta atau Surabaya',
        description: null,
        rule: { any: [{ field: 'account.city', op: 'eq', value: 'jakarta' }, { field: 'account.city', op: 'eq', value: 'surabaya' }] },
      },
    });
  });

  it('picks a field from the catalogue and starts with the first word of its vocabulary', async () => {
    show(null);
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah syarat' }));
    fireEvent.click(screen.getByRole('textbox', { name: 'Kolom' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Divisi' }));
    expect((screen.getByRole('textbox', { name: 'Kolom' }) as HTMLInputElement).value).toBe('Divisi');
    expect((screen.getByRole('textbox', { name: 'Nilai' }) as HTMLInputElement).value).toBe('TI');
    expect(await screen.findByText('2 kontak di 2 akun', undefined, { timeout: 3000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus syarat' }));
    expect(await screen.findByText('Belum ada syarat: semua kontak cocok.')).toBeTruthy();
  });

  it('asks before freezing a saved segment, then shows it as a static list', async () => {
    show('s1');
    expect(await screen.findByText('2 kontak di 2 akun', undefined, { timeout: 3000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bekukan sebagai daftar statis' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/2 kontak yang cocok saat ini menjadi daftar tetap/)).toBeTruthy();
    expect(writes).toEqual([{ method: 'GET', url: '/api/segments/s1', body: undefined }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bekukan sebagai daftar statis' }));
    await waitFor(() => expect(writes.map((w) => w.url)).toContain('/api/segments/s1/freeze'));
    expect(writes.find((w) => w.url === '/api/segments/s1/freeze')?.body).toEqual({ version: 1 });
    expect(await screen.findByText('Daftar statis')).toBeTruthy();
  });

  it('shows a saved segment read-only to an account manager', async () => {
    show('s1', { ...marcomm, role: 'account_manager' });
    expect(await screen.findByText(/Anda dapat membaca segmen ini/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tambah syarat' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hapus segmen' })).toBeNull();
    expect((screen.getByRole('textbox', { name: /^Nama/ }) as HTMLInputElement).disabled).toBe(true);
  });
});
