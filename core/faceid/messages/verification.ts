/**
 * Namespace `verification`: the reading of a verification result in plain words
 * (core/faceid/verification.ts) — the flow's status, the liveness verdict, each comparison at the
 * strictest false-accept level it meets, and the headline. Statuses, fields and numbers are the
 * service's, quoted as they come.
 */
import { defineMessages } from '../../i18n/messages';

export const verificationMessages = defineMessages({
  en: {
    headline: { pending: 'Not finished yet', incomplete: 'Not verified: {status}', pass: 'Verified', fail: 'Not verified' },
    status: {
      NOT_STARTED: 'The customer has not opened the liveness page yet.',
      PROCESSING: 'The customer is on the liveness page now.',
      OK: 'The customer completed the flow (this is not yet a pass: see the liveness verdict).',
      FAILED: 'The flow broke off or failed (in flash mode also when the mirror step is not passed within 30 s).',
      CANCELLED: 'The customer quit the flow.',
      TIMEOUT: 'The flow timed out.',
      WEBRTC_UNSUPPORTED: "The customer's browser could not run the camera check.",
      other: 'Status {status}.',
    },
    failReason: {
      NETWORK_ERROR: 'Reason: the page could not connect.',
      PERMISSIONS_ERROR: 'Reason: camera access was denied or cannot be granted.',
      SUPPORT_ERROR: 'Reason: the browser lacks WebRTC or is otherwise incompatible.',
      other: 'Reason: {reason}.',
    },
    liveness: {
      passed: 'Liveness: passed.',
      passedWith: 'Liveness: passed ({procedure}).',
      failed: 'Liveness: failed.',
      failedWith: 'Liveness: failed ({procedure}).',
    },
    attack: {
      none: 'No fake-face attack suspected.',
      synthetic_face: 'Suspected attack: synthetic face.',
      mask: 'Suspected attack: mask.',
      screen_replay: 'Suspected attack: screen replay.',
    },
    comparison: {
      noMatch: 'Against {ref}: no match: confidence {confidence} is below even the 1-in-1,000 false-accept threshold ({threshold}).',
      '1e-3': 'Against {ref}: match at the 1-in-1,000 false-accept level (confidence {confidence} ≥ {threshold}).',
      '1e-4': 'Against {ref}: match at the 1-in-10,000 false-accept level (confidence {confidence} ≥ {threshold}).',
      '1e-5': 'Against {ref}: match at the 1-in-100,000 false-accept level (confidence {confidence} ≥ {threshold}).',
      '1e-6': 'Against {ref}: match at the 1-in-1,000,000 false-accept level (confidence {confidence} ≥ {threshold}).',
      error: 'Comparison error: {message}.',
    },
    shootingError: { yes: 'The page never received the recorded video (shooting_error).', no: 'The recorded video was received.' },
    multipleFaces: { yes: 'Several faces were seen during the check.', no: 'One face was seen during the check.' },
  },
  id: {
    headline: { pending: 'Belum selesai', incomplete: 'Tidak terverifikasi: {status}', pass: 'Terverifikasi', fail: 'Tidak terverifikasi' },
    status: {
      NOT_STARTED: 'Nasabah belum membuka halaman liveness.',
      PROCESSING: 'Nasabah sedang berada di halaman liveness.',
      OK: 'Nasabah telah menyelesaikan alur (ini belum berarti lulus: lihat hasil liveness).',
      FAILED: 'Alur terhenti atau gagal (di mode flash juga bila langkah cermin tidak dilewati dalam 30 detik).',
      CANCELLED: 'Nasabah keluar dari alur.',
      TIMEOUT: 'Waktu alur habis.',
      WEBRTC_UNSUPPORTED: 'Browser nasabah tidak dapat menjalankan pemeriksaan kamera.',
      other: 'Status {status}.',
    },
    failReason: {
      NETWORK_ERROR: 'Alasan: halaman tidak dapat terhubung.',
      PERMISSIONS_ERROR: 'Alasan: akses kamera ditolak atau tidak dapat diberikan.',
      SUPPORT_ERROR: 'Alasan: browser tidak mendukung WebRTC atau tidak kompatibel.',
      other: 'Alasan: {reason}.',
    },
    liveness: {
      passed: 'Liveness: lulus.',
      passedWith: 'Liveness: lulus ({procedure}).',
      failed: 'Liveness: gagal.',
      failedWith: 'Liveness: gagal ({procedure}).',
    },
    attack: {
      none: 'Tidak ada dugaan serangan wajah palsu.',
      synthetic_face: 'Dugaan serangan: wajah sintetis.',
      mask: 'Dugaan serangan: masker.',
      screen_replay: 'Dugaan serangan: rekaman layar.',
    },
    comparison: {
      noMatch: 'Terhadap {ref}: tidak cocok: confidence {confidence} di bawah ambang salah terima 1 banding 1.000 sekalipun ({threshold}).',
      '1e-3': 'Terhadap {ref}: cocok pada tingkat salah terima 1 banding 1.000 (confidence {confidence} ≥ {threshold}).',
      '1e-4': 'Terhadap {ref}: cocok pada tingkat salah terima 1 banding 10.000 (confidence {confidence} ≥ {threshold}).',
      '1e-5': 'Terhadap {ref}: cocok pada tingkat salah terima 1 banding 100.000 (confidence {confidence} ≥ {threshold}).',
      '1e-6': 'Terhadap {ref}: cocok pada tingkat salah terima 1 banding 1.000.000 (confidence {confidence} ≥ {threshold}).',
      error: 'Error pencocokan: {message}.',
    },
    shootingError: { yes: 'Halaman tidak pernah menerima video rekaman (shooting_error).', no: 'Video rekaman sudah diterima.' },
    multipleFaces: { yes: 'Terlihat beberapa wajah selama pemeriksaan.', no: 'Terlihat satu wajah selama pemeriksaan.' },
  },
  zh: {
    headline: { pending: '尚未完成', incomplete: '未通过验证：{status}', pass: '验证通过', fail: '未通过验证' },
    status: {
      NOT_STARTED: '用户尚未打开活体检测页面。',
      PROCESSING: '用户正在活体检测页面上。',
      OK: '用户已完成流程（这还不代表通过：请看活体检测结果）。',
      FAILED: '流程中断或失败（炫彩模式下，30 秒内未通过镜像步骤也算失败）。',
      CANCELLED: '用户退出了流程。',
      TIMEOUT: '流程超时。',
      WEBRTC_UNSUPPORTED: '用户的浏览器无法进行摄像头检测。',
      other: '状态 {status}。',
    },
    failReason: {
      NETWORK_ERROR: '原因：页面无法连接网络。',
      PERMISSIONS_ERROR: '原因：摄像头权限被拒绝或无法授予。',
      SUPPORT_ERROR: '原因：浏览器不支持 WebRTC 或不兼容。',
      other: '原因：{reason}。',
    },
    liveness: {
      passed: '活体检测：通过。',
      passedWith: '活体检测：通过（{procedure}）。',
      failed: '活体检测：未通过。',
      failedWith: '活体检测：未通过（{procedure}）。',
    },
    attack: {
      none: '未发现假脸攻击。',
      synthetic_face: '疑似攻击：合成人脸。',
      mask: '疑似攻击：面具。',
      screen_replay: '疑似攻击：屏幕翻拍。',
    },
    comparison: {
      noMatch: '与 {ref} 比对：不匹配：置信度 {confidence} 低于千分之一误识率的阈值（{threshold}）。',
      '1e-3': '与 {ref} 比对：在千分之一误识率下匹配（置信度 {confidence} ≥ {threshold}）。',
      '1e-4': '与 {ref} 比对：在万分之一误识率下匹配（置信度 {confidence} ≥ {threshold}）。',
      '1e-5': '与 {ref} 比对：在十万分之一误识率下匹配（置信度 {confidence} ≥ {threshold}）。',
      '1e-6': '与 {ref} 比对：在百万分之一误识率下匹配（置信度 {confidence} ≥ {threshold}）。',
      error: '比对错误：{message}。',
    },
    shootingError: { yes: '页面始终未收到录制的视频（shooting_error）。', no: '已收到录制的视频。' },
    multipleFaces: { yes: '检测过程中发现多张人脸。', no: '检测过程中只发现一张人脸。' },
  },
});
