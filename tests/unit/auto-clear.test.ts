import { describe, expect, it } from 'vitest';
import { tabMoved, type PortalTabs } from '@/lib/auto-clear/tabs';

const issy = { site: 'data.issy.com', storeId: '0' };

describe('the portal’s last tab', () => {
  it('is left when the only tab of the portal closes', () => {
    expect(tabMoved({ 1: issy }, 1, undefined)).toEqual({ tabs: {}, left: issy });
  });

  it('is not left while another tab of the portal stays open in the same store', () => {
    const tabs: PortalTabs = { 1: issy, 2: issy };
    expect(tabMoved(tabs, 1, undefined).left).toBeUndefined();
  });

  it('judges each store alone: a container or a private window keeps its own cookies', () => {
    const tabs: PortalTabs = { 1: issy, 2: { ...issy, storeId: 'firefox-container-1' } };
    expect(tabMoved(tabs, 1, undefined).left).toEqual(issy);
    expect(tabMoved(tabs, 2, undefined).left).toEqual({ ...issy, storeId: 'firefox-container-1' });
  });

  it('is left when the tab goes elsewhere, and not when it reloads the portal', () => {
    expect(tabMoved({ 1: issy }, 1, undefined).left).toEqual(issy);
    expect(tabMoved({ 1: issy }, 1, issy)).toEqual({ tabs: { 1: issy } });
    expect(tabMoved({ 1: issy }, 1, { site: 'opendata.ville-exemple.fr', storeId: '0' }).left).toEqual(issy);
  });

  it('says nothing of a tab that never showed a portal', () => {
    expect(tabMoved({ 1: issy }, 5, undefined)).toEqual({ tabs: { 1: issy } });
  });
});
