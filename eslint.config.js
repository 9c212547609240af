import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Classic zod puts every method (.toJSONSchema included) on every schema, so none of zod tree-shakes out of a bundle.
const CLASSIC_ZOD = { name: 'zod', message: "Import from 'zod/mini': its functions tree-shake, classic zod's methods do not." };

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use the wrappers in lib/browser.' }],
    },
  },
  {
    // Only lib/browser and the entrypoints touch the extension APIs; everything else takes small wrappers that tests
    // can fake (and WXT's auto-imported `browser` global is refused here too).
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'],
    ignores: ['lib/browser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill', '@wxt-dev/browser'].map((name) => ({
              name,
              message: 'Use the wrappers in lib/browser.',
            })),
            CLASSIC_ZOD,
          ],
          patterns: [{ group: ['wxt/browser/*', '@wxt-dev/browser/*', 'webextension-polyfill/*'], message: 'Use the wrappers in lib/browser.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use the wrappers in lib/browser.' },
        { name: 'browser', message: 'Use the wrappers in lib/browser.' },
      ],
    },
  },
  {
    // What the block above leaves out of the code that ships: the browser wrappers and the entry points.
    files: ['lib/browser/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [CLASSIC_ZOD] }] },
  },
);
