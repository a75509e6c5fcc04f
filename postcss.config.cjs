/**
 * Mantine's PostCSS preset (rem(), light-dark(), mixins) for the renderer's
 * own CSS; Vite finds this file by walking up from `src-renderer`.
 */
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
