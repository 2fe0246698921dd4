// Every component in runes mode, including those that use no rune (LiveRegion): no component
// pulls Svelte's legacy-mode runtime into the pages.
export default {
  compilerOptions: { runes: true },
};
