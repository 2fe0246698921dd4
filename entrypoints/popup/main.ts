// First, so the report is on its way before the interface's code runs.
import './first-report';
import { mount } from 'svelte';
import '@/components/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
