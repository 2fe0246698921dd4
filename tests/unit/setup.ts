// DOM and component tests only (`// @vitest-environment jsdom`): the rest run under node.
if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  // Cleans the DOM after each component test. Imported here rather than added by the plugin
  // (vitest.config.ts), which would name it by its real path, outside the copy of the project
  // mutation testing runs in.
  await import('@testing-library/svelte/vitest');
}
