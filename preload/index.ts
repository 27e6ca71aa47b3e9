/**
 * The preload: exposes the console API to the renderer as named functions only, each bound to
 * its own IPC channel (never a generic invoke). Built as CommonJS so the renderer sandbox stays on.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiRequest, ConsoleApi, OpName } from '../core/api';
import { ipcChannel } from '../core/ipc';

const call =
  <K extends OpName>(op: K) =>
  (request: ApiRequest<K>) =>
    ipcRenderer.invoke(ipcChannel(op), request);

const api: ConsoleApi = {
  listProfiles: call('listProfiles'),
  describeCatalogue: call('describeCatalogue'),
  stagePhoto: call('stagePhoto'),
  dropPhoto: call('dropPhoto'),
  issueToken: call('issueToken'),
  cancelCall: call('cancelCall'),
  getVaultStatus: call('getVaultStatus'),
  createProfile: call('createProfile'),
  updateProfile: call('updateProfile'),
  duplicateProfile: call('duplicateProfile'),
  deleteProfile: call('deleteProfile'),
  setActiveProfile: call('setActiveProfile'),
  exportProfiles: call('exportProfiles'),
  importProfiles: call('importProfiles'),
  testConnection: call('testConnection'),
  queryHistory: call('queryHistory'),
  getHistoryRow: call('getHistoryRow'),
  historyCurl: call('historyCurl'),
  deleteHistory: call('deleteHistory'),
  getKeptPhoto: call('getKeptPhoto'),
  getSettings: call('getSettings'),
  updateSettings: call('updateSettings'),
  fetchResult: call('fetchResult'),
  verifyCallback: call('verifyCallback'),
  getSandboxState: call('getSandboxState'),
  setSandboxFaults: call('setSandboxFaults'),
  setSandboxMode: call('setSandboxMode'),
  getTeamStatus: call('getTeamStatus'),
  updateTeamSettings: call('updateTeamSettings'),
  watchCalls: call('watchCalls'),
  getBestImage: call('getBestImage'),
  saveRecordPdf: call('saveRecordPdf'),
  analysePhoto: call('analysePhoto'),
  rotatePhoto: call('rotatePhoto'),
  setSandboxDetectFaces: call('setSandboxDetectFaces'),
  getSandboxLan: call('getSandboxLan'),
  setSandboxLan: call('setSandboxLan'),
  teamOutbox: call('teamOutbox'),
  saveHistoryExport: call('saveHistoryExport'),
  downscaleStagedPhoto: call('downscaleStagedPhoto'),
  stageKeptPhoto: call('stageKeptPhoto'),
};

contextBridge.exposeInMainWorld('faceidConsole', api);
