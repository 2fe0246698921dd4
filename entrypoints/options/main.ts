import { mount } from 'svelte';
import '@/components/theme.css';
import { useLanguage } from '@/lib/i18n/language';
import App from './App.svelte';

// In the visitor's language from the first word (lib/i18n/).
await useLanguage();
mount(App, { target: document.getElementById('app')! });
