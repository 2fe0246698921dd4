/**
 * Is this page an Opendatasoft portal? Its markup says so (probe.ts), or its catalogue API
 * answers JSON: asked from the page (lib/page/requests.ts), on its own origin.
 */
export async function opendatasoftApiAnswers(): Promise<boolean> {
  try {
    // Absolute: in Firefox a content script's relative fetch resolves against the extension.
    const api = new URL('/api/explore/v2.1/catalog/datasets?limit=1', location.href);
    // A portal's API answers at once; one that hangs is not taken for one.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5000);
    const response = await fetch(api, { credentials: 'omit', signal: controller.signal });
    if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return false;
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body === 'object' && body !== null && ('total_count' in body || 'results' in body);
  } catch {
    return false;
  }
}
