import { createTheme } from '@mantine/core';

/** Bundled Noto Sans SC first, so Chinese renders the same on every PC (no system CJK font needed). */
const FONT_STACK = "'Noto Sans SC', -apple-system, 'Segoe UI', 'Microsoft YaHei', sans-serif";

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  fontFamilyMonospace: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans SC', monospace",
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  // Honour the OS setting to reduce motion (also makes modal screenshots in tests deterministic).
  respectReducedMotion: true,
});
