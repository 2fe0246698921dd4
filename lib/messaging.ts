/**
 * The one protocol between the extension's parts. Queries return one complete snapshot;
 * commands return `{ done, failed }`. Thrown errors reach the caller as rejections.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClearPreview } from './clear-non-essential';
import type { CommandResult } from './command-result';
import type { Report } from './report';

export type ReportResult =
  | { state: 'report'; report: Report; pageRead: boolean; resetUndo?: { id: string; at: string } }
  | { state: 'not-covered'; host: string | null }
  | { state: 'error'; message: string };

export interface ClearState {
  preview: ClearPreview;
  lastClear?: { id: string; at: string; count: number };
}

interface ProtocolMap {
  /** popup → background */
  getReport(tabId: number): ReportResult;
  resetPreferences(tabId: number): CommandResult;
  /** options → background */
  getClearState(site: string): ClearState;
  clearNonEssential(request: { site: string; ids: string[] }): CommandResult;
  /** popup or options → background */
  undo(undoId: string): CommandResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
