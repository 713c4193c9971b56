import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, darken, DEFAULT_THEME, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './App';
import { initI18n } from './i18n';

const theme = createTheme({ primaryColor: 'teal', primaryShade: { light: 9, dark: 7 }, focusRing: 'auto', defaultRadius: 'md' });
// Mantine's default "dimmed" grey, and the text of its light and outline variants (shade 6),
// are below the 4.5:1 contrast WCAG AA asks for small text: use darker shades.
const variantColors = ['teal', 'blue', 'violet', 'red', 'orange', 'grape', 'indigo', 'yellow', 'gray', 'green'] as const;
const darkerVariants = Object.fromEntries(
  variantColors.flatMap((c) => [
    [`--mantine-color-${c}-light-color`, darken(DEFAULT_THEME.colors[c][9], 0.3)],
    [`--mantine-color-${c}-outline`, darken(DEFAULT_THEME.colors[c][9], 0.15)],
  ]),
);
const resolver: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#545b63', '--mantine-color-error': DEFAULT_THEME.colors.red[9], ...darkerVariants }, dark: {} });
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById('root');
// The first paint waits for the language's strings (one small chunk), so no key ever flashes.
await initI18n();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolver}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
