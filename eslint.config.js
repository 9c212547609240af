import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
    // Business logic reaches browser APIs only through lib/browser, so tests can pass fakes.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/browser/**', 'lib/panel/connection.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wxt/browser', message: 'Use the wrappers in lib/browser.' }] }],
    },
  },
);
