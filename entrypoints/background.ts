import { handlers } from '@/lib/background/handlers';
import { assertExtensionPage } from '@/lib/background/sender';
import { onMessage } from '@/lib/messaging';

export default defineBackground(() => {
  for (const [name, handle] of Object.entries(handlers)) {
    onMessage(name as keyof typeof handlers, async ({ data, sender }) => {
      assertExtensionPage(sender);
      return (handle as (data: unknown) => Promise<never>)(data);
    });
  }
});
