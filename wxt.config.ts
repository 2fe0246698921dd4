import { defineConfig } from 'wxt';

// The extension is built for Chrome (MV3) and Firefox (MV2 and MV3) from the same sources.
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Témoin',
    description:
      'Montre chaque cookie d’un portail open data, qui le dépose et pourquoi, selon la charte du site.',
    default_locale: undefined,
    permissions: ['cookies', 'storage'],
    // The parent domain is needed: Chrome's cookies.getAll hides Domain=issy.com cookies without it.
    host_permissions: ['*://*.issy.com/*'],
    action: { default_title: 'Témoin — cookies de cette page' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'temoin@temoin.fr',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}-mv{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources-mv{{manifestVersion}}.zip',
  },
});
