import { startFirstReport } from '@/lib/ui/first-report';

/**
 * Loaded by popup.html as a classic script in its <head>: it runs while the page is still being
 * parsed, before the interface's modules are loaded, so the report is already on its way.
 */
export default defineUnlistedScript(startFirstReport);
