import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { SignInScreen } from './SignInScreen';

describe('the sign-in screen', () => {
  beforeAll(async () => {
    await initI18n();
  });

  it('labels its fields and says what is missing before calling the server', async () => {
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <SignInScreen />
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Masuk' })).toBeTruthy();
    expect(screen.getByLabelText(/^Email/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Isi email Anda.')).toBeTruthy();
    expect(screen.getByText('Isi kata sandi Anda.')).toBeTruthy();
  });
});
