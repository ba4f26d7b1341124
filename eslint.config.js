import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Which layer may import which (docs/architecture.md). Each entry: the files of a layer, and the
 * folders they must not import from. The engine stays pure, the CLI never reaches into the server.
 */
const LAYERS = [
  {
    files: [
      'src/survey/**',
      'src/stats/**',
      'src/text/**',
      'src/report/**',
      'src/ingest/**',
      'src/publish/**',
      'src/csv/**',
    ],
    deny: ['server', 'cli', 'web', 'store', 'app'],
  },
  { files: ['src/store/**'], deny: ['server', 'cli', 'web', 'app'] },
  { files: ['src/app/**'], deny: ['server', 'cli', 'web', 'main'] },
  { files: ['src/cli/**'], deny: ['server', 'web', 'main'] },
  { files: ['src/server/**'], deny: ['cli', 'web', 'main'] },
  { files: ['src/web/**'], deny: ['server', 'cli', 'store', 'main'] },
  { files: ['src/demo/**'], deny: ['server', 'cli', 'web', 'main'] },
  { files: ['src/main/**'], deny: [] },
  { files: ['src/runtime/**'], deny: ['cli', 'web', 'main'] },
];

/** Outside src/publish, the publication engine is reached through its front door only. */
const PUBLISH_FRONT_DOOR = {
  group: ['**/publish/*', '**/publish/*/**', '!**/publish/index.js'],
  message: 'import the publication engine from src/publish/index.ts, its front door',
};

/** The Kysely instance under a store is for tests and benchmarks: src uses repositories. */
const NO_RAW_DATABASE = {
  group: ['**/store/inspect', '**/store/inspect.js'],
  message: 'use the repositories and store.transaction (src/store/inspect is for tests and benchmarks)',
};

const boundaryRules = LAYERS.map(({ files, deny }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...deny.map((folder) => ({
            group: [`**/${folder}/*`, `**/${folder}/**`, `../${folder}`, `../../${folder}`],
            message: `this layer must not import from src/${folder} (see docs/architecture.md)`,
          })),
          NO_RAW_DATABASE,
          ...(files.includes('src/publish/**') ? [] : [PUBLISH_FRONT_DOOR]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'out', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test registers tests synchronously; the promise it returns is the runner's business.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...boundaryRules,
);
