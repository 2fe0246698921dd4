import { defineConfig } from 'wxt';
import { issyCharter } from './lib/charter/issy';
import { permissionFor } from './lib/portals/permission';

// The extension is built for Chrome (MV3) and Firefox (MV2 and MV3) from the same sources.
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Témoin',
    // Everything Témoin says is in locales/ (lib/i18n/); French unless the browser or the visitor chooses English.
    default_locale: 'fr',
    description: '__MSG_extension_summary__',
    // scripting: the page script (entrypoints/page.content.ts) runs only when the visitor opens
    // Témoin, and when a covered portal's page loads while its charter is due to be read again.
    // activeTab: on that click, Témoin may see which site the tab shows, to offer to analyse it.
    // contextualIdentities (Firefox): the options page names each container's cookies apart.
    permissions: ['cookies', 'storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? ['contextualIdentities'] : [])],
    // The parent domain is needed (`*://*.issy.com/*`): Chrome's cookies.getAll hides
    // Domain=issy.com cookies without it. The same pattern as a portal the visitor adds.
    host_permissions: [permissionFor(issyCharter.site)],
    // Other Opendatasoft portals, each asked for when the visitor clicks « Analyser ce portail ».
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'temoin@temoin.fr',
          // data_collection_permissions needs Firefox 140 (142 on Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({
    build: {
      // A lazily loaded chunk brings its own imports when it loads (files of the extension, read
      // at once): the list of every one of them for every dynamic import would weigh on what the
      // popup loads before its first paint. The pages' own <link rel="modulepreload"> stay.
      modulePreload: {
        // Both browsers Témoin supports preload modules themselves (Chrome 66, Firefox 115).
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) => (hostType === 'html' ? deps : []),
      },
    },
    resolve: {
      // The package's `module` entry is its unminified source: a public-suffix table in number
      // literals far larger than the minified build it also ships.
      alias: { 'tldts-icann': 'tldts-icann/dist/index.esm.min.js' },
    },
  }),
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources-{{manifestVersion}}.zip',
    // The sources archive addons.mozilla.org rebuilds from (BUILDING.md; `npm run verify-sources`
    // checks it): what the build reads, the lock file and the Node version; not the tests, the
    // benchmarks or the pictures. WXT leaves dot files out unless named.
    includeSources: ['**/*', '.nvmrc'],
    excludeSources: ['docs/**', 'store/**/*.png', 'tests/**', 'bench/**', 'TESTING.md', 'BENCHMARKS.md', 'stryker.config.mjs', 'vitest*.config.ts'],
  },
});
